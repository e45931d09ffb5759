package io.github.tailedcore.ij;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.CompositeImage;
import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileInfo;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ShortProcessor;
import io.github.tailedcore.image.DisplayRange;
import io.github.tailedcore.image.RasterImage;

import java.awt.image.IndexColorModel;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Each ImageJ pixel type against values computed by hand. */
class ImagePlusConverterTest {

	private static final float EPS = 1e-4f;

	@Test
	void grey8KeepsRawValuesWhateverTheLut() {
		final ByteProcessor bp = new ByteProcessor(2, 2, new byte[] { 0, 1,
			(byte) 128, (byte) 255 });
		bp.invertLut();
		final RasterImage r = single(new ImagePlus("g8", bp));
		assertEquals(1, r.channels());
		assertArrayEquals(new float[] { 0, 1, 128, 255 }, r.plane(0));
	}

	@Test
	void grey16IsScaledByTheGivenBitDepth() {
		final ImagePlus imp = grey16(0, 4095, 2048, 1);
		final RasterImage r = ImagePlusConverter.toRasterImages(imp, 12).get(0);
		// v · 255 / 4095
		assertArrayEquals(new float[] { 0, 255, 127.53114f, 0.06227106f }, r
			.plane(0), EPS);
	}

	@Test
	void grey16TakesTwelveBitsFromAPackedFile() {
		final ImagePlus imp = grey16(0, 4095, 2048, 1);
		final FileInfo fi = new FileInfo();
		fi.fileType = FileInfo.GRAY12_UNSIGNED;
		imp.setFileInfo(fi);
		assertEquals(12, ImagePlusConverter.bitDepth16(imp));
		assertArrayEquals(new float[] { 0, 255, 127.53114f, 0.06227106f },
			single(imp).plane(0), EPS);
	}

	@Test
	void grey16DefaultsToSixteenBitsNeverToTheImageMaximum() {
		// the maximum is 4095, but nothing says the depth is 12 bits
		final RasterImage r = single(grey16(0, 257, 4095, 65535));
		assertArrayEquals(new float[] { 0, 1, 15.933852f, 255 }, r.plane(0), EPS);
	}

	@Test
	void grey16FollowsImageJsSixteenBitRangeSetting() {
		final int saved = ImagePlus.getDefault16bitRange();
		try {
			ImagePlus.setDefault16bitRange(10);
			assertEquals(10, ImagePlusConverter.bitDepth16(grey16(1, 2, 3, 4)));
		}
		finally {
			ImagePlus.setDefault16bitRange(saved);
		}
	}

	@Test
	void grey16RefusesValuesAboveTheBitDepth() {
		final Exception e = assertThrows(IllegalArgumentException.class,
			() -> ImagePlusConverter.toRasterImages(grey16(0, 5000, 1, 1), 12));
		assertTrue(e.getMessage().contains("5000"), e.getMessage());
		assertTrue(e.getMessage().contains("'g16'"), e.getMessage());
	}

	@Test
	void grey32IsTakenAsIs() {
		final float[] values = { 0.5f, 100, 254.75f, 3 };
		final RasterImage r = single(new ImagePlus("g32", new FloatProcessor(2, 2,
			values.clone())));
		assertArrayEquals(values, r.plane(0));
		assertTrue(r.floatingPoint());
		assertFalse(single(grey16(0, 5, 1, 1)).floatingPoint());
	}

	/**
	 * 0–1, negative and NaN values are kept for the intensity scaling, which
	 * says what becomes of them; the display range is in the same values.
	 */
	@Test
	void grey32KeepsAnyValues() {
		final float[] values = { 0.25f, -3, Float.NaN, 1 };
		final ImagePlus imp = new ImagePlus("g32", new FloatProcessor(2, 2, values
			.clone()));
		imp.setDisplayRange(-1, 0.5);
		final RasterImage r = single(imp);
		assertArrayEquals(values, r.plane(0));
		assertEquals(new DisplayRange(-1, 0.5), r.displayRange(0));
	}

	@Test
	void rgbGivesThreePlanes() {
		final RasterImage r = single(new ImagePlus("rgb", new ColorProcessor(2, 2,
			new int[] { 0xff0000, 0x00ff00, 0x0000ff, 0x102030 })));
		assertEquals(3, r.channels());
		assertArrayEquals(new float[] { 255, 0, 0, 16 }, r.plane(0));
		assertArrayEquals(new float[] { 0, 255, 0, 32 }, r.plane(1));
		assertArrayEquals(new float[] { 0, 0, 255, 48 }, r.plane(2));
	}

	@Test
	void colour256IsLookedUpInItsPalette() {
		final byte[] red = new byte[256];
		final byte[] green = new byte[256];
		final byte[] blue = new byte[256];
		for (int i = 0; i < 256; i++) { // a jumpy palette, as in a GIF
			red[i] = (byte) (i * 37);
			green[i] = (byte) (i * 91);
			blue[i] = (byte) (i * 53);
		}
		red[0] = 10;
		green[0] = 20;
		blue[0] = 30;
		red[1] = (byte) 200;
		green[1] = 0;
		blue[1] = 100;
		red[2] = 0;
		green[2] = (byte) 255;
		blue[2] = 0;
		final ByteProcessor bp = new ByteProcessor(2, 2, new byte[] { 0, 1, 2,
			1 }, new IndexColorModel(8, 256, red, green, blue));
		final ImagePlus imp = new ImagePlus("gif", bp);
		imp.setTypeToColor256();
		assertEquals(ImagePlus.COLOR_256, imp.getType());
		final RasterImage r = single(imp);
		assertEquals(3, r.channels());
		assertArrayEquals(new float[] { 10, 200, 0, 200 }, r.plane(0));
		assertArrayEquals(new float[] { 20, 0, 255, 0 }, r.plane(1));
		assertArrayEquals(new float[] { 30, 100, 0, 100 }, r.plane(2));
	}

