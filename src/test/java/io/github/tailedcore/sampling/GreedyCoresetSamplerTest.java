package io.github.tailedcore.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.tailedcore.Progress;
import io.github.tailedcore.linalg.FeatureMatrix;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** Tests {@link GreedyCoresetSampler}, the brute-force reference. */
public class GreedyCoresetSamplerTest {

	/**
	 * Spec §12.7: points 0, 1, …, 10 on a line, start 0. δ after each pick
	 * (first index wins ties):
	 * <pre>
	 * pick 0:  δ = 0 1 2 3 4 5 6 7 8 9 10  → 10
	 * pick 10: δ = 0 1 2 3 4 5 4 3 2 1 0   → 5
	 * pick 5:  δ = 0 1 2 2 1 0 1 2 2 1 0   → 2 (2, 3, 7, 8 tie)
	 * pick 2:  δ = 0 1 0 1 1 0 1 2 2 1 0   → 7 (7, 8 tie)
	 * pick 7:  δ = 0 1 0 1 1 0 1 0 1 1 0   → 1 (first 1)
	 * then 3, 4, 6, 8, 9 (each the first remaining 1), then δ = 0 → 0 again.
	 * </pre>
	 */
	@Test
	public void testOrderOnALine() {
		final FeatureMatrix line = line(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
		final GreedyCoresetSampler sampler = new GreedyCoresetSampler();
		assertArrayEquals(new int[] { 0, 10, 5, 2, 7, 1, 3, 4, 6, 8, 9 }, sampler
			.select(line, 11, 0, Progress.none()));
		assertArrayEquals(new int[] { 0, 10, 5, 2 }, sampler.select(line, 4, 0,
			Progress.none()));
		// from the other end: δ = 10 − x → 0, then min(x, 10 − x) → 5, as above
		assertArrayEquals(new int[] { 10, 0, 5, 2, 7, 1, 3, 4, 6, 8, 9 }, sampler
			.select(line, 11, 10, Progress.none()));
		// one block per row: the cross-block reduction keeps the first index
		assertArrayEquals(new int[] { 0, 10, 5, 2, 7, 1, 3, 4, 6, 8, 9 },
			new GreedyCoresetSampler(1).select(line, 11, 0, Progress.none()));
	}

	/**
	 * Points 0, 0, 5, 5, 10, start 0: δ² = 0 0 25 25 100 → 4; then
	 * 0 0 25 25 0 → 2; then all 0 → index 0 again (repeats once all is
	 * covered, as the official argmax does).
	 */
	@Test
	public void testDuplicatePoints() {
		final FeatureMatrix points = line(0, 0, 5, 5, 10);
		assertArrayEquals(new int[] { 0, 4, 2, 0, 0 }, new GreedyCoresetSampler()
			.select(points, 5, 0, Progress.none()));
	}

	/** Constant input: after the start every δ is 0, so argmax is row 0. */
	@Test
	public void testConstantInput() {
		final FeatureMatrix points = new FeatureMatrix(6, 2, new float[] { 1, 2, 1,
			2, 1, 2, 1, 2, 1, 2, 1, 2 });
		assertArrayEquals(new int[] { 3, 0, 0, 0 }, new GreedyCoresetSampler()
			.select(points, 4, 3, Progress.none()));
	}

	@Test
	public void testNoRepeatsOnDistinctPoints() {
		final FeatureMatrix points = RandomProjectionTest.gaussian(500, 8, 4);
		final int[] picks = new GreedyCoresetSampler(64).select(points, 120, 17,
			Progress.none());
		assertEquals(120, picks.length);
		assertEquals(17, picks[0]);
		assertEquals(120, Arrays.stream(picks).distinct().count());
	}

	@Test
	public void testMatchesSingleThreadedReferenceOnRandomData() {
		final FeatureMatrix points = RandomProjectionTest.gaussian(3000, 16, 8);
		final int[] expected = reference(points, 300, 1234);
		assertArrayEquals(expected, new GreedyCoresetSampler(64).select(points,
			300, 1234, Progress.none()));
		assertArrayEquals(expected, new GreedyCoresetSampler().select(points, 300,
			1234, Progress.none()));
	}

	/**
	 * Clusters on an integer grid: many exact duplicates and exactly equal
	 * distances, so ties across blocks decide most picks.
	 */
	@Test
	public void testMatchesSingleThreadedReferenceOnClusteredData() {
		final Random random = new Random(3);
		final int rows = 2000, dims = 4;
		final float[] data = new float[rows * dims];
		for (int r = 0; r < rows; r++) {
			final int cluster = random.nextInt(5) * 10;
			for (int c = 0; c < dims; c++)
				data[r * dims + c] = cluster + random.nextInt(3);
		}
		final FeatureMatrix points = new FeatureMatrix(rows, dims, data);
		final int[] expected = reference(points, 600, 999);
		assertArrayEquals(expected, new GreedyCoresetSampler(37).select(points,
			600, 999, Progress.none()));
		assertArrayEquals(expected, new GreedyCoresetSampler().select(points, 600,
			999, Progress.none()));
	}

	@Test
	public void testProgressAndCancellation() {
		final FeatureMatrix points = RandomProjectionTest.gaussian(100, 3, 1);
		final AtomicInteger updates = new AtomicInteger();
		final long[] last = new long[2];
		new GreedyCoresetSampler().select(points, 10, 0, new Recording(updates,
			last, Integer.MAX_VALUE));
		assertEquals(10, updates.get());
		assertArrayEquals(new long[] { 10, 10 }, last);

		final AtomicInteger before = new AtomicInteger();
		assertThrows(CancellationException.class, () -> new GreedyCoresetSampler()
			.select(points, 50, 0, new Recording(before, new long[2], 5)));
		assertEquals(5, before.get());
	}

	@Test
	public void testEdgeCasesAndInvalidArguments() {
		final FeatureMatrix points = line(3, 1, 4);
		final GreedyCoresetSampler sampler = new GreedyCoresetSampler();
		assertArrayEquals(new int[0], sampler.select(points, 0, 0, Progress
			.none()));
		assertArrayEquals(new int[] { 2 }, sampler.select(points, 1, 2, Progress
			.none()));
		assertThrows(IllegalArgumentException.class, () -> sampler.select(points,
			4, 0, Progress.none()));
		assertThrows(IllegalArgumentException.class, () -> sampler.select(points,
			2, 3, Progress.none()));
		assertThrows(IllegalArgumentException.class, () -> sampler.select(points,
			-1, 0, Progress.none()));
	}

	/** The textbook loop: Euclidean δ in one running double sum. */
	private static int[] reference(final FeatureMatrix points, final int count,
		final int start)
	{
		final int n = points.rows();
		final double[] delta = new double[n];
		Arrays.fill(delta, Double.POSITIVE_INFINITY);
		final int[] picks = new int[count];
		picks[0] = start;
		for (int k = 1; k < count; k++) {
			int best = 0;
			for (int r = 0; r < n; r++) {
				double sum = 0;
				for (int c = 0; c < points.cols(); c++) {
					final double d = points.get(r, c) - points.get(picks[k - 1], c);
					sum += d * d;
				}
				delta[r] = Math.min(delta[r], Math.sqrt(sum));
				if (delta[r] > delta[best]) best = r;
			}
			picks[k] = best;
		}
		return picks;
	}

	static FeatureMatrix line(final float... xs) {
		return new FeatureMatrix(xs.length, 1, xs.clone());
	}

	/** Counts updates and cancels once {@code cancelAfter} arrived. */
	private static final class Recording implements Progress {

		private final AtomicInteger updates;
		private final long[] last;
		private final int cancelAfter;

		Recording(final AtomicInteger updates, final long[] last,
			final int cancelAfter)
		{
			this.updates = updates;
			this.last = last;
			this.cancelAfter = cancelAfter;
		}

		@Override
		public void stage(final String name) {}

		@Override
		public void update(final long done, final long total) {
			updates.incrementAndGet();
			last[0] = done;
			last[1] = total;
		}

		@Override
		public boolean isCanceled() {
			return updates.get() >= cancelAfter;
		}
	}
}
