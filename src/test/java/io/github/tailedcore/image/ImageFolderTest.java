package io.github.tailedcore.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderTest {

	@TempDir
	Path dir;

	private Path png(final String name) throws IOException {
		final Path file = dir.resolve(name);
		Files.createDirectories(file.getParent());
		ImageIO.write(new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY),
			"png", file.toFile());
		return file;
	}

	@Test
	void listsMatchingImagesSortedAndSkipsBrokenOnesWithAReason()
		throws IOException
	{
		final Path b = png("b.png");
		final Path a = png("a.png");
		png("sub/c.png");
		Files.writeString(dir.resolve("notes.txt"), "not matched");
		Files.writeString(dir.resolve("broken.png"), "not a png");
		Files.writeString(dir.resolve(".hidden.png"), "ignored");
		final ImageFolder folder = ImageFolder.scan(dir, "*.png", false);
		assertEquals(List.of(a, b), folder.images());
		assertEquals(1, folder.skipped().size());
		assertEquals(dir.resolve("broken.png"), folder.skipped().get(0).file());
		assertTrue(folder.skipped().get(0).reason().contains("not an image"));
	}

	@Test
	void recursiveDescendsIntoSubfolders() throws IOException {
		png("a.png");
		final Path c = png("sub/c.png");
		assertTrue(ImageFolder.scan(dir, ImageFolder.DEFAULT_PATTERN, true)
			.images().contains(c));
	}

	@Test
	void anEmptyOrMissingFolderIsAClearError() throws IOException {
		final IOException empty = assertThrows(IOException.class,
			() -> ImageFolder.scan(dir, "*.png", false).requireImages("*.png"));
		assertTrue(empty.getMessage().contains("No readable images matching " +
			"*.png in " + dir), empty.getMessage());
		final IOException missing = assertThrows(IOException.class,
			() -> ImageFolder.scan(dir.resolve("nope"), "*.png", false));
		assertTrue(missing.getMessage().contains("does not exist"));
	}
}
