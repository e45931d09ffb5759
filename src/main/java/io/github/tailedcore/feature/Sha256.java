package io.github.tailedcore.feature;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256 checksums of backbone files: they identify the exact network a
 * model was fitted with ({@link BackboneId}) and verify downloads.
 */
public final class Sha256 {

	private Sha256() {}

	/** Lower-case hex SHA-256 of a file's bytes. */
	public static String of(final Path file) throws IOException {
		final MessageDigest digest = newDigest();
		try (InputStream in = Files.newInputStream(file)) {
			final byte[] buffer = new byte[1 << 16];
			for (int n; (n = in.read(buffer)) > 0;)
				digest.update(buffer, 0, n);
		}
		return hex(digest.digest());
	}

	/** Lower-case hex SHA-256 of some bytes. */
	public static String of(final byte[] bytes) {
		return hex(newDigest().digest(bytes));
	}

	/** A fresh SHA-256 digest. */
	static MessageDigest newDigest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (final NoSuchAlgorithmException e) {
			throw new IllegalStateException("This Java has no SHA-256.", e);
		}
	}

	/** Lower-case hex of a digest. */
	static String hex(final byte[] bytes) {
		final StringBuilder s = new StringBuilder(2 * bytes.length);
		for (final byte b : bytes)
			s.append(Character.forDigit((b >> 4) & 15, 16)).append(Character
				.forDigit(b & 15, 16));
		return s.toString();
	}
}
