package io.github.tailedcore.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tailedcore.linalg.FeatureMatrix;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
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
	/**
	 * Pins the fast path as a fast path: the kernel itself offers every query
	 * a full candidate list that holds the reference's nearest row and only
	 * rows among the nearest few, so the exact answers do not come from
	 * {@link NearestCandidates#resolve}'s brute-force fallback. With origins,
	 * no listed row has the query's own origin.
	 */
	void checkTheKernelOffersTheNearestRows(final int rows, final int dims) {
		final FeatureMatrix memory = random(rows, dims, 41);
		final FeatureMatrix queries = random(17, dims, 42);
		final BlockedSearch<?> search = (BlockedSearch<?>) factory.apply(memory);
		final int[] queryOrigins = new int[queries.rows()];
		final int[] rowOrigins = new int[rows];
		for (int q = 0; q < queryOrigins.length; q++)
			queryOrigins[q] = q % 3;
		for (int r = 0; r < rows; r++)
			rowOrigins[r] = r % 3;
		final NearestCandidates all = search.candidates(queries, null, null);
		final NearestCandidates excluding = search.candidates(queries,
			queryOrigins, rowOrigins);
		for (int q = 0; q < queries.rows(); q++) {
			checkList(memory, queries, q, all.rows(q), -1, null);
			checkList(memory, queries, q, excluding.rows(q), queryOrigins[q],
				rowOrigins);
		}
	}

	/**
	 * A full list of distinct rows that holds the reference's nearest row
	 * first and otherwise only rows no farther than the reference's
	 * (CAPACITY + 1)-th nearest, none of the excluded origin.
	 */
	private static void checkList(final FeatureMatrix memory,
		final FeatureMatrix queries, final int q, final int[] listed,
		final int origin, final int[] rowOrigins)
	{
		final List<double[]> ranked = new ArrayList<>();
		for (int r = 0; r < memory.rows(); r++)
			if (rowOrigins == null || rowOrigins[r] != origin) ranked.add(
				new double[] { BruteForceSearch.squaredDistance(queries.data(), queries
					.offset(q), memory.data(), memory.offset(r), memory.cols()), r });
		ranked.sort(Comparator.comparingDouble(a -> a[0]));
		assertEquals(NearestCandidates.CAPACITY, listed.length, "list of query " +
			q + " is not full: " + Arrays.toString(listed));
		assertEquals((int) ranked.get(0)[1], listed[0], "nearest row of query " +
			q);
		final double limit = ranked.get(NearestCandidates.CAPACITY)[0] * (1 +
			1e-4);
		for (final int row : listed) {
			if (rowOrigins != null) assertNotEquals(origin, rowOrigins[row],
				"own origin offered to query " + q);
			assertTrue(BruteForceSearch.squaredDistance(queries.data(), queries
				.offset(q), memory.data(), memory.offset(row), memory.cols()) <= limit,
				"row " + row + " is not among the nearest of query " + q);
		}
		assertEquals(listed.length, Arrays.stream(listed).distinct()
			.count(), "repeated rows");
	}
}
