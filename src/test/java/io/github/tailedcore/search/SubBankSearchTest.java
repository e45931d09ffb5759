package io.github.tailedcore.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.tailedcore.linalg.FeatureMatrix;

import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/**
 * {@link SubBankSearch} over chosen rows of M gives what the simple
 * reference gives: {@link BruteForceSearch} over exactly those rows, with
 * the same distance and the same row, reported as a row of M. Queries
 * include copies of chosen and of left-out rows.
 */
class SubBankSearchTest {

	private static void check(
		final Function<FeatureMatrix, NearestNeighborSearch> factory,
		final long seed)
	{
		final Random random = new Random(seed);
		final FeatureMatrix memory = SearchAgreement.clustered(600, 24, 9, seed);
		final int[] rows = IntStream.range(0, memory.rows()).filter(r -> random
			.nextInt(3) == 0).toArray();
		final float[] q = new float[120 * 24];
		System.arraycopy(SearchAgreement.clustered(60, 24, 9, seed + 1).data(), 0,
			q, 0, 60 * 24);
		for (int i = 60; i < 120; i++)
			System.arraycopy(memory.data(), memory.offset(random.nextInt(memory
				.rows())), q, i * 24, 24);
		final FeatureMatrix queries = new FeatureMatrix(120, 24, q);
		final float[] d = new float[120];
		final int[] n = new int[120];
		new SubBankSearch(memory, rows, factory).search(queries, d, n);
		for (int i = 0; i < queries.rows(); i++) {
			double best = Double.POSITIVE_INFINITY;
			int bestRow = -1;
			for (final int r : rows) {
				final double s = BruteForceSearch.squaredDistance(queries.data(), i *
					24, memory.data(), r * 24, 24);
				if (s < best) {
					best = s;
					bestRow = r;
				}
			}
			assertEquals(bestRow, n[i], "row of query " + i);
			assertEquals((float) best, d[i], 1e-4 * Math.max(1, best),
				"distance of query " + i);
		}
	}

	@Test
	void bruteForceSubBank() {
		check(BruteForceSearch::new, 1);
	}

	@Test
	void blockedSubBank() {
		check(BlockedNearestNeighborSearch::new, 2);
	}

	@Test
	void fastestSubBank() {
		check(NearestNeighborSearches::fastest, 3);
	}

	@Test
	void refusesNoRowsAndForeignRows() {
		final FeatureMatrix memory = SearchAgreement.random(10, 4, 5);
		assertThrows(IllegalArgumentException.class, () -> new SubBankSearch(
			memory, new int[0], BruteForceSearch::new));
		assertThrows(IllegalArgumentException.class, () -> new SubBankSearch(
			memory, new int[] { 3, 10 }, BruteForceSearch::new));
	}
}
