package io.github.tailedcore.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;

/**
 * Writes a file so that it is either complete or absent: the content goes to
 * a hidden temporary file in the same folder ({@link TemporaryFiles}), which
 * is forced to disk and then published under the target's name in one step.
 * <ul>
 * <li>Without overwrite the temporary file is <em>hard-linked</em> to the
 * target, which fails if the target exists, however many writers race; on a
 * file system without hard links the target is created exclusively and
 * filled from the temporary file.</li>
 * <li>With overwrite it is renamed over the target atomically, and takes the
 * replaced file's permissions (a model that was 0644 stays 0644).</li>
 * <li>A new file gets the mode the user's umask gives.</li>
 * <li>The temporary file is removed on every path: success, failure, JVM
 * shutdown, and the next write after a crash.</li>
 * </ul>
 * Outputs must never silently destroy a user's data, hence no replacing
 * unless the caller says so.
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
	 *           false (also when another writer created it meanwhile); its
	 *           message says what to do
	 * @throws IOException if it cannot be written; no temporary file is left
	 */
	public static void write(final Path file, final boolean overwrite,
		final Content content) throws IOException
	{
		final Path target = file.toAbsolutePath();
		if (!overwrite && Files.exists(target, LinkOption.NOFOLLOW_LINKS))
			throw exists(target);
		Files.createDirectories(target.getParent());
		final Path temp = TemporaryFiles.create(target);
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
			publish(temp, target, overwrite);
		}
		finally {
			TemporaryFiles.delete(temp);
		}
	}

	/**
	 * Gives the complete file {@code temp} the name {@code target}, as
	 * {@link #write} does; {@code temp} may be left behind for the caller to
	 * delete.
	 */
	static void publish(final Path temp, final Path target,
		final boolean overwrite) throws IOException
	{
		if (overwrite) replace(temp, target);
		else link(temp, target);
	}

	private static void replace(final Path temp, final Path target)
		throws IOException
	{
		keepPermissions(target, temp);
		try {
			Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE,
				StandardCopyOption.REPLACE_EXISTING);
		}
		catch (final AtomicMoveNotSupportedException e) {
			Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	/** Publishes without ever replacing: a hard link, else an exclusive copy. */
	private static void link(final Path temp, final Path target)
		throws IOException
	{
		try {
			Files.createLink(target, temp);
			return;
		}
		catch (final FileAlreadyExistsException e) {
			throw exists(target);
		}
		catch (final UnsupportedOperationException | FileSystemException e) {
			// no hard links here (FAT, some network shares): copy below
		}
		final FileChannel out;
		try {
			out = FileChannel.open(target, StandardOpenOption.CREATE_NEW,
				StandardOpenOption.WRITE);
		}
		catch (final FileAlreadyExistsException e) {
			throw exists(target);
		}
		try (out) {
			Files.copy(temp, Channels.newOutputStream(out));
			out.force(true);
		}
		catch (final IOException | RuntimeException e) {
			Files.deleteIfExists(target);
			throw e;
		}
	}

	/** Gives {@code to} the POSIX permissions of {@code from}, if it exists. */
	private static void keepPermissions(final Path from, final Path to)
		throws IOException
	{
		final PosixFileAttributeView view = Files.getFileAttributeView(from,
			PosixFileAttributeView.class);
		if (view == null || !Files.isRegularFile(from)) return;
		Files.setPosixFilePermissions(to, view.readAttributes().permissions());
	}

	static FileAlreadyExistsException exists(final Path target) {
		return new FileAlreadyExistsException(target.toString(), null,
			"it exists already; choose another name or allow overwriting");
	}
}
