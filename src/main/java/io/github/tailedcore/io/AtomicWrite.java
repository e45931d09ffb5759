package io.github.tailedcore.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that it is either complete or absent: the content goes to
 * a hidden temporary file in the same folder, which is then moved onto the
 * target in one step after it is forced to disk. An existing file is replaced only when the caller says
 * so, because outputs must never silently destroy a user's data.
 */
public final class AtomicWrite {

	/** Writes the content of a file to a stream. */
	@FunctionalInterface
	public interface Content {

		void writeTo(OutputStream out) throws IOException;
	}

	private AtomicWrite() {}

	/**
	 * Writes {@code file}, creating its folder if needed.
	 *
	 * @param overwrite whether an existing {@code file} may be replaced
	 * @throws FileAlreadyExistsException if it exists and {@code overwrite} is
	 *           false; its message says what to do
	 * @throws IOException if it cannot be written; no temporary file is left
	 */
	public static void write(final Path file, final boolean overwrite,
		final Content content) throws IOException
	{
		final Path target = file.toAbsolutePath();
		if (!overwrite && Files.exists(target)) throw exists(target);
		Files.createDirectories(target.getParent());
		final Path temp = Files.createTempFile(target.getParent(), "." + target
			.getFileName() + "-", ".tmp");
		try {
			try (FileChannel channel = FileChannel.open(temp,
				StandardOpenOption.WRITE))
			{
				final OutputStream out = new BufferedOutputStream(Channels
					.newOutputStream(channel), 1 << 16);
				content.writeTo(out);
				out.flush();
				channel.force(true);
			}
			if (!overwrite && Files.exists(target)) throw exists(target);
			move(temp, target, overwrite);
		}
		catch (final IOException | RuntimeException | Error e) {
			try {
				Files.deleteIfExists(temp);
			}
			catch (final IOException suppressed) {
				e.addSuppressed(suppressed);
			}
			throw e;
		}
	}

	private static void move(final Path temp, final Path target,
		final boolean overwrite) throws IOException
	{
		try {
			if (overwrite) Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE,
				StandardCopyOption.REPLACE_EXISTING);
			else Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (final AtomicMoveNotSupportedException e) {
			if (overwrite) Files.move(temp, target,
				StandardCopyOption.REPLACE_EXISTING);
			else Files.move(temp, target);
		}
	}

	private static FileAlreadyExistsException exists(final Path target) {
		return new FileAlreadyExistsException(target.toString(), null,
			"it exists already; choose another name or allow overwriting");
	}
}
