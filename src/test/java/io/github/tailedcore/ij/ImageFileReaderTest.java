package io.github.tailedcore.ij;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import io.github.tailedcore.image.RasterImage;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files written by ImageJ come back with their pixels; bad files say so. */
class ImageFileReaderTest {

	@TempDir
	Path dir;

	@Test
	void readsAPngWithItsPixels() throws IOException {
		final Path png = dir.resolve("rgb.png");
		final int[] pixels = new int[16 * 16];
		pixels[0] = 0xff0000;
		pixels[1] = 0x102030;
		new FileSaver(new ImagePlus("rgb", new ColorProcessor(16, 16, pixels)))
			.saveAsPng(png.toString());
		final List<RasterImage> r = ImageFileReader.read(png);
		assertEquals(1, r.size());
		assertArrayEquals(new float[] { 255, 16, 0 }, Arrays.copyOf(r.get(0)
			.plane(0), 3));
		assertArrayEquals(new float[] { 0, 32, 0 }, Arrays.copyOf(r.get(0).plane(
			1), 3));
		assertArrayEquals(new float[] { 0, 48, 0 }, Arrays.copyOf(r.get(0).plane(
			2), 3));
	}

	@Test
	void readsEachSliceOfATiffStack() throws IOException {
		final ImageStack stack = new ImageStack(16, 16);
		for (int s = 0; s < 2; s++) {
			final byte[] pixels = new byte[16 * 16];
			pixels[0] = (byte) (2 * s + 1);
			pixels[1] = (byte) (2 * s + 2);
			stack.addSlice(new ByteProcessor(16, 16, pixels));
		}
		final Path tif = dir.resolve("stack.tif");
		new FileSaver(new ImagePlus("stack", stack)).saveAsTiffStack(tif
			.toString());
		final List<RasterImage> r = ImageFileReader.read(tif);
		assertEquals(2, r.size());
		assertArrayEquals(new float[] { 3, 4, 0 }, Arrays.copyOf(r.get(1).plane(
			0), 3));
	}

	@Test
	void aMissingFileIsNamed() {
		final Path missing = dir.resolve("missing.png");
		final Exception e = assertThrows(FileNotFoundException.class,
			() -> ImageFileReader.open(missing));
		assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
	}

	@Test
	void aFileImageJCannotReadIsNamed() throws IOException {
		final Path text = Files.writeString(dir.resolve("notes.png"),
			"not an image");
		final Exception e = assertThrows(IOException.class, () -> ImageFileReader
			.open(text));
		assertTrue(e.getMessage().contains(text.toString()), e.getMessage());
	}
}
