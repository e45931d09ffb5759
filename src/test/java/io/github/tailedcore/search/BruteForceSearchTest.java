package io.github.tailedcore.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.tailedcore.linalg.FeatureMatrix;

import java.util.Random;

import org.junit.jupiter.api.Test;

class BruteForceSearchTest {

	@Test
	void handComputedDistancesAndFirstIndexOnTies() {
		final FeatureMatrix memory = new FeatureMatrix(3, 2, new float[] { 0, 0,
			3, 4, 1, 1 });
		final FeatureMatrix queries = new FeatureMatrix(3, 2, new float[] { 3, 4,
			1, 0, 2, 2 });
		final float[] d = new float[3];
		final int[] i = new int[3];
		new BruteForceSearch(memory).search(queries, d, i);
		// (3,4): itself. (1,0): rows 0 and 2 both at 1, the first wins.
		// (2,2): 8, 1 + 4 = 5, 1 + 1 = 2.
		assertArrayEquals(new float[] { 0, 1, 2 }, d);
		assertArrayEquals(new int[] { 1, 0, 2 }, i);
	}

	@Test
	void agreesWithNaiveSingleThreadLoop() {
		final Random random = new Random(42);
		final int dims = 24;
		final FeatureMatrix memory = randomMatrix(random, 400, dims);
		// Duplicate memory rows so that ties occur.
		System.arraycopy(memory.data(), 5 * dims, memory.data(), 300 * dims, dims);
		final FeatureMatrix queries = randomMatrix(random, 250, dims);
		System.arraycopy(memory.data(), 5 * dims, queries.data(), 7 * dims, dims);

		final float[] d = new float[queries.rows()];
		final int[] i = new int[queries.rows()];
		new BruteForceSearch(memory).search(queries, d, i);

		for (int q = 0; q < queries.rows(); q++) {
			double best = Double.POSITIVE_INFINITY;
			int bestIndex = -1;
			for (int m = 0; m < memory.rows(); m++) {
				double sum = 0;
				for (int c = 0; c < dims; c++) {
					final double diff = (double) queries.get(q, c) - memory.get(m, c);
					sum += diff * diff;
				}
				if (sum < best) {
					best = sum;
					bestIndex = m;
				}
			}
			assertEquals((float) best, d[q], "distance of query " + q);
			assertEquals(bestIndex, i[q], "index of query " + q);
		}
		assertEquals(0f, d[7]);
		assertEquals(5, i[7]);
	}

	@Test
	void outputsMayBeLongerThanTheQueries() {
		final FeatureMatrix memory = new FeatureMatrix(1, 1, new float[] { 2 });
		final float[] d = { -1, -1, -1 };
		final int[] i = { -1, -1, -1 };
		new BruteForceSearch(memory).search(new FeatureMatrix(2, 1, new float[] {
			5, -1 }), d, i);
		assertArrayEquals(new float[] { 9, 9, -1 }, d);
		assertArrayEquals(new int[] { 0, 0, -1 }, i);
	}

	@Test
	void rejectsBadShapes() {
		assertThrows(IllegalArgumentException.class, () -> new BruteForceSearch(
			FeatureMatrix.zeros(0, 3)));
		final BruteForceSearch search = new BruteForceSearch(FeatureMatrix.zeros(
			4, 3));
		assertEquals(4, search.size());
		assertEquals(3, search.dims());
		assertThrows(IllegalArgumentException.class, () -> search.search(
			FeatureMatrix.zeros(2, 2), new float[2], new int[2]));
		assertThrows(IllegalArgumentException.class, () -> search.search(
			FeatureMatrix.zeros(2, 3), new float[1], new int[2]));
	}

	private static FeatureMatrix randomMatrix(final Random random, final int rows,
		final int cols)
	{
		final float[] data = new float[rows * cols];
		for (int k = 0; k < data.length; k++)
			data[k] = (float) random.nextGaussian();
		return new FeatureMatrix(rows, cols, data);
	}
}
