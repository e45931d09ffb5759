package io.github.tailedcore.hostile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every file under a folder with its content hash (up to 128 MB), size, mode
 * and modification time: taken before and after a hostile case, two snapshots
 * are equal only if no user file was changed, replaced, added or removed.
 */
record UserFiles(Map<String, String> files) {

	/** Larger files (sparse ones of gigabytes) are compared by size and time. */
	private static final long HASHED = 128 << 20;

	/** The snapshot of {@code root} (empty if it does not exist). */
	static UserFiles of(final Path root) throws IOException {
		final Map<String, String> files = new TreeMap<>();
		if (!Files.exists(root)) return new UserFiles(files);
		try (Stream<Path> all = Files.walk(root)) {
			for (final Path p : (Iterable<Path>) all::iterator) {
				final String key = root.relativize(p).toString();
				if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) files.put(key +
					"/", mode(p));
				else files.put(key, Files.size(p) + " " + mode(p) + " " + Files
					.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toMillis() + " " +
					(Files.isSymbolicLink(p) ? "-> " + Files.readSymbolicLink(p) : Files
						.size(p) > HASHED ? "(not hashed)" : sha256(p)));
			}
		}
		return new UserFiles(files);
	}

	private static String mode(final Path p) throws IOException {
		return PosixFilePermissions.toString(Files.getPosixFilePermissions(p,
			LinkOption.NOFOLLOW_LINKS));
	}

	private static String sha256(final Path p) throws IOException {
		try (InputStream in = Files.newInputStream(p)) {
			final MessageDigest d = MessageDigest.getInstance("SHA-256");
			final byte[] buffer = new byte[1 << 16];
			for (int n; (n = in.read(buffer)) > 0;)
				d.update(buffer, 0, n);
			return HexFormat.of().formatHex(d.digest());
		}
		catch (final NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
