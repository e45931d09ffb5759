package io.github.tailedcore.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * PIL's antialiased bilinear resize: weights computed by hand from PIL's
 * definition, and golden values produced by Pillow 9.4 itself.
 */
class AntialiasedResizeTest {

	/** 4 → 2: scale 2, support 2; centres 1 and 3 (see the class javadoc). */
	@Test
	void shrinkingFourToTwoUsesStretchedTriangles() {
		final int[] first = new int[2];
		final double[][] k = AntialiasedResize.weights(4, 2, first);
		// output 0: taps x = 0, 1, 2 at distances -0.25, 0.25, 0.75 (÷2 scale)
		// → triangle 0.75, 0.75, 0.25 → normalised by 1.75
		assertArrayEquals(new double[] { 3 / 7.0, 3 / 7.0, 1 / 7.0 }, k[0], 1e-12);
		assertArrayEquals(new double[] { 1 / 7.0, 3 / 7.0, 3 / 7.0 }, k[1], 1e-12);
		assertArrayEquals(new int[] { 0, 1 }, first);
	}

	/** 2 → 4: scale ½, support 1: [a, ¾a + ¼b, ¼a + ¾b, b]. */
	@Test
	void enlargingTwoToFourInterpolates() {
		final RasterImage in = new RasterImage(2, 1, new float[] { 10.5f, 30.5f });
		final RasterImage out = AntialiasedResize.resize(in, 4, 1);
		assertArrayEquals(new float[] { 10.5f, 15.5f, 25.5f, 30.5f }, out.plane(
			0), 1e-5f);
	}

	/**
	 * 8-bit values take PIL's fixed-point path: (3·0 + 3·100 + 1·200)/7 =
	 * 71.4 → 71 and (100 + 3·200 + 3·255)/7 = 209.3 → 209; the same along
	 * columns.
	 */
	@Test
	void eightBitValuesAreRoundedLikePil() {
		final float[] v = { 0, 100, 200, 255 };
		assertArrayEquals(new float[] { 71, 209 }, AntialiasedResize.resize(
			new RasterImage(4, 1, v), 2, 1).plane(0));
		assertArrayEquals(new float[] { 71, 209 }, AntialiasedResize.resize(
			new RasterImage(1, 4, v), 1, 2).plane(0));
	}

	@Test
	void constantImagesStayConstant() {
		final float[] grey = new float[35];
		java.util.Arrays.fill(grey, 77.5f);
		final RasterImage out = AntialiasedResize.resize(new RasterImage(7, 5,
			grey), 3, 11);
		for (final float v : out.plane(0))
			assertEquals(77.5f, v, 1e-4f);
	}

	@Test
	void matchesPillowOnEightBitImages() {
		final RasterImage in = pattern(0);
		assertArrayEquals(new float[] { 55, 130, 163, 138, 131, 95, 95, 96, 169,
			117, 140, 83 }, AntialiasedResize.resize(in, 3, 4).plane(0));
		assertArrayEquals(new float[] { 79, 116, 95, 132, 169, 101, 138, 87, 124,
			103, 140, 95, 121, 158 }, AntialiasedResize.resize(in, 7, 2).plane(0));
		final float[] up = AntialiasedResize.resize(in, 11, 9).plane(0);
		assertArrayEquals(new float[] { 0, 17, 40, 64, 87, 111, 135, 158, 182,
			205, 222 }, java.util.Arrays.copyOfRange(up, 0, 11));
		assertArrayEquals(new float[] { 131, 148, 161, 113, 105, 129, 153, 137,
			70, 80, 97 }, java.util.Arrays.copyOfRange(up, 33, 44));
		assertArrayEquals(new float[] { 108, 125, 148, 172, 195, 219, 80, 10, 34,
			57, 74 }, java.util.Arrays.copyOfRange(up, 88, 99));
	}

	@Test
	void matchesPillowOnFloatImages() {
		assertArrayEquals(new float[] { 54.714287f, 130.23529f, 163.0f,
			138.02382f, 130.9902f, 95.452385f, 94.85715f, 96.60784f, 169.61905f,
			117.21428f, 140.02942f, 83.78571f }, AntialiasedResize.resize(pattern(
				0.25f), 3, 4).plane(0), 1e-3f);
	}

	/** torchvision: shorter side 256, longer int(256 · long / short). */
	@Test
	void shorterSideGetsTheRequestedLength() {
		final RasterImage wide = AntialiasedResize.toShorterSide(blank(773, 512),
			256);
		assertEquals(386, wide.width()); // 386.5 truncated
		assertEquals(256, wide.height());
		final RasterImage tall = AntialiasedResize.toShorterSide(blank(300, 700),
			256);
		assertEquals(256, tall.width());
		assertEquals(597, tall.height()); // 597.33
	}

	/** The 7 × 5 pattern (37x + 91y) mod 256, plus an offset. */
	private static RasterImage pattern(final float offset) {
		final float[] p = new float[35];
		for (int y = 0; y < 5; y++)
			for (int x = 0; x < 7; x++)
				p[y * 7 + x] = (x * 37 + y * 91) % 256 + offset;
		return new RasterImage(7, 5, p);
	}

	private static RasterImage blank(final int w, final int h) {
		return new RasterImage(w, h, new float[w * h]);
	}
}
