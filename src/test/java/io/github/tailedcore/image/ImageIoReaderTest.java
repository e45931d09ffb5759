package io.github.tailedcore.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files of each kind written with ImageIO, then read back. */
class ImageIoReaderTest {

	@TempDir
	Path dir;

	@Test
	void eightBitGreyIsKeptExactly() throws IOException {
		final BufferedImage b = new BufferedImage(3, 1,
			BufferedImage.TYPE_BYTE_GRAY);
		b.getRaster().setSamples(0, 0, 3, 1, 0, new int[] { 0, 128, 255 });
		final RasterImage r = ImageIoReader.read(write(b, "png"));
		assertEquals(1, r.channels());
		assertArrayEquals(new float[] { 0, 128, 255 }, start(r, 0, 3));
	}

	@Test
	void sixteenBitGreyIsScaledByBitDepth() throws IOException {
		final BufferedImage b = new BufferedImage(3, 1,
			BufferedImage.TYPE_USHORT_GRAY);
		b.getRaster().setSamples(0, 0, 3, 1, 0, new int[] { 257, 1000, 65535 });
		final RasterImage r = ImageIoReader.read(write(b, "png"));
		assertArrayEquals(new float[] { 1, 1000 * 255f / 65535, 255 }, start(r, 0,
			3), 1e-4f);
	}

	@Test
	void rgbKeepsChannelOrderInEveryFormat() throws IOException {
		for (final String format : new String[] { "png", "bmp", "tif" }) {
			final BufferedImage b = new BufferedImage(2, 1,
				BufferedImage.TYPE_3BYTE_BGR);
			b.setRGB(0, 0, 0x0a141e); // (10, 20, 30)
			b.setRGB(1, 0, 0xc86432); // (200, 100, 50)
			final RasterImage r = ImageIoReader.read(write(b, format));
			assertEquals(3, r.channels(), format);
			assertArrayEquals(new float[] { 10, 200 }, start(r, 0, 2), format);
			assertArrayEquals(new float[] { 20, 100 }, start(r, 1, 2), format);
			assertArrayEquals(new float[] { 30, 50 }, start(r, 2, 2), format);
		}
	}

	@Test
	void jpegIsReadAsRgb() throws IOException {
		final BufferedImage b = new BufferedImage(16, 16,
			BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < 16; y++)
			for (int x = 0; x < 16; x++)
				b.setRGB(x, y, 0xc86432);
		final RasterImage r = ImageIoReader.read(write(b, "jpg"));
		assertEquals(200, r.get(0, 8, 8), 3);
		assertEquals(100, r.get(1, 8, 8), 3);
		assertEquals(50, r.get(2, 8, 8), 3);
	}

	@Test
	void alphaIsDropped() throws IOException {
		final BufferedImage b = new BufferedImage(1, 1,
			BufferedImage.TYPE_INT_ARGB);
		b.setRGB(0, 0, 0x80c86432);
		final RasterImage r = ImageIoReader.read(write(b, "png"));
		assertEquals(3, r.channels());
		assertEquals(200, r.get(0, 0, 0));
		assertEquals(50, r.get(2, 0, 0));
	}

	@Test
	void paletteBecomesRgb() throws IOException {
		final IndexColorModel palette = new IndexColorModel(8, 2, new byte[] { 0,
			(byte) 250 }, new byte[] { 0, 10 }, new byte[] { 0, 20 });
		final BufferedImage b = new BufferedImage(2, 1,
			BufferedImage.TYPE_BYTE_INDEXED, palette);
		b.getRaster().setSamples(0, 0, 2, 1, 0, new int[] { 1, 0 });
		final RasterImage r = ImageIoReader.read(write(b, "png"));
		assertEquals(3, r.channels());
		assertArrayEquals(new float[] { 250, 0 }, start(r, 0, 2));
		assertArrayEquals(new float[] { 10, 0 }, start(r, 1, 2));
		assertArrayEquals(new float[] { 20, 0 }, start(r, 2, 2));
	}

	@Test
	void greyFloatSamplesAreKeptAsThirtyTwoBitData() {
		final ComponentColorModel model = new ComponentColorModel(ColorSpace
			.getInstance(ColorSpace.CS_GRAY), false, false, Transparency.OPAQUE,
			DataBuffer.TYPE_FLOAT);
		final WritableRaster raster = model.createCompatibleWritableRaster(2, 2);
		final float[] values = { 0.5f, -2, Float.NaN, 1000 };
		raster.setSamples(0, 0, 2, 2, 0, values);
		final RasterImage r = ImageIoReader.toRaster(new BufferedImage(model,
			raster, false, null));
		assertArrayEquals(values, r.plane(0));
		assertTrue(r.floatingPoint());
	}

	@Test
	void unreadableFilesAreNamed() throws IOException {
		final Path missing = dir.resolve("missing.png");
		IOException e = assertThrows(IOException.class, () -> ImageIoReader.read(
			missing));
		assertTrue(e.getMessage().contains("missing.png"), e.getMessage());
		final Path junk = dir.resolve("junk.png");
		Files.write(junk, new byte[] { 1, 2, 3, 4, 5 });
		e = assertThrows(IOException.class, () -> ImageIoReader.read(junk));
		assertTrue(e.getMessage().contains(junk.toString()), e.getMessage());
	}

	/**
	 * Writes {@code image} in the top left corner of a 16 × 16 image of its
	 * type (the smallest a reader accepts), the rest 0.
	 */
	private Path write(final BufferedImage image, final String format)
		throws IOException
	{
		final int side = ImageRequirements.MIN_SIDE;
		final BufferedImage canvas = new BufferedImage(image.getColorModel(), image
			.getRaster().createCompatibleWritableRaster(side, side), image
				.isAlphaPremultiplied(), null);
		canvas.getRaster().setRect(image.getRaster());
		final Path file = dir.resolve("image." + format);
		if (!ImageIO.write(canvas, format, file.toFile())) throw new IOException(
			"No ImageIO writer for " + format);
		return file;
	}

	/** The first {@code n} values of channel {@code c} (the top row). */
	private static float[] start(final RasterImage r, final int c, final int n) {
		return java.util.Arrays.copyOf(r.plane(c), n);
	}
}
