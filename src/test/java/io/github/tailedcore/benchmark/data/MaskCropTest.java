package io.github.tailedcore.benchmark.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tailedcore.image.ImagePreprocessor;

import org.junit.jupiter.api.Test;

/** Masks follow the images' resize and centre crop. */
class MaskCropTest {

	/** A w × h mask with the rectangle [x0, x1) × [y0, y1) set. */
	private static BinaryMask box(final int w, final int h, final int x0,
		final int y0, final int x1, final int y1)
	{
		final boolean[] p = new boolean[w * h];
		for (int y = y0; y < y1; y++)
			for (int x = x0; x < x1; x++)
				p[y * w + x] = true;
		return new BinaryMask(w, h, p);
	}

	@Test
	void aMaskAtTheResizeSizeIsOnlyCropped() {
		// 8 → 8, crop 4 at offset 2: the box [3, 5) lands at [1, 3)
		final BinaryMask m = MaskCrop.of(box(8, 8, 3, 3, 5, 5),
			new ImagePreprocessor(8, 4));
		assertEquals(4, m.width());
		assertEquals(4, m.count());
		assertTrue(m.pixels()[1 * 4 + 1]);
		assertTrue(m.pixels()[2 * 4 + 2]);
		assertFalse(m.pixels()[0]);
	}

	@Test
	void upscalingDoublesTheRegionAndCropsTheWideSide() {
		// 8 × 4 → 16 × 8 (shorter side 8), crop 8 at x offset 4: the left half
		// box [0, 4) × [0, 4) becomes [0, 8) × [0, 8), of which x ≥ 4 remains
		final BinaryMask m = MaskCrop.of(box(8, 4, 0, 0, 4, 4),
			new ImagePreprocessor(8, 8));
		assertEquals(8, m.width());
		assertEquals(8, m.height());
		assertEquals(4 * 8, m.count(), 8.0);
		assertTrue(m.pixels()[3 * 8 + 1]);
		assertFalse(m.pixels()[3 * 8 + 6]);
	}
}
