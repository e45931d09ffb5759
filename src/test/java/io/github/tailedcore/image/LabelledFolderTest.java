package io.github.tailedcore.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Labels from folder names, on the example images and a bare layout. */
class LabelledFolderTest {

	@TempDir
	Path dir;

	@Test
	void mvtecClassFolderUsesItsTestFolder() throws IOException {
		final LabelledFolder f = LabelledFolder.scan(Path.of("test-images",
			"grid"), "*.png");
		assertEquals(5, f.images().size());
		assertEquals(3, f.images().stream().filter(LabelledFolder.Labelled::anomalous)
			.count());
		assertTrue(f.images().get(0).file().endsWith("good/000.png"));
	}

	@Test
	void goodOnlyIsRefused() throws IOException {
		Files.createDirectories(dir.resolve("good"));
		Files.copy(Path.of("test-images/grid/test/good/000.png"), dir.resolve(
			"good/a.png"));
		final IOException e = assertThrows(IOException.class, () -> LabelledFolder
			.scan(dir, "*.png"));
		assertTrue(e.getMessage().contains("found 1 normal and 0 defective"), e
			.getMessage());
	}
}
