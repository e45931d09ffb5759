package io.github.tailedcore.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tailedcore.tail.TailAugmentation;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Standard crops and the tail views of spec §6. */
class ImagePreprocessorTest {

	private final ImagePreprocessor pre = new ImagePreprocessor(256, 224);

	@Test
	void paddingCoversTheRotatedCrop() {
		assertEquals(47, pre.rotationPadding()); // ceil((316.78 - 224) / 2)
	}

	@Test
	void cropIsResizeThenCentreCrop() {
		final RasterImage image = random(400, 300, 1);
		final RasterImage crop = pre.crop(image);
		assertEquals(224, crop.width());
		assertEquals(224, crop.height());
		final RasterImage resized = AntialiasedResize.toShorterSide(image, 256);
		assertEquals(341, resized.width());
		// offset round(58.5) = 58 horizontally, 16 vertically
		assertEquals(resized.get(0, 58, 16), crop.get(0, 0, 0));
		assertEquals(resized.get(0, 58 + 223, 16 + 223), crop.get(0, 223, 223));
	}

	@Test
	void thinStripsAreRefused() {
		final IllegalArgumentException e = assertThrows(
			IllegalArgumentException.class, () -> pre.crop(random(330, 10, 5)));
		assertTrue(e.getMessage().contains("330 × 10"), e.getMessage());
		assertEquals(224, pre.crop(random(320, 10, 5)).width()); // 32 : 1 is fine
	}

	@Test
	void viewCountsAre47_23_15_7() {
		final RasterImage image = random(260, 260, 2);
		final int[] expected = { 0, 7, 47, 23, 15 };
		final TailAugmentation[] kinds = { TailAugmentation.NONE,
			TailAugmentation.ROTFLIP, TailAugmentation.ROT15FLIP,
			TailAugmentation.ROT30FLIP, TailAugmentation.ROT45FLIP };
		for (int i = 0; i < kinds.length; i++) {
			final List<RasterImage> views = pre.tailViews(image, kinds[i]);
			assertEquals(expected[i], views.size(), kinds[i].name());
			for (final RasterImage v : views) {
				assertEquals(224, v.width());
				assertEquals(224, v.height());
				assertEquals(3, v.channels());
			}
		}
	}

	/** Spec §6.4: angle 0 with flip is the flipped standard crop. */
	@Test
	void firstViewIsTheFlippedCrop() {
		final RasterImage image = random(300, 300, 3);
		final RasterImage flippedCrop = ImageTransforms.flipHorizontal(pre.crop(
			image));
		assertSame(flippedCrop, pre.tailViews(image, TailAugmentation.ROT15FLIP)
			.get(0));
		assertSame(flippedCrop, pre.tailViews(image, TailAugmentation.ROTFLIP)
			.get(0));
	}

	/**
	 * On a square image, rotating the padded resize by 90° and cropping the
	 * centre equals rotating the crop itself: an exact permutation.
	 */
	@Test
	void quarterTurnViewsArePermutationsOfTheCrop() {
		final RasterImage image = random(300, 300, 4);
		final RasterImage crop = pre.crop(image);
		final List<RasterImage> rot30 = pre.tailViews(image,
			TailAugmentation.ROT30FLIP);
		// view 5 = pair 6 = (angle 90, no flip); view 6 = (90, flipped)
		assertEquals(90, TailAugmentation.ROT30FLIP.angle(5));
		assertSame(ImageTransforms.rotate(crop, 90), rot30.get(5));
		assertSame(ImageTransforms.rotate(ImageTransforms.flipHorizontal(crop),
			90), rot30.get(6));
		final List<RasterImage> rotflip = pre.tailViews(image,
			TailAugmentation.ROTFLIP);
		assertSame(ImageTransforms.rotate(crop, 90), rotflip.get(1));
		assertSame(ImageTransforms.rotate(ImageTransforms.flipHorizontal(crop),
			270), rotflip.get(6));
		// pixel check of the permutation: out(x, y) = crop(223 - y, x)
		assertEquals(crop.get(1, 223 - 5, 17), rotflip.get(1).get(1, 17, 5));
	}

	private static void assertSame(final RasterImage expected,
		final RasterImage actual)
	{
		for (int c = 0; c < expected.channels(); c++)
			assertArrayEquals(expected.plane(c), actual.plane(c));
	}

	/** A random 8-bit RGB image. */
	private static RasterImage random(final int w, final int h,
		final long seed)
	{
		final Random r = new Random(seed);
		final float[][] p = new float[3][w * h];
		for (final float[] plane : p)
			for (int i = 0; i < plane.length; i++)
				plane[i] = r.nextInt(256);
		return new RasterImage(w, h, p);
	}
}
