package io.github.tailedcore.io;

import static io.github.tailedcore.io.ModelFileTest.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicWriteTest {

	@TempDir
	Path dir;

	@Test
	void writesANewFileIntoANewFolderAndLeavesNothingElse()
		throws IOException
	{
		final Path file = dir.resolve("a/b/model.bin");
		AtomicWrite.write(file, false, out -> out.write(bytes("complete")));
		assertEquals("complete", Files.readString(file));
		assertEquals(List.of("model.bin"), names(file.getParent()));
	}

	/** An existing file is refused before anything is written. */
	@Test
	void refusesAnExistingFileWithoutOverwrite() throws IOException {
		final Path file = Files.writeString(dir.resolve("model.bin"), "mine");
		final boolean[] called = { false };
		final FileAlreadyExistsException e = assertThrows(
			FileAlreadyExistsException.class, () -> AtomicWrite.write(file, false,
				out -> called[0] = true));
		assertEquals(file.toAbsolutePath().toString(), e.getFile());
		assertEquals("it exists already; choose another name or allow " +
			"overwriting", e.getReason());
		assertFalse(called[0]);
		assertEquals("mine", Files.readString(file));

		// A link to nothing is a name in use, too.
		final Path link = Files.createSymbolicLink(dir.resolve("link.bin"), dir
			.resolve("nowhere"));
		assertThrows(FileAlreadyExistsException.class, () -> AtomicWrite.write(
			link, false, out -> out.write(1)));
		assertTrue(Files.isSymbolicLink(link));
		assertFalse(Files.exists(dir.resolve("nowhere")));
	}

	/** Replacing keeps the replaced file's mode; a new file gets the umask's. */
	@Test
	void overwritingKeepsThePermissions() throws IOException {
		final Path file = Files.writeString(dir.resolve("model.bin"), "old");
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(
			"rw-r-----"));
		AtomicWrite.write(file, true, out -> out.write(bytes("new")));
		assertEquals("new", Files.readString(file));
		assertEquals("rw-r-----", PosixFilePermissions.toString(Files
			.getPosixFilePermissions(file)));

		final Path fresh = dir.resolve("fresh.bin");
		AtomicWrite.write(fresh, true, out -> out.write(bytes("new")));
		final Path plain = Files.createFile(dir.resolve("plain.bin"));
		assertEquals(Files.getPosixFilePermissions(plain), Files
			.getPosixFilePermissions(fresh));
		assertEquals(List.of("fresh.bin", "model.bin", "plain.bin"), names(dir));
	}

	/** Content that fails leaves neither the target nor a temporary file. */
	@Test
	void aFailingWriterLeavesNothing() throws IOException {
		final IOException full = new IOException("No space left on device");
		final Path file = dir.resolve("model.bin");
		assertSame(full, assertThrows(IOException.class, () -> AtomicWrite.write(
			file, false, out -> {
				out.write(new byte[100_000]);
				throw full;
			})));
		assertEquals(List.of(), names(dir));

		Files.writeString(file, "mine");
		assertSame(full, assertThrows(IOException.class, () -> AtomicWrite.write(
			file, true, out -> {
				throw full;
			})));
		assertEquals("mine", Files.readString(file));
		assertEquals(List.of("model.bin"), names(dir));
	}

	/**
	 * Two writers race for one name: the one that publishes second is
	 * refused even though the name was free when it started.
	 */
	@Test
	void theSecondOfTwoRacingWritersIsRefused() throws IOException {
		assertTheSecondWriterIsRefused(dir.resolve("model.bin"));
	}

	/** The first writer takes {@code file} while the second's temporary file is ready. */
	private static void assertTheSecondWriterIsRefused(final Path file)
		throws IOException
	{
		final Path temp = TemporaryFiles.create(file);
		Files.writeString(temp, "second");
		Files.writeString(file, "first");
		assertThrows(FileAlreadyExistsException.class, () -> AtomicWrite.publish(
			temp, file, false));
		assertEquals("first", Files.readString(file));
		TemporaryFiles.delete(temp);
	}

	/**
	 * On a file system without hard links (here a zip file system) the target
	 * is created exclusively and filled from the temporary file.
	 */
	@Test
	void withoutHardLinksTheTargetIsCopied() throws IOException {
		try (FileSystem share = zipFileSystem()) {
			final Path file = share.getPath("/models/model.bin");
			AtomicWrite.write(file, false, out -> out.write(bytes("first")));
			assertEquals("first", Files.readString(file));
			assertThrows(FileAlreadyExistsException.class, () -> AtomicWrite.write(
				file, false, out -> out.write(bytes("second"))));

			assertTheSecondWriterIsRefused(share.getPath("/models/raced.bin"));

			AtomicWrite.write(file, true, out -> out.write(bytes("replaced")));
			assertEquals("replaced", Files.readString(file));
			assertEquals(List.of("model.bin", "raced.bin"), names(file
				.getParent()));
		}
	}

	/** A copy that fails removes the target it had created. */
	@Test
	void aFailedCopyRemovesItsTarget() throws IOException {
		try (FileSystem share = zipFileSystem()) {
			final Path target = share.getPath("/model.bin");
			assertThrows(IOException.class, () -> AtomicWrite.publish(share.getPath(
				"/gone.tmp"), target, false));
			assertFalse(Files.exists(target));
		}
	}

	/** A new zip file system: one without hard links. */
	private FileSystem zipFileSystem() throws IOException {
		return FileSystems.newFileSystem(URI.create("jar:" + dir.resolve(
			"share.zip").toUri()), Map.of("create", "true"));
	}

	private static byte[] bytes(final String s) {
		return s.getBytes(StandardCharsets.UTF_8);
	}
}
