package io.github.tailedcore.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tailedcore.linalg.FeatureMatrix;

import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/**
 * {@link NearestNeighborSearch#searchExcluding} gives, for each query, what
 * the same search gives over the bank without the rows of the query's
 * origin: the same distance, bit for bit, and the same row (its index in
 * the whole bank). Queries include copies of memory rows, whose own row is
 * then the exact nearest and must be skipped.
 */
class ExcludingSearchTest {

	private static final int ORIGINS = 5;

	private static void check(
		final Function<FeatureMatrix, NearestNeighborSearch> factory,
		final long seed)
	{
		final Random random = new Random(seed);
		final FeatureMatrix memory = SearchAgreement.clustered(700, 24, 9, seed);
		final int[] rowOrigins = IntStream.range(0, memory.rows()).map(
			r -> random.nextInt(ORIGINS)).toArray();
		final FeatureMatrix fresh = SearchAgreement.clustered(90, 24, 9, seed + 1);
		final float[] q = new float[150 * 24];
		System.arraycopy(fresh.data(), 0, q, 0, fresh.data().length);
		for (int i = 90; i < 150; i++)
			System.arraycopy(memory.data(), memory.offset(random.nextInt(memory
				.rows())), q, i * 24, 24);
		final FeatureMatrix queries = new FeatureMatrix(150, 24, q);
		final int[] queryOrigins = IntStream.range(0, queries.rows()).map(
			i -> random.nextInt(ORIGINS)).toArray();
		final float[] distances = new float[queries.rows()];
		final int[] indices = new int[queries.rows()];
		factory.apply(memory).searchExcluding(queries, queryOrigins, rowOrigins,
			distances, indices);
		for (int origin = 0; origin < ORIGINS; origin++) {
			final int o = origin;
			final int[] kept = IntStream.range(0, memory.rows()).filter(
				r -> rowOrigins[r] != o).toArray();
			final int[] ofOrigin = IntStream.range(0, queries.rows()).filter(
				i -> queryOrigins[i] == o).toArray();
			final FeatureMatrix mine = queries.selectRows(ofOrigin);
			final float[] d = new float[ofOrigin.length];
			final int[] n = new int[ofOrigin.length];
			factory.apply(memory.selectRows(kept)).search(mine, d, n);
			for (int k = 0; k < ofOrigin.length; k++) {
				assertEquals(Float.floatToIntBits(d[k]), Float.floatToIntBits(
					distances[ofOrigin[k]]), "distance of query " + ofOrigin[k]);
				assertEquals(kept[n[k]], indices[ofOrigin[k]], "row of query " +
					ofOrigin[k]);
			}
		}
	}

	@Test
	void eachSearchSkipsTheRowsOfTheQuerysOrigin() {
		for (final long seed : new long[] { 1, 2 }) {
			check(BruteForceSearch::new, seed);
			check(BlockedNearestNeighborSearch::new, seed);
			check(NearestNeighborSearches::fastest, seed);
		}
	}

	/**
	 * Leave-one-out as the threshold runs it, over a bank of several ONNX
	 * chunks: each origin's rows lie close together, so that a query's
	 * nearest rows in every chunk are of its own origin and the nearest row
	 * it may use ranks far behind them.
	 */
	@Test
	void ownRowsNearestInEveryChunk() {
		final int dims = 6;
		final int perOrigin = 40;
		final int rows = 2 * OnnxNearestNeighborSearch.CHUNK + 300;
		final Random random = new Random(5);
		final float[] data = new float[rows * dims];
		final int[] rowOrigins = new int[rows];
		for (int r = 0; r < rows; r++) {
			// origin o owns rows r with r % 103 == o: spread over every chunk
			rowOrigins[r] = r % 103;
			for (int d = 0; d < dims; d++)
				data[r * dims + d] = rowOrigins[r] + 0.01f * (float) random
					.nextGaussian();
		}
		final FeatureMatrix memory = new FeatureMatrix(rows, dims, data);
		final int[] picked = { 7, 150, 4200, 8300, 8400 };
		final FeatureMatrix queries = memory.selectRows(picked);
		final int[] queryOrigins = IntStream.of(picked).map(r -> rowOrigins[r])
			.toArray();
		final float[] expected = new float[picked.length];
		final int[] expectedRows = new int[picked.length];
		new BruteForceSearch(memory).searchExcluding(queries, queryOrigins,
			rowOrigins, expected, expectedRows);
		for (final NearestNeighborSearch search : new NearestNeighborSearch[] {
			new BlockedNearestNeighborSearch(memory), new VectorNearestNeighborSearch(
				memory), new OnnxNearestNeighborSearch(memory) })
		{
			final float[] d = new float[picked.length];
			final int[] i = new int[picked.length];
			search.searchExcluding(queries, queryOrigins, rowOrigins, d, i);
			assertArrayEquals(expectedRows, i, search.toString());
			assertArrayEquals(expected, d, search.toString());
		}
	}

	@Test
	void aQueryThatExcludesEveryRowFindsNone() {
		final FeatureMatrix memory = SearchAgreement.random(40, 8, 3);
		final int[] rowOrigins = new int[40];
		for (final NearestNeighborSearch search : new NearestNeighborSearch[] {
			new BruteForceSearch(memory), new BlockedNearestNeighborSearch(memory),
			NearestNeighborSearches.fastest(memory) })
		{
			final float[] d = new float[2];
			final int[] i = new int[2];
			search.searchExcluding(SearchAgreement.random(2, 8, 4), new int[] { 0,
				1 }, rowOrigins, d, i);
			assertEquals(Float.POSITIVE_INFINITY, d[0], search.toString());
			assertEquals(-1, i[0], search.toString());
			assertTrue(i[1] >= 0 && Float.isFinite(d[1]), search.toString());
		}
	}

	/**
	 * Every search checks the arguments of an excluding search, and a bank
	 * smaller than the candidate lists (ONNX pads its chunk) works.
	 */
	@Test
	void checksItsArgumentsAndTakesATinyBank() {
		final FeatureMatrix memory = SearchAgreement.random(5, 3, 6);
		final FeatureMatrix queries = SearchAgreement.random(2, 3, 7);
		final int[] rowOrigins = { 0, 1, 0, 1, 2 };
		for (final NearestNeighborSearch search : new NearestNeighborSearch[] {
			new BruteForceSearch(memory), new BlockedNearestNeighborSearch(memory),
			new OnnxNearestNeighborSearch(memory) })
		{
			final float[] d = new float[2];
			final int[] i = new int[2];
			search.searchExcluding(queries, new int[] { 0, 2 }, rowOrigins, d, i);
			final float[] expected = new float[2];
			final int[] expectedRows = new int[2];
			new BruteForceSearch(memory).searchExcluding(queries, new int[] { 0, 2 },
				rowOrigins, expected, expectedRows);
			assertArrayEquals(expectedRows, i, search.toString());
			assertArrayEquals(expected, d, search.toString());
			assertThrows(IllegalArgumentException.class, () -> search
				.searchExcluding(queries, new int[1], rowOrigins, d, i), search
					.toString());
			assertThrows(IllegalArgumentException.class, () -> search
				.searchExcluding(queries, new int[2], new int[4], d, i), search
					.toString());
			assertThrows(IllegalArgumentException.class, () -> search
				.searchExcluding(queries, new int[2], rowOrigins, new float[1], i),
				search.toString());
		}
	}
}
