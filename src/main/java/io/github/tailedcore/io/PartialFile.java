package io.github.tailedcore.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A text file written piece by piece during a long run under a name that
 * says it is not complete ({@code scores.csv} is written as
 * {@code scores.partial.csv}), and given its real name only by
 * {@link #complete()}: a run that is killed, fails or is canceled leaves
 * what it did in the partial file, and never a file that looks finished.
 * <p>
 * Each {@link #flush()} pushes what was written to the file, so the partial
 * file is up to date after every piece. Publishing follows
 * {@link AtomicWrite}: no replacing of an existing file unless asked.
 * </p>
 */
public final class PartialFile implements AutoCloseable {

	private final Path target;
	private final Path partial;
	private final boolean overwrite;
	private final FileChannel channel;
	private final Writer writer;
	private boolean completed;

	private PartialFile(final Path target, final Path partial,
		final boolean overwrite, final FileChannel channel)
	{
		this.target = target;
		this.partial = partial;
		this.overwrite = overwrite;
		this.channel = channel;
		writer = new BufferedWriter(new OutputStreamWriter(Channels
			.newOutputStream(channel), StandardCharsets.UTF_8));
	}

	/**
	 * Starts {@code target}'s partial file, replacing an earlier run's partial
	 * file (which never counts as an output).
	 *
	 * @param overwrite whether {@link #complete()} may replace {@code target}
	 */
	public static PartialFile start(final Path target, final boolean overwrite)
		throws IOException
	{
		final Path t = target.toAbsolutePath();
		final Path partial = partialName(t);
		Files.createDirectories(t.getParent());
		return new PartialFile(t, partial, overwrite, FileChannel.open(partial,
			StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
			StandardOpenOption.WRITE));
	}

	/** {@code a/scores.csv} → {@code a/scores.partial.csv}. */
	public static Path partialName(final Path target) {
		final String name = target.getFileName().toString();
		final int dot = name.lastIndexOf('.');
		return target.resolveSibling(dot > 0 ? name.substring(0, dot) +
			".partial" + name.substring(dot) : name + ".partial");
	}

	/** Where the text goes; call {@link #flush()} after each piece. */
	public Writer writer() {
		return writer;
	}

	/** Pushes what was written into the partial file. */
	public void flush() throws IOException {
		writer.flush();
	}

	/**
	 * Forces the partial file to disk and renames it to the target.
	 *
	 * @throws java.nio.file.FileAlreadyExistsException if the target exists
	 *           and overwriting was not allowed
	 */
	public void complete() throws IOException {
		writer.flush();
		channel.force(true);
		writer.close();
		AtomicWrite.publish(partial, target, overwrite);
		Files.deleteIfExists(partial);
		completed = true;
	}

	/** Closes the partial file; if not completed, it stays as it is. */
	@Override
	public void close() throws IOException {
		if (!completed) writer.close();
	}
}
