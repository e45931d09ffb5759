package io.github.tailedcore.io;

import static io.github.tailedcore.io.ModelFileTest.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartialFileTest {

	@TempDir
	Path dir;

	@Test
	void thePartialNameGoesBeforeTheLastExtension() {
		assertEquals(dir.resolve("scores.partial.csv"), PartialFile.partialName(dir
			.resolve("scores.csv")));
		assertEquals(dir.resolve("a.b.partial.c"), PartialFile.partialName(dir
			.resolve("a.b.c")));
		assertEquals(dir.resolve("README.partial"), PartialFile.partialName(dir
			.resolve("README")));
		// A leading dot starts a hidden name, not an extension.
		assertEquals(dir.resolve(".hidden.partial"), PartialFile.partialName(dir
			.resolve(".hidden")));
	}

	/** Each flushed piece is in the partial file; only complete() gives the real name. */
	@Test
	void piecesGoToThePartialFileUntilComplete() throws IOException {
		final Path target = dir.resolve("out/scores.csv");
		final Path partial = dir.resolve("out/scores.partial.csv");
		try (PartialFile file = PartialFile.start(target, false)) {
			file.writer().write("image,score\n");
			file.flush();
			assertEquals("image,score\n", Files.readString(partial));
			file.writer().write("a.png,1.5\n");
			file.flush();
			assertEquals("image,score\na.png,1.5\n", Files.readString(partial));
			assertFalse(Files.exists(target));
			file.complete();
		}
		assertEquals("image,score\na.png,1.5\n", Files.readString(target));
		assertEquals(List.of("scores.csv"), names(target.getParent()));
	}

	/** A run that stops before complete() leaves only the partial file. */
	@Test
	void anUnfinishedRunNeverLooksComplete() throws IOException {
		final Path target = dir.resolve("scores.csv");
		try (PartialFile file = PartialFile.start(target, false)) {
			file.writer().write("image,score\n");
		}
		assertEquals(List.of("scores.partial.csv"), names(dir));
		assertEquals("image,score\n", Files.readString(dir.resolve(
			"scores.partial.csv")));
	}

	/**
	 * Completing lets go of the file: no descriptor of this process points
	 * into the folder afterwards (a file left open cannot be deleted on
	 * Windows, and leaks). Read from Linux's /proc.
	 */
	@Test
	void completingClosesTheFile() throws IOException {
		final Path fds = Path.of("/proc/self/fd");
		assumeTrue(Files.isDirectory(fds), "needs Linux's /proc/self/fd");
		final Path target = dir.resolve("scores.csv");
		try (PartialFile file = PartialFile.start(target, false)) {
			file.writer().write("image,score\n");
			assertEquals(1, openFilesIn(fds, dir));
			file.complete();
			assertEquals(0, openFilesIn(fds, dir));
		}
		try (PartialFile file = PartialFile.start(dir.resolve("b.csv"), false)) {
			assertEquals(1, openFilesIn(fds, dir));
		}
		assertEquals(0, openFilesIn(fds, dir));
	}

	/** How many of this process's file descriptors point into {@code folder}. */
	private static long openFilesIn(final Path fds, final Path folder)
		throws IOException
	{
		final String prefix = folder.toRealPath() + "/";
		try (Stream<Path> all = Files.list(fds)) {
			return all.filter(fd -> {
				try {
					return Files.readSymbolicLink(fd).toString().startsWith(prefix);
				}
				catch (final IOException e) {
					return false; // closed meanwhile (e.g. the listing's own)
				}
			}).count();
		}
	}

	@Test
	void anEarlierPartialFileIsReplaced() throws IOException {
		final Path target = dir.resolve("scores.csv");
		Files.writeString(PartialFile.partialName(target), "an old run's many lines\n");
		try (PartialFile file = PartialFile.start(target, false)) {
			file.writer().write("new\n");
			file.complete();
		}
		assertEquals("new\n", Files.readString(target));
		assertEquals(List.of("scores.csv"), names(dir));
	}

	@Test
	void completingOntoAnExistingFileNeedsOverwrite() throws IOException {
		final Path target = Files.writeString(dir.resolve("scores.csv"), "mine\n");
		try (PartialFile file = PartialFile.start(target, false)) {
			file.writer().write("new\n");
			assertThrows(FileAlreadyExistsException.class, file::complete);
		}
		assertEquals("mine\n", Files.readString(target));
		assertEquals("new\n", Files.readString(dir.resolve("scores.partial.csv")));

		try (PartialFile file = PartialFile.start(target, true)) {
			file.writer().write("newer\n");
			file.complete();
		}
		assertEquals("newer\n", Files.readString(target));
		assertEquals(List.of("scores.csv"), names(dir));
	}
}
