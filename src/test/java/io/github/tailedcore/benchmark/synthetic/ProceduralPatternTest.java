package io.github.tailedcore.benchmark.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tailedcore.image.RasterImage;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class ProceduralPatternTest {

	@Test
	void tilesHaveNoSeams() {
		// the jump across the wrap-around edge is no larger than the largest
		// jump between neighbours inside the tile
		for (final ProceduralPattern p : ProceduralPattern.values())
			for (int seed = 0; seed < 4; seed++) {
				final RasterImage t = p.tile(96, new SplittableRandom(seed));
				double inside = 0;
				double seam = 0;
				for (int c = 0; c < 3; c++)
					for (int y = 0; y < 96; y++)
						for (int x = 0; x < 96; x++) {
							final double right = Math.abs(t.get(c, x, y) - t.get(c, (x + 1) %
								96, y));
							final double down = Math.abs(t.get(c, x, y) - t.get(c, x, (y + 1) %
								96));
							if (x == 95) seam = Math.max(seam, right);
							else inside = Math.max(inside, right);
							if (y == 95) seam = Math.max(seam, down);
							else inside = Math.max(inside, down);
						}
				assertTrue(seam <= inside + 1, p + " seed " + seed + ": seam " + seam +
					" > " + inside);
			}
	}

	@Test
	void tilesAreWholeLevelsWithVisibleContrastAndFixedBySeed() {
		for (final ProceduralPattern p : ProceduralPattern.values()) {
			final RasterImage t = p.tile(64, new SplittableRandom(9));
			assertEquals(3, t.channels());
			float min = 255;
			float max = 0;
			for (final float v : t.plane(1)) {
				assertEquals(Math.rint(v), v, 0);
				min = Math.min(min, v);
				max = Math.max(max, v);
			}
			assertTrue(max - min >= 20, p + ": contrast " + (max - min));
			assertArrayEquals(t.plane(0), p.tile(64, new SplittableRandom(9)).plane(
				0));
		}
	}
}
