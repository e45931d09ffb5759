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
		new FileSaver(new ImagePlus("rgb", new ColorProcessor(2, 1, new int[] {
			0xff0000, 0x102030 }))).saveAsPng(png.toString());
		final List<RasterImage> r = ImageFileReader.read(png);
		assertEquals(1, r.size());
		assertArrayEquals(new float[] { 255, 16 }, r.get(0).plane(0));
		assertArrayEquals(new float[] { 0, 32 }, r.get(0).plane(1));
		assertArrayEquals(new float[] { 0, 48 }, r.get(0).plane(2));
	}

	@Test
	void readsEachSliceOfATiffStack() throws IOException {
		final ImageStack stack = new ImageStack(2, 1);
		stack.addSlice(new ByteProcessor(2, 1, new byte[] { 1, 2 }));
		stack.addSlice(new ByteProcessor(2, 1, new byte[] { 3, 4 }));
		final Path tif = dir.resolve("stack.tif");
		new FileSaver(new ImagePlus("stack", stack)).saveAsTiffStack(tif
			.toString());
		final List<RasterImage> r = ImageFileReader.read(tif);
		assertEquals(2, r.size());
		assertArrayEquals(new float[] { 3, 4 }, r.get(1).plane(0));
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
