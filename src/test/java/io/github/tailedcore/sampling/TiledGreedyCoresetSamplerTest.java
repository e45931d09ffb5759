package io.github.tailedcore.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tailedcore.Progress;
import io.github.tailedcore.linalg.FeatureMatrix;
import io.github.tailedcore.linalg.VectorApi;

import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * {@link TiledGreedyCoresetSampler} must return exactly the picks of
 * {@link GreedyCoresetSampler}, pick for pick, on every kind of data, with
 * the Vector API tile kernel and with the scalar one.
 */
class TiledGreedyCoresetSamplerTest {

	private final CoresetSampler fast = new TiledGreedyCoresetSampler();
	private final CoresetSampler scalarTiles = new TiledGreedyCoresetSampler(
		TileKernel.SCALAR, null);
	private final CoresetSampler reference = new GreedyCoresetSampler();

	private void assertSamePicks(final FeatureMatrix points, final int count,
		final int start)
	{
		final int[] expected = reference.select(points, count, start, Progress
			.none());
		assertArrayEquals(expected, fast.select(points, count, start, Progress
			.none()), "count " + count + ", start " + start);
		assertArrayEquals(expected, scalarTiles.select(points, count, start,
			Progress.none()), "scalar kernels, count " + count + ", start " +
				start);
	}

