package io.github.tailedcore.io;

import static io.github.tailedcore.io.ModelFileTest.names;
import static io.github.tailedcore.io.TemporaryFilesTest.deadPid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLockTest {

	private static final long PID = ProcessHandle.current().pid();

	@TempDir
	Path dir;

	/**
	 * The lock names this host, process, start and run on one line; closing
	 * it removes it.
	 */
	@Test
	void theLockSaysWhoHoldsItUntilItIsClosed() throws IOException {
		final Path folder = dir.resolve("out/run1");
		final Path file = folder.resolve(RunLock.NAME);
		final Instant before = Instant.now();
		try (RunLock lock = RunLock.acquire(folder, "score\nfolder")) {
			final String line = Files.readString(file);
			final String job = System.getenv("SLURM_JOB_ID");
			final Matcher m = Pattern.compile("host=" + Pattern.quote(
				TemporaryFiles.HOST) + " pid=" + PID + (job == null ? ""
					: " slurm_job=" + Pattern.quote(job)) +
				" started=(\\S+) run=score folder\n").matcher(line);
			assertTrue(m.matches(), line);
			assertFalse(Instant.parse(m.group(1)).isBefore(before));
			assertEquals(line.trim(), RunLock.heldBy(file));
		}
		assertFalse(Files.exists(file));
		assertNull(RunLock.heldBy(file));
		assertEquals(List.of(), names(folder));
	}

	@Test
	void aSecondRunIsRefusedWithWhoHoldsTheFolder() throws IOException {
		final Path file = dir.resolve(RunLock.NAME);
		try (RunLock first = RunLock.acquire(dir, "first")) {
			final String line = Files.readString(file);
			final IOException e = assertThrows(IOException.class, () -> RunLock
				.acquire(dir, "second"));
			assertTrue(e.getMessage().startsWith("Another TailedCore run is " +
				"writing into " + dir.toAbsolutePath() + " (" + line.trim() + ")"), e
					.getMessage());
			assertTrue(e.getMessage().endsWith("delete " + file.toAbsolutePath() +
				" and run again."), e.getMessage());
			assertEquals(line, Files.readString(file));
		}
		try (RunLock again = RunLock.acquire(dir, "second")) {
			assertTrue(Files.readString(file).endsWith(" run=second\n"));
		}
	}

	/** A lock left by a process of this host that has ended (kill -9) is taken over. */
	@Test
	void aDeadProcesssLockIsTakenOver() throws IOException {
		final Path file = dir.resolve(RunLock.NAME);
		Files.writeString(file, "host=" + TemporaryFiles.HOST + " pid=" +
			deadPid() + " started=2020-01-01T00:00:00Z run=killed\n");
		assertNull(RunLock.heldBy(file));
		try (RunLock lock = RunLock.acquire(dir, "next")) {
			assertTrue(Files.readString(file).startsWith("host=" +
				TemporaryFiles.HOST + " pid=" + PID + " "));
		}
		assertFalse(Files.exists(file));
	}

	/** Another host's process cannot be seen from here: its lock holds. */
	@Test
	void anotherHostsLockIsRefused() throws IOException {
		final Path file = dir.resolve(RunLock.NAME);
		final String line = "host=elsewhere pid=" + deadPid() +
			" started=2020-01-01T00:00:00Z run=remote";
		Files.writeString(file, line + "\n");
		assertEquals(line, RunLock.heldBy(file));
		final IOException e = assertThrows(IOException.class, () -> RunLock
			.acquire(dir, "here"));
		assertTrue(e.getMessage().contains("(" + line + ")"), e.getMessage());
		assertEquals(line + "\n", Files.readString(file));
	}

	/** An empty lock file (a run killed while writing it) names no holder. */
	@Test
	void anEmptyLockFileIsReportedAsSuch() throws IOException {
		final Path file = Files.writeString(dir.resolve(RunLock.NAME), "");
		assertEquals("an empty lock file", RunLock.heldBy(file));
		final IOException e = assertThrows(IOException.class, () -> RunLock
			.acquire(dir, "here"));
		assertTrue(e.getMessage().contains("(its lock file is empty)"), e
			.getMessage());
		Files.writeString(file, " \n");
		assertEquals("an empty lock file", RunLock.heldBy(file));
		assertTrue(assertThrows(IOException.class, () -> RunLock.acquire(dir,
			"here")).getMessage().contains("(its lock file is empty)"));
	}

	/** Each shard of a sharded run locks the folder with a file of its own. */
	@Test
	void namedLocksOfOneFolderAreIndependent() throws IOException {
		try (RunLock a = RunLock.acquire(dir, ".shard-0.lock", "shard 0");
				RunLock b = RunLock.acquire(dir, ".shard-1.lock", "shard 1"))
		{
			assertEquals(List.of(".shard-0.lock", ".shard-1.lock"), names(dir));
			assertThrows(IOException.class, () -> RunLock.acquire(dir,
				".shard-0.lock", "shard 0 again"));
		}
		assertEquals(List.of(), names(dir));
	}

	@Test
	void aFolderThatCannotBeWrittenIsNamed() throws IOException {
		final Path file = Files.writeString(dir.resolve("notes.txt"), "x");
		final IOException isFile = assertThrows(IOException.class, () -> RunLock
			.acquire(file, "run"));
		assertEquals("Cannot write into the output folder " + file
			.toAbsolutePath() + ": it is a file, not a folder. Choose a folder.",
			isFile.getMessage());

		final Path below = file.resolve("out");
		final IOException underFile = assertThrows(IOException.class,
			() -> RunLock.acquire(below, "run"));
		assertEquals("Cannot write into the output folder " + below
			.toAbsolutePath() + " (Not a directory). Choose a folder you can " +
			"write to; nothing was written.", underFile.getMessage());

		final IOException noParent = assertThrows(IOException.class,
			() -> RunLock.acquire(dir, "missing/.lock", "run"));
		assertTrue(noParent.getMessage().contains(
			" (a folder above it does not exist). "), noParent.getMessage());
		assertEquals(List.of("notes.txt"), names(dir));
		assertEquals("x", Files.readString(file));
	}
}
