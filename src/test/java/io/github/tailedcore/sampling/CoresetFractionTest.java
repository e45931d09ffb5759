package io.github.tailedcore.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tailedcore.Progress;
import io.github.tailedcore.linalg.FeatureMatrix;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Tests {@link CoresetFraction}. */
public class CoresetFractionTest {

	/** ⌊ratio · N⌋ with Python's double product int(N * ratio). */
	@Test
	public void testSizeIsFloorOfRatioTimesCount() {
		assertEquals(10, CoresetFraction.size(100, 0.1));
		assertEquals(10, CoresetFraction.size(109, 0.1));
		assertEquals(0, CoresetFraction.size(9, 0.1));
		// 78400 patches of 100 images at 0.1: 7840
		assertEquals(7840, CoresetFraction.size(78400, 0.1));
		// Python: 100 * 0.29 == 28.999999999999996, int() gives 28
		assertEquals(28, CoresetFraction.size(100, 0.29));
		assertEquals(57, CoresetFraction.size(57, 1));
		assertThrows(IllegalArgumentException.class, () -> CoresetFraction.size(
			10, 0));
		assertThrows(IllegalArgumentException.class, () -> CoresetFraction.size(
			10, 1.5));
		assertThrows(IllegalArgumentException.class, () -> CoresetFraction.size(
			10, Double.NaN));
	}

	@Test
	public void testRandomStartIsSeededAndInRange() {
		final Set<Integer> seen = new HashSet<>();
		for (long seed = 0; seed < 200; seed++) {
			final int start = CoresetFraction.randomStart(7, seed);
			assertEquals(start, CoresetFraction.randomStart(7, seed));
			assertTrue(start >= 0 && start < 7);
			seen.add(start);
		}
		assertEquals(7, seen.size(), "every index can start");
		assertThrows(IllegalArgumentException.class, () -> CoresetFraction
			.randomStart(0, 1));
	}

	/** Ratio 1 keeps every point in order, without running the sampler. */
	@Test
	public void testRatioOneKeepsAllPointsUnchanged() {
		final FeatureMatrix points = GreedyCoresetSamplerTest.line(5, 3, 9, 1);
		final CoresetSampler failing = (p, count, start, progress) -> {
			throw new AssertionError("The sampler must not run for ratio 1.");
		};
		assertArrayEquals(new int[] { 0, 1, 2, 3 }, CoresetFraction.select(
			failing, points, 1, 0, Progress.none()));
	}

	@Test
	public void testSelectPassesSizeAndSeededStart() {
		final FeatureMatrix points = RandomProjectionTest.gaussian(50, 2, 3);
		final int[] arguments = new int[2];
		final CoresetSampler recording = (p, count, start, progress) -> {
			arguments[0] = count;
			arguments[1] = start;
			return new int[] { start };
		};
		assertArrayEquals(new int[] { CoresetFraction.randomStart(50, 42) },
			CoresetFraction.select(recording, points, 0.25, 42, Progress.none()),
			"the sampler's picks");
		assertEquals(12, arguments[0]);
		assertEquals(CoresetFraction.randomStart(50, 42), arguments[1]);
		assertArrayEquals(new int[0], CoresetFraction.select(recording, points,
			0.01, 42, Progress.none()), "⌊0.5⌋ = 0 picks");
	}

	/** With a subset of rows, the size and start count those rows only. */
	@Test
	public void testSelectFromRowsCountsTheRows() {
		final FeatureMatrix points = RandomProjectionTest.gaussian(50, 2, 3);
		final long[] rows = new long[20];
		for (int i = 0; i < rows.length; i++)
			rows[i] = 2L * i;
		final CoresetSampler recording = new CoresetSampler() {

			@Override
			public int[] select(final FeatureMatrix p, final int count,
				final int start, final Progress progress)
			{
				throw new AssertionError("the rows must be passed on");
			}

			@Override
			public int[] select(final FeatureMatrix p, final long[] r,
				final int count, final int start, final Progress progress)
			{
				return new int[] { count, start, r.length };
			}
		};
		assertArrayEquals(new int[] { 5, CoresetFraction.randomStart(20, 7), 20 },
			CoresetFraction.select(recording, points, rows, 0.25, 7, Progress
				.none()));
		assertArrayEquals(new int[] { 0, 1, 2 }, CoresetFraction.select(recording,
			points, new long[] { 9, 4, 1 }, 1, 7, Progress.none()));
	}
}
