package io.github.tailedcore.benchmark.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.tailedcore.image.RasterImage;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFilesTest {

	@TempDir
	Path dir;

	@Test
	void roundTripsGreyAndColourWholeValues() throws IOException {
		final RasterImage grey = new RasterImage(3, 2, new float[] { 0, 1, 2, 128,
			254, 255 });
		final Path g = dir.resolve("sub/grey.png");
		ImageFiles.writePng(grey, g);
		final RasterImage greyBack = ImageFiles.read(g);
		assertEquals(1, greyBack.channels());
		assertArrayEquals(grey.plane(0), greyBack.plane(0));
		final RasterImage rgb = new RasterImage(2, 1, new float[] { 10, 20 },
			new float[] { 30, 40 }, new float[] { 50, 60 });
		ImageFiles.writePng(rgb, dir.resolve("rgb.png"));
		final RasterImage rgbBack = ImageFiles.read(dir.resolve("rgb.png"));
		assertEquals(3, rgbBack.channels());
		for (int c = 0; c < 3; c++)
			assertArrayEquals(rgb.plane(c), rgbBack.plane(c));
	}

	@Test
	void roundsAndClampsToBytes() throws IOException {
		ImageFiles.writePng(new RasterImage(4, 1, new float[] { -3, 1.4f, 1.6f,
			300 }), dir.resolve("c.png"));
		assertArrayEquals(new float[] { 0, 1, 2, 255 }, ImageFiles.read(dir
			.resolve("c.png")).plane(0));
	}

	@Test
	void scalesSixteenBitGreyByTheBitDepth() throws IOException {
		final BufferedImage image = new BufferedImage(2, 1,
			BufferedImage.TYPE_USHORT_GRAY);
		image.getRaster().setSample(0, 0, 0, 65535);
		image.getRaster().setSample(1, 0, 0, 257);
		final Path file = dir.resolve("16.png");
		ImageIO.write(image, "png", file.toFile());
		assertArrayEquals(new float[] { 255, 1 }, ImageFiles.read(file).plane(0),
			1e-4f);
	}

	@Test
	void masksAreTrueAbove127() throws IOException {
		final Path file = dir.resolve("m.png");
		ImageFiles.writePng(new RasterImage(4, 1, new float[] { 0, 127, 128,
			255 }), file);
		final BinaryMask mask = ImageFiles.readMask(file);
		assertArrayEquals(new boolean[] { false, false, true, true }, mask
			.pixels());
		assertEquals(2, mask.count());
		ImageFiles.writeMask(mask, dir.resolve("m2.png"));
		assertArrayEquals(new float[] { 0, 0, 255, 255 }, ImageFiles.read(dir
			.resolve("m2.png")).plane(0));
	}

	@Test
	void namesAFileThatIsNoImage() throws IOException {
		final Path text = dir.resolve("x.png");
		Files.writeString(text, "not an image");
		final IOException e = assertThrows(IOException.class, () -> ImageFiles
			.read(text));
		assertEquals(true, e.getMessage().contains(text.toString()));
		assertThrows(IOException.class, () -> ImageFiles.read(dir.resolve(
			"absent.png")));
	}
}
