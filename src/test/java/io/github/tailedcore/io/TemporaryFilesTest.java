package io.github.tailedcore.io;

import static io.github.tailedcore.io.ModelFileTest.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemporaryFilesTest {

	private static final long PID = ProcessHandle.current().pid();

	@TempDir
	Path dir;

	/**
	 * {@code .<target>.<host>-<pid>.<random>.tmp}, empty, beside the target;
	 * the random part is a non-negative base-36 number, so that the next
	 * process's sweep recognises the name.
	 */
	@Test
	void createsAnEmptyHiddenFileThatNamesThisHostAndProcess()
		throws IOException
	{
		assertTrue(TemporaryFiles.HOST.matches("[A-Za-z0-9_]+"),
			TemporaryFiles.HOST);
		final Pattern name = Pattern.compile("\\.model\\.tailedcore\\." + Pattern
			.quote(TemporaryFiles.HOST) + "-" + PID + "\\.[0-9a-z]+\\.tmp");
		final Set<Path> made = new HashSet<>();
		for (int i = 0; i < 32; i++) {
			final Path temp = TemporaryFiles.create(dir.resolve(
				"model.tailedcore"));
			assertEquals(dir.toAbsolutePath(), temp.getParent());
			assertTrue(name.matcher(temp.getFileName().toString()).matches(), temp
				.toString());
			assertEquals(0, Files.size(temp));
			made.add(temp);
		}
		assertEquals(32, made.size(), "a new name each time");
		for (final Path temp : made) {
			TemporaryFiles.delete(temp);
			assertFalse(Files.exists(temp));
		}
		TemporaryFiles.delete(dir.resolve("never-made")); // absent: no error
		assertEquals(List.of(), names(dir));
	}

	/**
	 * Only the temporary files of this host's processes that no longer run
	 * are swept; those of live processes, of other hosts and other names stay.
	 */
	@Test
	void sweepsOnlyTheFilesOfDeadProcessesOfThisHost() throws IOException {
		final long dead = deadPid();
		final long parent = ProcessHandle.current().parent().orElseThrow().pid();
		final String host = TemporaryFiles.HOST;
		final List<String> kept = List.of( //
			".a.bin." + host + "-" + PID + ".k1.tmp", // this process
			".a.bin." + host + "-" + parent + ".k2.tmp", // a live process
			".a.bin." + host + "x-" + dead + ".k3.tmp", // another host
			".a.bin." + host + "-" + dead + ".k4.txt", // not a temporary file
			".notes.tmp", // not one of ours
			"a.bin"); // the target
		for (final String n : kept)
			Files.writeString(dir.resolve(n), "x");
		Files.writeString(dir.resolve(".a.bin." + host + "-" + dead + ".d1.tmp"),
			"x");
		Files.writeString(dir.resolve(".b.npy." + host + "-" + dead + ".d2.tmp"),
			"x");
		assertEquals(2, TemporaryFiles.sweep(dir));
		assertEquals(kept.stream().sorted().toList(), names(dir));
		assertEquals(0, TemporaryFiles.sweep(dir));
	}

	/** A folder that cannot be listed, or a process number past 64 bits, is no error. */
	@Test
	void aSweepIsBestEffort() throws IOException {
		assertEquals(0, TemporaryFiles.sweep(dir.resolve("absent")));
		Files.writeString(dir.resolve(".a.bin." + TemporaryFiles.HOST +
			"-99999999999999999999.d1.tmp"), "x");
		assertEquals(0, TemporaryFiles.sweep(dir));
	}

	/** The first temporary file in a folder sweeps it; later ones do not. */
	@Test
	void creatingSweepsAFolderOncePerProcess() throws IOException {
		final Path folder = Files.createDirectory(dir.resolve("fresh"));
		final String stale = ".a.bin." + TemporaryFiles.HOST + "-" + deadPid() +
			".d1.tmp";
		Files.writeString(folder.resolve(stale), "x");
		TemporaryFiles.delete(TemporaryFiles.create(folder.resolve("a.bin")));
		assertEquals(List.of(), names(folder));
		Files.writeString(folder.resolve(stale), "x");
		TemporaryFiles.delete(TemporaryFiles.create(folder.resolve("a.bin")));
		assertEquals(List.of(stale), names(folder));
	}

	@Test
	void aProcessRunsIfItIsAliveOrOfAnotherHost() {
		final long dead = deadPid();
		assertFalse(TemporaryFiles.running(TemporaryFiles.HOST, dead));
		assertTrue(TemporaryFiles.running(TemporaryFiles.HOST, PID));
		assertTrue(TemporaryFiles.running(TemporaryFiles.HOST, ProcessHandle
			.current().parent().orElseThrow().pid()));
		assertTrue(TemporaryFiles.running("elsewhere", dead));
		assertNotEquals("elsewhere", TemporaryFiles.HOST);
	}

	/**
	 * The number of a process that has ended: one started and waited for
	 * (the kernel does not give its number to another process this soon).
	 */
	static long deadPid() {
		try {
			final Process p = new ProcessBuilder("true").start();
			p.waitFor();
			assertFalse(ProcessHandle.of(p.pid()).isPresent());
			return p.pid();
		}
		catch (final IOException e) {
			throw new AssertionError(e);
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new AssertionError(e);
		}
	}
}
