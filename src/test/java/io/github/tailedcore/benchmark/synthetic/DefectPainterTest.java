package io.github.tailedcore.benchmark.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tailedcore.image.RasterImage;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class DefectPainterTest {

	@Test
	void maskIsExactlyTheChangedPixels() {
		for (final ProceduralPattern pattern : ProceduralPattern.values())
			for (final DefectKind kind : DefectKind.values())
				for (int seed = 0; seed < 5; seed++) {
					final SplittableRandom random = new SplittableRandom(seed);
					final RasterImage normal = new TileSampler(pattern.tile(64, random))
						.sample(96, 80, random);
					assertMaskIsChange(normal, DefectPainter.paint(normal, kind, random));
				}
	}

	@Test
	void greyImagesAndExtremeValuesChangeToo() {
		// all-black and all-white grey images: targets that clip to the same
		// value must be pushed the other way
		for (final float level : new float[] { 0, 255, 128 })
			for (final DefectKind kind : DefectKind.values()) {
				final float[] grey = new float[64 * 64];
				Arrays.fill(grey, level);
				final RasterImage normal = new RasterImage(64, 64, grey);
				assertMaskIsChange(normal, DefectPainter.paint(normal, kind,
					new SplittableRandom(3)));
			}
	}

	@Test
	void targetsTooCloseToTheOriginalArePushedAway() {
		final double[] t = { 100, 105, 90 };
		DefectPainter.changeVisibly(new double[] { 100, 100, 100 }, t, -1);
		assertArrayEquals(new double[] { 68, 68, 68 }, t);
		final double[] dark = { 10 };
		DefectPainter.changeVisibly(new double[] { 20 }, dark, -1);
		assertArrayEquals(new double[] { 52 }, dark); // 20 − 32 < 0: up instead
		final double[] far = { 150, 100 };
		DefectPainter.changeVisibly(new double[] { 100, 100 }, far, -1);
		assertArrayEquals(new double[] { 150, 100 }, far); // already visible
	}

	private static void assertMaskIsChange(final RasterImage normal,
		final DefectSample defect)
	{
		final boolean[] mask = defect.mask().pixels();
		int changed = 0;
		for (int i = 0; i < mask.length; i++) {
			double largest = 0;
			for (int c = 0; c < normal.channels(); c++) {
				final float v = defect.image().plane(c)[i];
				assertEquals(Math.rint(v), v, 0, "whole grey levels");
				assertTrue(v >= 0 && v <= 255);
				largest = Math.max(largest, Math.abs(v - normal.plane(c)[i]));
			}
			if (mask[i]) {
				assertTrue(largest >= DefectPainter.MIN_CHANGE, defect.kind() +
					" pixel " + i + " changed by only " + largest);
				changed++;
			}
			else assertEquals(0, largest, defect.kind() + " pixel " + i +
				" outside the mask changed");
		}
		assertTrue(changed >= DefectPainter.MIN_AREA, defect.kind() + ": " +
			changed);
	}
}
