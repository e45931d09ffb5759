package io.github.tailedcore.feature;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.UUID;

/**
 * Writes a backbone file from a stream so that it appears under its final
 * name only complete and with the expected SHA-256: the bytes go to a
 * temporary file in the target's folder while the checksum is computed, a
 * match is moved atomically into place, and the temporary file is deleted
 * on every path. A broken download or an interrupted unpacking therefore
 * never leaves a file that looks valid. The file gets the permissions the
 * user's umask gives new files (a folder of backbones may be shared), not
 * the owner-only ones of {@code Files.createTempFile}. Used by {@link BackboneDownloader}
 * and {@link BundledBackbones}.
 */
final class VerifiedFile {

	private VerifiedFile() {}

	/**
	 * Copies {@code in} to {@code target}, replacing a file of that name only
	 * once the copy is verified.
	 *
	 * @param origin what the bytes are, for the error message (a URL, a
	 *          resource)
	 * @return {@code target}
	 * @throws IOException if the stream fails or its SHA-256 differs from
	 *           {@code sha256} (then nothing is left behind)
	 */
	static Path write(final InputStream in, final Path target,
		final String sha256, final String origin) throws IOException
	{
		final Path part = target.resolveSibling("." + target.getFileName() + "." +
			UUID.randomUUID() + ".part");
		final OutputStream created;
		try {
			created = Files.newOutputStream(part, StandardOpenOption.CREATE_NEW,
				StandardOpenOption.WRITE);
		}
		catch (final IOException e) {
			throw new IOException("Cannot write " + target.getFileName() + " into " +
				target.getParent() + ": the folder cannot be written to (" + e +
				"). Make it writable, or set the system property tailedcore.models " +
				"to a writable folder.", e);
		}
		try {
			final MessageDigest digest = Sha256.newDigest();
			try (OutputStream out = created) {
				final byte[] buffer = new byte[1 << 16];
				for (int n; (n = in.read(buffer)) > 0;) {
					digest.update(buffer, 0, n);
					out.write(buffer, 0, n);
				}
			}
			final String actual = Sha256.hex(digest.digest());
			if (!actual.equals(sha256)) throw new IOException("The copy of " +
				origin + " has SHA-256 " + actual + " but " + sha256 +
				" was expected; it was deleted, nothing was written to " + target +
				".");
			move(part, target);
			return target;
		}
		finally {
			Files.deleteIfExists(part);
		}
	}

	private static void move(final Path from, final Path to) throws IOException {
		try {
			Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (final AtomicMoveNotSupportedException e) {
			Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
		}
	}
}
