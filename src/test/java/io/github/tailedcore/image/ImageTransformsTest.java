package io.github.tailedcore.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Crops, flips, padding and rotations against hand-built permutations. */
class ImageTransformsTest {

	@Test
	void cropOffsetsRoundHalfToEvenLikePython() {
		assertEquals(16, ImageTransforms.cropOffset(256, 224));
		assertEquals(58, ImageTransforms.cropOffset(341, 224)); // round(58.5)
		assertEquals(60, ImageTransforms.cropOffset(343, 224)); // round(59.5)
		assertEquals(63, ImageTransforms.cropOffset(350, 224));
	}

	@Test
	void centerCropTakesTheMiddle() {
		// 5 × 4, value = 10y + x; a 2 × 2 crop starts at (round(1.5), 1) = (2, 1)
		final RasterImage crop = ImageTransforms.centerCrop(indexed(5, 4), 2);
		assertArrayEquals(new float[] { 12, 13, 22, 23 }, crop.plane(0));
	}

	@Test
	void centerCropRefusesSmallImages() {
		final IllegalArgumentException e = assertThrows(
			IllegalArgumentException.class, () -> ImageTransforms.centerCrop(indexed(
				5, 4), 5));
		assertTrue(e.getMessage().contains("5 × 4"), e.getMessage());
	}

	@Test
	void flipMirrorsRows() {
		assertArrayEquals(new float[] { 2, 1, 0, 12, 11, 10 }, ImageTransforms
			.flipHorizontal(indexed(3, 2)).plane(0));
	}

	@Test
	void replicatePaddingCopiesEdges() {
		final RasterImage p = ImageTransforms.padReplicate(indexed(2, 2), 1);
		assertArrayEquals(new float[] { 0, 0, 1, 1, 0, 0, 1, 1, 10, 10, 11, 11, 10,
			10, 11, 11 }, p.plane(0));
	}

	/** CCW 90°: out(x, y) = in(n − 1 − y, x), the top row becomes the left column. */
	@Test
	void rotationBy90IsTheCounterClockwisePermutation() {
		for (final int n : new int[] { 3, 4 }) {
			final RasterImage in = indexed(n, n);
			final RasterImage out = ImageTransforms.rotate(in, 90);
			for (int y = 0; y < n; y++)
				for (int x = 0; x < n; x++)
					assertEquals(in.get(0, n - 1 - y, x), out.get(0, x, y));
		}
		// 3 × 3 spelled out: top row 0 1 2 ends up as the left column, bottom-up
		assertArrayEquals(new float[] { 2, 12, 22, 1, 11, 21, 0, 10, 20 },
			ImageTransforms.rotate(indexed(3, 3), 90).plane(0));
	}

	@Test
	void rotationBy180And270ArePermutations() {
		final RasterImage in = indexed(4, 2);
		final RasterImage half = ImageTransforms.rotate(in, 180);
		for (int y = 0; y < 2; y++)
			for (int x = 0; x < 4; x++)
				assertEquals(in.get(0, 3 - x, 1 - y), half.get(0, x, y));
		final RasterImage sq = indexed(4, 4);
		assertArrayEquals(ImageTransforms.rotate(ImageTransforms.rotate(sq, 90),
			180).plane(0), ImageTransforms.rotate(sq, 270).plane(0));
		assertArrayEquals(sq.plane(0), ImageTransforms.rotate(sq, 360).plane(0));
	}

	/**
	 * torchvision 0.14.1's {@code TF.rotate(img, a, NEAREST)} of the 7 × 6
	 * image 10y + x (zeros are fill). At 90° the odd width and even height put
	 * every source exactly halfway between two rows; torchvision's float32
	 * grid rounds those unevenly (rows 0, 0, 1, 2, 4, 4), and so must we.
	 */
	@Test
	void rotationMatchesTorchvisionIncludingTies() {
		final RasterImage in = indexed(7, 6);
		assertArrayEquals(new float[] { 0, 0, 4, 15, 15, 26, 0, 0, 3, 13, 14, 25,
			35, 46, 1, 12, 13, 23, 34, 45, 45, 11, 11, 22, 33, 43, 44, 55, 10, 21,
			31, 42, 43, 53, 0, 0, 30, 41, 41, 52, 0, 0 }, ImageTransforms.rotate(in,
				45).plane(0));
		assertArrayEquals(new float[] { 0, 2, 3, 4, 5, 16, 0, 0, 11, 12, 13, 14,
			25, 26, 10, 11, 22, 23, 24, 35, 36, 20, 21, 32, 33, 34, 45, 46, 30, 31,
			42, 43, 44, 45, 56, 0, 40, 51, 52, 53, 54, 0 }, ImageTransforms.rotate(
				in, 15).plane(0));
		assertArrayEquals(new float[] { 6, 6, 16, 26, 46, 46, 0, 4, 4, 14, 24, 44,
			44, 0, 4, 4, 14, 24, 44, 44, 0, 2, 2, 12, 22, 42, 42, 0, 1, 1, 11, 21,
			41, 41, 0, 0, 0, 10, 20, 40, 40, 0 }, ImageTransforms.rotate(in, 90)
				.plane(0));
	}

	/** A w × h grey image with value 10y + x. */
	static RasterImage indexed(final int w, final int h) {
		final float[] p = new float[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				p[y * w + x] = 10 * y + x;
		return new RasterImage(w, h, p);
	}
}
