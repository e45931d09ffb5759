package io.github.tailedcore.io;

import static io.github.tailedcore.io.ModelFileTest.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
