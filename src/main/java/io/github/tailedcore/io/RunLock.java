package io.github.tailedcore.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lock file of a batch run in its output folder,
 * {@value #NAME}: while it exists, no other run writes into that folder,
 * and an interrupted run cannot be mistaken for a finished one.
 * <p>
 * It is created exclusively and holds the host, process and start time of
 * its run, so that a second run can say who holds it. It is deleted when the
 * run ends, however it ends, and at JVM shutdown; a lock left by a process
 * of this host that no longer runs ({@code kill -9}) is taken over, while one
 * of a live process or of another host is refused with a message saying how
 * to remove it. Creating it is also the check, before any work, that the
 * folder can be written to.
 * </p>
 */
public final class RunLock implements AutoCloseable {

	/** The lock file's name. */
	public static final String NAME = ".tailedcore.lock";

	private static final Pattern HOLDER = Pattern.compile(
		"host=(\\S+)\\s+pid=(\\d+)");

	private final Path file;

	private RunLock(final Path file) {
		this.file = file;
	}

	/**
	 * Locks {@code folder} for one run, creating the folder if needed.
	 *
	 * @param what the run, for the message another run shows (e.g. the
	 *          command)
	 * @throws IOException naming the folder if it cannot be created or
	 *           written to, or another run holds it
	 */
	public static RunLock acquire(final Path folder, final String what)
		throws IOException
	{
		return acquire(folder, NAME, what);
	}

	/**
	 * Locks a part of {@code folder} for one run with the lock file
	 * {@code name} (a shard of a sharded run has one of its own), as
	 * {@link #acquire(Path, String)} does. Under SLURM the lock also names
	 * the job ({@code slurm_job=$SLURM_JOB_ID}), so that a later task can ask SLURM
	 * whether the holder still runs.
	 */
	public static RunLock acquire(final Path folder, final String name,
		final String what) throws IOException
	{
		final Path dir = folder.toAbsolutePath();
		try {
			Files.createDirectories(dir);
		}
		catch (final FileAlreadyExistsException e) {
			throw new IOException("Cannot write into the output folder " + dir +
				": it is a file, not a folder. Choose a folder.", e);
		}
		catch (final IOException e) {
			throw unwritable(dir, e);
		}
		final Path file = dir.resolve(name);
		final String job = System.getenv("SLURM_JOB_ID");
		for (int attempt = 0;; attempt++) {
			try {
				Files.writeString(file, "host=" + TemporaryFiles.HOST + " pid=" +
					ProcessHandle.current().pid() + (job == null ? "" : " slurm_job=" +
						job) + " started=" + Instant.now() + " run=" + what.replace('\n',
							' ') + "\n", StandardCharsets.UTF_8,
					StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
				TemporaryFiles.deleteAtExit(file);
				return new RunLock(file);
			}
			catch (final FileAlreadyExistsException e) {
				final String holder = holder(file);
				if (attempt == 0 && stale(holder)) {
					Files.deleteIfExists(file);
					continue;
				}
				throw new IOException("Another TailedCore run is writing into " +
					dir + " (" + (holder.isBlank() ? "its lock file is empty"
						: holder.trim()) + "), or one was stopped before it finished. " +
					"Wait for it, or choose another output folder; if no run is " +
					"going on, delete " + file + " and run again.", e);
			}
			catch (final IOException e) {
				throw unwritable(dir, e);
			}
		}
	}

	/**
	 * Who holds the lock file {@code file}: its line, or {@code null} if
	 * there is no such file or its process, of this host, no longer runs
	 * (a lock of another host is taken as held: its process cannot be seen
	 * from here).
	 */
	public static String heldBy(final Path file) {
		if (!Files.exists(file)) return null;
		final String holder = holder(file);
		return stale(holder) ? null : holder.isBlank() ? "an empty lock file"
			: holder.trim();
	}

	/** Releases the lock. */
	@Override
	public void close() {
		TemporaryFiles.delete(file);
	}

	private static String holder(final Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (final IOException e) {
			return "";
		}
	}

	/** Whether the lock names a process of this host that no longer runs. */
	private static boolean stale(final String holder) {
		final Matcher m = HOLDER.matcher(holder);
		return m.find() && !TemporaryFiles.running(m.group(1), Long.parseLong(m
			.group(2)));
	}

	private static IOException unwritable(final Path dir,
		final IOException e)
	{
		final String why = e instanceof AccessDeniedException
			? "permission denied" : e instanceof NoSuchFileException
				? "a folder above it does not exist" : e instanceof FileSystemException &&
					((FileSystemException) e).getReason() != null
						? ((FileSystemException) e).getReason() : e.toString();
		return new IOException("Cannot write into the output folder " + dir +
			" (" + why + "). Choose a folder you can write to; nothing was " +
			"written.", e);
	}
}