	@Test
	void theSpecLineExample() {
		final FeatureMatrix line = line(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
		assertArrayEquals(new int[] { 0, 10, 5, 2, 7, 1, 3, 4, 6, 8, 9 }, fast
			.select(line, 11, 0, Progress.none()));
	}

	@Test
	void duplicatePointsRepeatIndexZeroOnceAllIsCovered() {
		assertArrayEquals(new int[] { 0, 4, 2, 0, 0 }, fast.select(line(0, 0, 5, 5,
			10), 5, 0, Progress.none()));
		final FeatureMatrix constant = new FeatureMatrix(6, 3, new float[18]);
		assertArrayEquals(new int[] { 3, 0, 0, 0 }, fast.select(constant, 4, 3,
			Progress.none()));
	}

	@Test
	void randomDataEveryCountUpToN() {
		final FeatureMatrix points = random(300, 8, 1);
		assertSamePicks(points, 300, 0);
		assertSamePicks(points, 300, 299);
		for (final long seed : new long[] { 2, 3, 4 }) {
			final FeatureMatrix p = random(500, 13, seed);
			assertSamePicks(p, 120, (int) (seed * 37));
		}
	}

	@Test
	void clusteredData() {
		for (final long seed : new long[] { 5, 6, 7 }) {
			final FeatureMatrix points = clustered(3000, 16, 12, seed);
			assertSamePicks(points, 400, (int) seed);
		}
		assertSamePicks(clustered(400, 5, 3, 8), 400, 17);
	}

	/** A 2-d integer grid, every point four times: exact distance ties. */
	@Test
	void duplicatesAndGridTies() {
		final FeatureMatrix grid = grid(9);
		assertSamePicks(grid, grid.rows(), 0);
		assertSamePicks(grid, 100, 200);
	}

	/**
	 * Exact ties spread over hundreds of blocks, most of which wait: a block
	 * that waits must still give up its first row on a tie.
	 */
	@Test
	void tiesAcrossManyBlocks() {
		assertSamePicks(grid(30), 1000, 1234);
	}

	@Test
	void oneDimensionalData() {
		final Random random = new Random(9);
		final float[] values = new float[2000];
		for (int i = 0; i < values.length; i++)
			values[i] = random.nextInt(300) * 0.25f;
		final FeatureMatrix points = new FeatureMatrix(values.length, 1, values);
		assertSamePicks(points, 2000, 5);
		assertSamePicks(points, 10, 1999);
	}

	@Test
	void largeEnoughForParallelBlocks() {
		assertSamePicks(clustered(20000, 4, 50, 10), 1500, 123);
	}

	/**
	 * Far from the origin (the codes are centred) and with one far outlier
	 * whose scale is coarse and whose norm dominates the mean: the bounds
	 * stay valid.
	 */
	@Test
	void offsetDataAndAnOutlier() {
		final FeatureMatrix points = clustered(2000, 24, 8, 13);
		final float[] data = points.data();
		for (int i = 0; i < data.length; i++)
			data[i] += 1e4f;
		assertSamePicks(points, 500, 3);
		for (int d = 0; d < 24; d++)
			data[7 * 24 + d] = 1e6f;
		assertSamePicks(points, 500, 3);
	}

	/**
	 * The fast path is a fast path: on 128-d clustered points like projected
	 * patch features, the tile test decides almost every point–pick pair
	 * without its exact distance, and the heap brings only a minority of the
	 * blocks up to date with each pick, with the reference's picks.
	 */
	@Test
	void thePruningSkipsMostDistancesAndBlocks() {
		final FeatureMatrix points = clustered(8000, 128, 40, 17);
		final int count = 400;
		for (final TileKernel kernel : new TileKernel[] { TileKernel.fastest(),
			TileKernel.SCALAR })
		{
			final int[] picks = new int[count];
			picks[0] = 42;
			final TiledGreedyCoresetSampler sampler = new TiledGreedyCoresetSampler(
				kernel, null);
			final PointBlocks blocks = PointBlocks.of(points, null, kernel.width());
			final TiledGreedyCoresetSampler.Selection selection = sampler.selection(
				blocks, picks, Progress.none());
			assertArrayEquals(reference.select(points, count, 42, Progress.none()),
				picks);
			final long pairs = (long) points.rows() * (count - 1);
			final long blockPairs = (long) blocks.blockCount() * (count - 1);
			// measured: 0.6 % of the pairs, 52–73 % of the block updates
			final String work = kernel + ": " + selection.exactDistances() +
				" exact distances of " + pairs + " pairs, " + selection.blockUpdates() +
				" block updates of " + blockPairs;
			assertTrue(selection.exactDistances() > 0 && selection
				.exactDistances() < pairs / 50, work);
			assertTrue(selection.blockUpdates() >= blocks.blockCount() && selection
				.blockUpdates() < blockPairs * 9 / 10, work);
		}
	}

	/**
	 * Under the build's test JVM (with {@code jdk.incubator.vector}) the
	 * Vector API kernels are the ones chosen; the portable property turns
	 * them off.
	 */
	@Test
	void theVectorKernelsAreChosenWhereTheModuleIsLoaded() {
		assertSame(VectorTileKernel.INSTANCE, TileKernel.fastest());
		assertInstanceOf(VectorProjectionKernel.class, ProjectionKernel.fastest());
		System.setProperty(VectorApi.PORTABLE_PROPERTY, "true");
		try {
			assertSame(TileKernel.SCALAR, TileKernel.fastest());
			assertSame(ProjectionKernel.SCALAR, ProjectionKernel.fastest());
		}
		finally {
			System.clearProperty(VectorApi.PORTABLE_PROPERTY);
		}
	}

	/** 128-d points like the projected patch features the fits select from. */
	@Test
	void highDimensionalClusters() {
		assertSamePicks(clustered(5000, 128, 40, 14), 500, 42);
	}

	/**
	 * With importance weights the picks are those of
	 * {@link WeightedGreedyCoresetSampler}: random weights, and weights of a
	 * few repeated values on a grid, where w² · δ² ties.
	 */
	@Test
	void weightedPicksAreTheWeightedReferences() {
		final FeatureMatrix points = clustered(3000, 16, 12, 15);
		final Random random = new Random(16);
		final double[] weights = new double[points.rows()];
		for (int i = 0; i < weights.length; i++)
			weights[i] = 0.5 + 1.5 * random.nextDouble();
		assertSameWeightedPicks(points, weights, 600, 7);
		final FeatureMatrix grid = grid(20);
		final double[] steps = new double[grid.rows()];
		for (int i = 0; i < steps.length; i++)
			steps[i] = 1 + i % 3;
		assertSameWeightedPicks(grid, steps, 800, 11);
		assertThrows(IllegalArgumentException.class, () -> TiledGreedyCoresetSampler
			.weighted(new double[] { 1, 0 }));
		assertThrows(IllegalArgumentException.class, () -> TiledGreedyCoresetSampler
			.weighted(weights).select(grid, 5, 0, Progress.none()));
	}

	private static void assertSameWeightedPicks(final FeatureMatrix points,
		final double[] weights, final int count, final int start)
	{
		final int[] expected = new WeightedGreedyCoresetSampler(weights,
			GreedyCoresetSampler.DEFAULT_BLOCK_ROWS)
				.select(points, count, start, Progress.none());
		assertArrayEquals(expected, TiledGreedyCoresetSampler.weighted(weights)
			.select(points, count, start, Progress.none()));
		final double[] squares = new double[weights.length];
		for (int i = 0; i < weights.length; i++)
			squares[i] = weights[i] * weights[i];
		assertArrayEquals(expected, new TiledGreedyCoresetSampler(
			TileKernel.SCALAR, squares).select(
				points, count, start, Progress.none()));
	}

	@Test
	void smallCountsAndValidation() {
		final FeatureMatrix points = random(10, 3, 11);
		assertArrayEquals(new int[0], fast.select(points, 0, 0, Progress.none()));
		assertArrayEquals(new int[] { 7 }, fast.select(points, 1, 7, Progress
			.none()));
		assertThrows(IllegalArgumentException.class, () -> fast.select(points, 11,
			0, Progress.none()));
		assertThrows(IllegalArgumentException.class, () -> fast.select(points, 2,
			10, Progress.none()));
	}

	@Test
	void cancellationStopsBetweenPicksAndProgressCountsPicks() {
		final AtomicInteger updates = new AtomicInteger();
		final Progress cancelAfterFive = new Progress() {

			@Override
			public void stage(final String name) {}

			@Override
			public void update(final long done, final long total) {
				assertEquals(updates.incrementAndGet(), done);
				assertEquals(100, total);
			}

			@Override
			public boolean isCanceled() {
				return updates.get() >= 5;
			}
		};
		assertThrows(CancellationException.class, () -> fast.select(random(200, 4,
			12), 100, 0, cancelAfterFive));
		assertEquals(5, updates.get());
	}

	/** A 2-d integer grid of side × side points, every point four times. */
	static FeatureMatrix grid(final int side) {
		final float[] data = new float[4 * side * side * 2];
		for (int copy = 0, k = 0; copy < 4; copy++)
			for (int x = 0; x < side; x++)
				for (int y = 0; y < side; y++) {
					data[k++] = x;
					data[k++] = y;
				}
		return new FeatureMatrix(4 * side * side, 2, data);
	}

	static FeatureMatrix line(final float... xs) {
		return new FeatureMatrix(xs.length, 1, xs.clone());
	}

	static FeatureMatrix random(final int rows, final int dims, final long seed) {
		final Random random = new Random(seed);
		final float[] data = new float[rows * dims];
		for (int i = 0; i < data.length; i++)
			data[i] = (float) random.nextGaussian();
		return new FeatureMatrix(rows, dims, data);
	}

	/** Gaussian blobs of very different sizes and spreads. */
	static FeatureMatrix clustered(final int rows, final int dims,
		final int clusters, final long seed)
	{
		final Random random = new Random(seed);
		final float[][] centres = new float[clusters][dims];
		final float[] spreads = new float[clusters];
		for (int c = 0; c < clusters; c++) {
			for (int d = 0; d < dims; d++)
				centres[c][d] = 20 * random.nextFloat();
			spreads[c] = (float) Math.pow(10, -3 * random.nextDouble());
		}
		final float[] data = new float[rows * dims];
		for (int r = 0; r < rows; r++) {
			// cluster c with probability ∝ 1/(c+1)²: a long tail of small ones
			int c = (int) Math.min(clusters - 1, Math.floor(1 / Math.sqrt(random
				.nextDouble())) - 1);
			for (int d = 0; d < dims; d++)
				data[r * dims + d] = centres[c][d] + spreads[c] * (float) random
					.nextGaussian();
		}
		return new FeatureMatrix(rows, dims, data);
	}
}
