package io.github.tailedcore.benchmark.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tailedcore.image.RasterImage;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class TileSamplerTest {

	/** A 4 × 3 grey tile with 12 different values. */
	private static final RasterImage TILE = new RasterImage(4, 3, new float[] {
		10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120 });

	@Test
	void samplesRepeatWithTheTilesPeriod() {
		final RasterImage s = new TileSampler(TILE).sample(13, 11,
			new SplittableRandom(5));
		for (int y = 0; y < 11; y++)
			for (int x = 0; x < 13; x++) {
				if (x + 4 < 13) assertEquals(s.get(0, x, y), s.get(0, x + 4, y));
				if (y + 3 < 11) assertEquals(s.get(0, x, y), s.get(0, x, y + 3));
			}
	}

	@Test
	void samplesAreTheTileRelitWithinTheStatedRange() {
		for (int seed = 0; seed < 20; seed++) {
			final RasterImage s = new TileSampler(TILE).sample(4, 3,
				new SplittableRandom(seed));
			final float[] values = s.plane(0).clone();
			Arrays.sort(values);
			// a shifted, flipped copy holds every tile value once, mapped
			// monotonically by gain and offset
			for (int i = 0; i < 12; i++) {
				final double v = 10 * (i + 1);
				assertEquals(Math.rint(values[i]), values[i], 0);
				assertTrue(values[i] >= v * (1 - TileSampler.GAIN_RANGE) -
					TileSampler.OFFSET_RANGE - 0.5 && values[i] <= v * (1 +
						TileSampler.GAIN_RANGE) + TileSampler.OFFSET_RANGE + 0.5, "" +
							values[i]);
			}
		}
	}

	@Test
	void aSeedGivesOneSample() {
		final TileSampler sampler = new TileSampler(TILE);
		assertEquals(Arrays.toString(sampler.sample(9, 9, new SplittableRandom(1))
			.plane(0)), Arrays.toString(sampler.sample(9, 9, new SplittableRandom(1))
				.plane(0)));
		assertNotEquals(Arrays.toString(sampler.sample(9, 9, new SplittableRandom(
			1)).plane(0)), Arrays.toString(sampler.sample(9, 9, new SplittableRandom(
				2)).plane(0)));
	}
}