	@Test
	void stackGivesOneImagePerSliceInOrder() {
		final ImageStack stack = new ImageStack(2, 1);
		for (int s = 0; s < 3; s++)
			stack.addSlice(new ByteProcessor(2, 1, new byte[] { (byte) (2 * s + 1),
				(byte) (2 * s + 2) }));
		final List<RasterImage> r = ImagePlusConverter.toRasterImages(
			new ImagePlus("stack", stack));
		assertEquals(3, r.size());
		assertArrayEquals(new float[] { 1, 2 }, r.get(0).plane(0));
		assertArrayEquals(new float[] { 3, 4 }, r.get(1).plane(0));
		assertArrayEquals(new float[] { 5, 6 }, r.get(2).plane(0));
	}

	@Test
	void hyperstackGivesOneImagePerStackIndex() {
		final ImagePlus imp = IJ.createImage("zt", "8-bit black", 3, 2, 1, 2, 2);
		for (int i = 1; i <= 4; i++)
			imp.getStack().getProcessor(i).set(10 * i);
		final List<RasterImage> r = ImagePlusConverter.toRasterImages(imp);
		assertEquals(4, r.size());
		for (int i = 1; i <= 4; i++)
			assertEquals(10 * i, r.get(i - 1).get(0, 2, 1));
	}

	/**
	 * A 16-bit composite of 2 channels × 3 Z slices gives 3 images of 2
	 * channels, each channel scaled by the bit depth and carrying its own
	 * display range (its LUT's), on the same scale.
	 */
	@Test
	void compositeGivesOneImageOfAllChannelsPerPosition() {
		final ImagePlus hyper = IJ.createImage("two channels", "16-bit black", 3,
			2, 2, 3, 1);
		for (int z = 1; z <= 3; z++)
			for (int c = 1; c <= 2; c++)
				hyper.getStack().getProcessor(hyper.getStackIndex(c, z, 1)).set(1, 1,
					1000 * c + z);
		final CompositeImage imp = new CompositeImage(hyper,
			IJ.COMPOSITE);
		imp.setPosition(1, 1, 1);
		imp.setDisplayRange(100, 4095);
		imp.setPosition(2, 1, 1);
		imp.setDisplayRange(0, 2047);
		final List<RasterImage> r = ImagePlusConverter.toRasterImages(imp, 12);
		assertEquals(3, r.size());
		final double s = 255.0 / 4095;
		for (int z = 1; z <= 3; z++) {
			final RasterImage image = r.get(z - 1);
			assertEquals(2, image.channels());
			assertEquals((1000 + z) * s, image.get(0, 1, 1), EPS);
			assertEquals((2000 + z) * s, image.get(1, 1, 1), EPS);
			assertEquals(0, image.get(1, 0, 0));
			assertEquals(new DisplayRange(100 * s, 4095 * s), image.displayRange(0));
			assertEquals(new DisplayRange(0, 2047 * s), image.displayRange(1));
		}
	}

	/** A grey image carries the display range set in Fiji, by bit depth. */
	@Test
	void greyCarriesItsDisplayRange() {
		final ShortProcessor sp = new ShortProcessor(2, 1, new short[] { 5, 4000 },
			null);
		final ImagePlus imp = new ImagePlus("12 bit", sp);
		imp.setDisplayRange(200, 3000);
		final RasterImage r = ImagePlusConverter.toRasterImages(imp, 12).get(0);
		assertEquals(new DisplayRange(200 * 255.0 / 4095, 3000 * 255.0 / 4095), r
			.displayRange(0));
		final ByteProcessor bp = new ByteProcessor(2, 1, new byte[] { 5, 40 });
		final ImagePlus eight = new ImagePlus("8 bit", bp);
		eight.setDisplayRange(10, 20);
		assertEquals(new DisplayRange(10, 20), ImagePlusConverter.toRasterImages(
			eight).get(0).displayRange(0));
		final ImagePlus rgb = new ImagePlus("rgb", new ColorProcessor(2, 1));
		for (int c = 0; c < 3; c++)
			assertEquals(new DisplayRange(0, 255), ImagePlusConverter.toRasterImages(
				rgb).get(0).displayRange(c));
	}

	@Test
	void convertedPixelsAreCopies() {
		final ByteProcessor bp = new ByteProcessor(1, 1);
		bp.set(7);
		final ImagePlus imp = new ImagePlus("copy", bp);
		final RasterImage r = single(imp);
		bp.set(9);
		assertEquals(7, r.get(0, 0, 0));
	}

	private static RasterImage single(final ImagePlus imp) {
		final List<RasterImage> images = ImagePlusConverter.toRasterImages(imp);
		assertEquals(1, images.size());
		return images.get(0);
	}

	private static ImagePlus grey16(final int... values) {
		final short[] pixels = new short[values.length];
		for (int i = 0; i < values.length; i++)
			pixels[i] = (short) values[i];
		return new ImagePlus("g16", new ShortProcessor(2, values.length / 2,
			pixels, null));
	}
}
