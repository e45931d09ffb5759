package io.github.tailedcore.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.tailedcore.linalg.FeatureMatrix;

import java.util.Random;
import java.util.function.Function;

/**
 * Checks a fast {@link NearestNeighborSearch} against
 * {@link BruteForceSearch} on seeded random and clustered data: distances
 * within 1e-4 relative, and the same index wherever the reference's best
 * and second-best rows differ by more than rounding. One helper for every
 * implementation, so that they are all held to the same cases.
 */
final class SearchAgreement {

	private final Function<FeatureMatrix, NearestNeighborSearch> factory;

	SearchAgreement(final Function<FeatureMatrix, NearestNeighborSearch> factory) {
		this.factory = factory;
	}

	/** Uniform random rows in [−1, 1)^dims. */
	static FeatureMatrix random(final int rows, final int dims, final long seed) {
		final Random random = new Random(seed);
		final float[] data = new float[rows * dims];
		for (int i = 0; i < data.length; i++)
			data[i] = 2 * random.nextFloat() - 1;
		return new FeatureMatrix(rows, dims, data);
	}

	/**
	 * Rows in tight clusters far from the origin: cluster centres with
	 * coordinates around 10, each row a centre plus noise of 0.01, so that
	 * nearest distances are about 10⁻⁶ of the squared norms, where a
	 * float ‖m‖² − 2 q·m alone would lose every digit.
	 */
	static FeatureMatrix clustered(final int rows, final int dims,
		final int clusters, final long seed)
	{
		final Random random = new Random(seed);
		final float[][] centres = new float[clusters][dims];
		for (final float[] c : centres)
			for (int d = 0; d < dims; d++)
				c[d] = 10 + 5 * random.nextFloat();
		final float[] data = new float[rows * dims];
		for (int r = 0; r < rows; r++)
			for (int d = 0; d < dims; d++)
				data[r * dims + d] = centres[random.nextInt(clusters)][d] +
					0.01f * (float) random.nextGaussian();
		return new FeatureMatrix(rows, dims, data);
	}

	/** Asserts agreement for these queries and memory rows. */
	void check(final FeatureMatrix memory, final FeatureMatrix queries) {
		final int n = queries.rows();
		final float[] expected = new float[n];
		final int[] expectedIndex = new int[n];
		new BruteForceSearch(memory).search(queries, expected, expectedIndex);
		final float[] actual = new float[n];
		final int[] actualIndex = new int[n];
		final NearestNeighborSearch search = factory.apply(memory);
		assertEquals(memory.rows(), search.size());
		assertEquals(memory.cols(), search.dims());
		search.search(queries, actual, actualIndex);
		for (int q = 0; q < n; q++) {
			assertEquals(expected[q], actual[q], 1e-4 * expected[q] + 1e-12,
				"distance of query " + q);
			if (separated(memory, queries, q, expected[q])) assertEquals(
				expectedIndex[q], actualIndex[q], "index of query " + q);
		}
	}

	/**
	 * Whether only one memory row is within rounding (1e-5 relative) of the
	 * nearest distance, or all rows within it are exact ties, so that the
	 * index is determined (the first on ties).
	 */
	private static boolean separated(final FeatureMatrix memory,
		final FeatureMatrix queries, final int q, final float best)
	{
		boolean exactTie = true;
		int near = 0;
		for (int j = 0; j < memory.rows(); j++) {
			final double d = BruteForceSearch.squaredDistance(queries.data(), queries
				.offset(q), memory.data(), memory.offset(j), memory.cols());
			if (d <= best * (1 + 1e-5) + 1e-12) {
				near++;
				exactTie &= (float) d == best;
			}
		}
		return near == 1 || exactTie;
	}

	/**
	 * Memory rows 1, 3 and 4 are equal: a query equal to them gets row 1, the
	 * first, as from the reference.
	 */
	void checkDuplicateRowsGiveTheFirstIndex() {
		final FeatureMatrix memory = new FeatureMatrix(6, 2, new float[] { 5, 5, 1,
			2, 0, 0, 1, 2, 1, 2, 0, 0 });
		final float[] d = new float[2];
		final int[] i = new int[2];
		factory.apply(memory).search(new FeatureMatrix(2, 2, new float[] { 1, 2,
			0.1f, 0 }), d, i);
		assertArrayEquals(new int[] { 1, 2 }, i);
		assertArrayEquals(new float[] { 0, 0.010000001f }, d);
	}

	/** An empty bank, and queries of other dimensions, are refused. */
	void checkRejectsAnEmptyBankAndWrongDimensions() {
		assertThrows(IllegalArgumentException.class, () -> factory.apply(
			FeatureMatrix.zeros(0, 3)));
		assertThrows(IllegalArgumentException.class, () -> factory.apply(
			FeatureMatrix.zeros(2, 3)).search(FeatureMatrix.zeros(1, 2),
				new float[1], new int[1]));
	}

	/** Random and clustered data over awkward sizes, and self-queries. */
	void checkAll() {
		final int[][] shapes = { { 1, 1, 1 }, { 1, 16, 3 }, { 7, 3, 5 }, { 33, 17,
			9 }, { 100, 130, 13 }, { 257, 64, 50 }, { 65, 1024, 11 } };
		long seed = 1;
		for (final int[] s : shapes) {
			check(random(s[0], s[1], seed++), random(s[2], s[1], seed++));
			final FeatureMatrix clusteredMemory = clustered(s[0], s[1], 4, seed++);
			check(clusteredMemory, clustered(s[2], s[1], 4, seed++));
			check(clusteredMemory, clusteredMemory);
		}
	}
}
