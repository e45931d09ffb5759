package io.github.tailedcore.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tailedcore.Progress;
import io.github.tailedcore.linalg.FeatureMatrix;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Tests {@link WeightedGreedyCoresetSampler}. */
class WeightedGreedyCoresetSamplerTest {

	/**
	 * Weights all 1 reproduce {@link GreedyCoresetSampler} pick for pick, on
	 * random, clustered (many ties) and line data, several starts, seeds and
	 * block sizes.
	 */
	@Test
	void testUnitWeightsReproduceTheUnweightedCoreset() {
		for (long seed = 1; seed <= 4; seed++) {
			final FeatureMatrix random = RandomProjectionTest.gaussian(1500, 8, seed);
			final FeatureMatrix clustered = clustered(1200, 4, seed);
			for (final FeatureMatrix points : Arrays.asList(random, clustered)) {
				final int start = (int) (seed * 97 % points.rows());
				final int[] expected = new GreedyCoresetSampler().select(points, 300,
					start, Progress.none());
				final double[] ones = new double[points.rows()];
				Arrays.fill(ones, 1);
				assertArrayEquals(expected, new WeightedGreedyCoresetSampler(ones)
					.select(points, 300, start, Progress.none()));
				assertArrayEquals(expected, new WeightedGreedyCoresetSampler(ones, 53)
					.select(points, 300, start, Progress.none()));
			}
		}
		final FeatureMatrix line = GreedyCoresetSamplerTest.line(0, 1, 2, 3, 4, 5,
			6, 7, 8, 9, 10);
		final double[] ones = new double[11];
		Arrays.fill(ones, 1);
		assertArrayEquals(new int[] { 0, 10, 5, 2, 7, 1, 3, 4, 6, 8, 9 },
			new WeightedGreedyCoresetSampler(ones, 1)
				.select(line, 11, 0, Progress.none()));
	}

	/**
	 * Points 0, 1, …, 10 on a line, start 0, weight 4 on point 3, 1
	 * elsewhere. w · δ after pick 0 is 10 for point 10 but 4 · 3 = 12 for
	 * point 3, so 3 comes first; then δ = min(x, |x − 3|) puts 10 (7) next;
	 * then δ = 0 1 1 0 1 2 3 3 2 1 0 ties 6 and 7 at 3, the first wins.
	 */
	@Test
	void testHandComputedWeightedOrder() {
		final FeatureMatrix line = GreedyCoresetSamplerTest.line(0, 1, 2, 3, 4, 5,
			6, 7, 8, 9, 10);
		final double[] w = new double[11];
		Arrays.fill(w, 1);
		w[3] = 4;
		assertArrayEquals(new int[] { 0, 3, 10, 6 }, new WeightedGreedyCoresetSampler(
			w).select(line, 4, 0, Progress.none()));
	}

	/** Agrees with the textbook loop argmax w · δ on random data and weights. */
	@Test
	void testMatchesTextbookLoopWithRandomWeights() {
		final FeatureMatrix points = RandomProjectionTest.gaussian(2000, 6, 9);
		final Random random = new Random(5);
		final double[] w = new double[points.rows()];
		for (int i = 0; i < w.length; i++)
			w[i] = 0.1 + 3 * random.nextDouble();
		assertArrayEquals(textbook(points, w, 250, 77),
			new WeightedGreedyCoresetSampler(w, 64)
				.select(points, 250, 77, Progress.none()));
	}

	/**
	 * Two equally spread clusters, one of them 10 % of the points: weighting
	 * the small one ×4 gives it more of the coreset than it gets unweighted.
	 */
	@Test
	void testHeavierClusterKeepsMorePicks() {
		final Random random = new Random(11);
		final int rows = 1000;
		final float[] data = new float[rows * 2];
		final double[] w = new double[rows];
		for (int r = 0; r < rows; r++) {
			final boolean rare = r % 10 == 0;
			data[2 * r] = (float) ((rare ? 20 : 0) + random.nextGaussian());
			data[2 * r + 1] = (float) random.nextGaussian();
			w[r] = rare ? 4 : 1;
		}
		final FeatureMatrix points = new FeatureMatrix(rows, 2, data);
		final double[] ones = new double[rows];
		Arrays.fill(ones, 1);
		final long plain = rarePicks(new WeightedGreedyCoresetSampler(ones).select(
			points, 100, 1, Progress.none()));
		final long weighted = rarePicks(new WeightedGreedyCoresetSampler(w).select(
			points, 100, 1, Progress.none()));
		assertTrue(weighted > plain, weighted + " vs " + plain);
	}

	@Test
	void testInvalidArguments() {
		final FeatureMatrix points = GreedyCoresetSamplerTest.line(3, 1, 4);
		assertThrows(IllegalArgumentException.class,
			() -> new WeightedGreedyCoresetSampler(new double[] { 1, 1 }).select(
				points, 2, 0, Progress.none()));
		assertThrows(IllegalArgumentException.class,
			() -> new WeightedGreedyCoresetSampler(new double[] { 1, 0, 1 }));
		assertThrows(IllegalArgumentException.class,
			() -> new WeightedGreedyCoresetSampler(new double[] { 1, Double.NaN, 1 }));
		final WeightedGreedyCoresetSampler sampler = new WeightedGreedyCoresetSampler(
			new double[] { 1, 2, 1 });
		assertArrayEquals(new int[0], sampler.select(points, 0, 0, Progress.none()));
		assertThrows(IllegalArgumentException.class, () -> sampler.select(points,
			4, 0, Progress.none()));
		assertThrows(IllegalArgumentException.class, () -> sampler.select(points,
			2, 3, Progress.none()));
	}

	private static long rarePicks(final int[] picks) {
		return Arrays.stream(picks).distinct().filter(r -> r % 10 == 0).count();
	}

	/** Integer-grid clusters: duplicates and equal distances everywhere. */
	private static FeatureMatrix clustered(final int rows, final int dims,
		final long seed)
	{
		final Random random = new Random(seed);
		final float[] data = new float[rows * dims];
		for (int r = 0; r < rows; r++) {
			final int cluster = random.nextInt(5) * 10;
			for (int c = 0; c < dims; c++)
				data[r * dims + c] = cluster + random.nextInt(3);
		}
		return new FeatureMatrix(rows, dims, data);
	}

	/** argmax w · δ with Euclidean δ, one row at a time. */
	private static int[] textbook(final FeatureMatrix points, final double[] w,
		final int count, final int start)
	{
		final double[] delta = new double[points.rows()];
		Arrays.fill(delta, Double.POSITIVE_INFINITY);
		final int[] picks = new int[count];
		picks[0] = start;
		for (int k = 1; k < count; k++) {
			int best = 0;
			for (int r = 0; r < points.rows(); r++) {
				double sum = 0;
				for (int c = 0; c < points.cols(); c++) {
					final double d = points.get(r, c) - points.get(picks[k - 1], c);
					sum += d * d;
				}
				delta[r] = Math.min(delta[r], Math.sqrt(sum));
				if (w[r] * delta[r] > w[best] * delta[best]) best = r;
			}
			picks[k] = best;
		}
		return picks;
	}
}
