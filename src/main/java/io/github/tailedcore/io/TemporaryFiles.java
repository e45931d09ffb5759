package io.github.tailedcore.io;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Files that this process creates beside a target and that must not
 * outlive it: the hidden temporary file of an {@link AtomicWrite}, the lock
 * of a batch run ({@link RunLock}).
 * <p>
 * Each is created exclusively, with the mode the user's umask gives (not
 * the 0600 of {@link Files#createTempFile}), under a name that records this
 * host and process: {@code .<target>.<host>-<pid>.<random>.tmp}. It is
 * deleted when the writer is done, when the JVM shuts down (Ctrl-C, a normal
 * exit, SIGTERM), and, after a {@code kill -9} or a power cut, by the next
 * write into the same folder on this host, which removes the temporary files
 * of processes that no longer run. A temporary file of a live process, or of
 * another host (a shared network folder), is never touched.
 * </p>
 */
public final class TemporaryFiles {

	/** This host, as a file-name-safe word. */
	static final String HOST = host();
	private static final long PID = ProcessHandle.current().pid();
	private static final Pattern NAME = Pattern.compile(
		"\\..+\\.([A-Za-z0-9_]+)-(\\d+)\\.[0-9a-z]+\\.tmp");

	private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();
	private static final Set<Path> SWEPT = ConcurrentHashMap.newKeySet();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(
			TemporaryFiles::deleteAll, "TailedCore temporary files"));
	}

	private TemporaryFiles() {}

	/**
	 * Creates an empty temporary file for {@code target}, in its folder, and
	 * removes stale ones of dead processes from that folder (once per folder
	 * and process).
	 */
	static Path create(final Path target) throws IOException {
		final Path folder = target.toAbsolutePath().getParent();
		if (SWEPT.add(folder)) sweep(folder);
		while (true) {
			final Path temp = folder.resolve("." + target.getFileName() + "." +
				HOST + "-" + PID + "." + Long.toString(ThreadLocalRandom.current()
					.nextLong() >>> 1, 36) + ".tmp");
			try {
				Files.newByteChannel(temp, StandardOpenOption.CREATE_NEW,
					StandardOpenOption.WRITE).close();
				LIVE.add(temp);
				return temp;
			}
			catch (final FileAlreadyExistsException e) {
				// another random name
			}
		}
	}

	/**
	 * Marks a file this process created (e.g. a lock) for deletion at JVM
	 * shutdown, until {@link #delete(Path)}.
	 */
	static void deleteAtExit(final Path file) {
		LIVE.add(file.toAbsolutePath());
	}

	/**
	 * Deletes a file of {@link #create} or {@link #deleteAtExit}, if present;
	 * one that cannot be deleted now is left to the shutdown hook.
	 */
	static void delete(final Path file) {
		final Path absolute = file.toAbsolutePath();
		try {
			Files.deleteIfExists(absolute);
			LIVE.remove(absolute);
		}
		catch (final IOException e) {
			// still marked: the shutdown hook or the next sweep tries again
		}
	}

	/**
	 * Deletes the temporary files in {@code folder} that a process of this
	 * host created and that process no longer runs.
	 *
	 * @return how many were deleted
	 */
	static int sweep(final Path folder) {
		int deleted = 0;
		try (DirectoryStream<Path> files = Files.newDirectoryStream(folder,
			".*.tmp"))
		{
			for (final Path f : files) {
				final Matcher m = NAME.matcher(f.getFileName().toString());
				if (!m.matches() || !m.group(1).equals(HOST)) continue;
				final long pid = Long.parseLong(m.group(2));
				if (pid == PID || ProcessHandle.of(pid).isPresent()) continue;
				if (Files.deleteIfExists(f)) deleted++;
			}
		}
		catch (final IOException | NumberFormatException e) {
			// best effort: a folder that cannot be listed is reported by the write
		}
		return deleted;
	}

	/** Whether {@code pid} is a process of this host that still runs. */
	static boolean running(final String host, final long pid) {
		return !host.equals(HOST) || pid == PID || ProcessHandle.of(pid)
			.isPresent();
	}

	private static void deleteAll() {
		for (final Path p : LIVE)
			try {
				Files.deleteIfExists(p);
			}
			catch (final IOException e) {
				// shutting down: nothing more can be done
			}
	}

	private static String host() {
		String name;
		try {
			name = InetAddress.getLocalHost().getHostName();
		}
		catch (final IOException | SecurityException e) {
			name = System.getenv("HOSTNAME");
		}
		if (name == null || name.isBlank()) name = "localhost";
		return name.replaceAll("[^A-Za-z0-9_]", "_");
	}
}
