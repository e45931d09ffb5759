package io.github.tailedcore.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.tailedcore.linalg.FeatureMatrix;

import org.junit.jupiter.api.Test;

/**
 * The candidate lists on their own: which rows they keep (by key, then by
 * row), and that {@link NearestCandidates#resolve} re-ranks exactly the rows
 * offered, falling back to brute force only for a query with none. The
 * searches' tests cannot see this: brute force gives their answers too.
 */
class NearestCandidatesTest {

	/** Rows 0–9 at (r, 0); row 10 at (2, 0), a twin of row 2. */
	private static final FeatureMatrix MEMORY = memory();

	@Test
	void keepsTheEightBestByKeyThenByRow() {
		final NearestCandidates c = new NearestCandidates(1);
		final int[] order = { 9, 3, 7, 1, 11, 5, 0, 8, 2, 10 };
		for (int i = 0; i < order.length; i++) {
			c.offer(0, 1f, order[i]);
			assertEquals(i < 7 ? Float.POSITIVE_INFINITY : 1f, c.threshold(0),
				"the bar is +∞ until the list is full");
		}
		assertArrayEquals(new int[] { 0, 1, 2, 3, 5, 7, 8, 9 }, c.rows(0));
		assertEquals(1f, c.threshold(0));
		c.offer(0, 0.5f, 12);
		assertArrayEquals(new int[] { 12, 0, 1, 2, 3, 5, 7, 8 }, c.rows(0));
		c.offer(0, 1f, 6);
		assertArrayEquals(new int[] { 12, 0, 1, 2, 3, 5, 6, 7 }, c.rows(0));
		c.offer(0, 1f, 20);
		c.offer(0, 2f, 4);
		c.offer(0, Float.NaN, 4);
		assertArrayEquals(new int[] { 12, 0, 1, 2, 3, 5, 6, 7 }, c.rows(0));
	}

	@Test
	void neverAdmitsARowOfTheQuerysOwnOrigin() {
		final NearestCandidates c = new NearestCandidates(2, new int[] { 0, 1 },
			new int[] { 0, 1, 0, 1, 0 });
		for (int row = 0; row < 5; row++)
			for (int q = 0; q < 2; q++)
				c.offer(q, row, row);
		assertArrayEquals(new int[] { 1, 3 }, c.rows(0));
		assertArrayEquals(new int[] { 0, 2, 4 }, c.rows(1));
	}

	/**
	 * Each query gets the offered row of the smallest exact distance, the
	 * first row on ties, whatever the keys said; the true nearest row (0),
	 * never offered, is not found.
	 */
	@Test
	void resolveReranksTheOfferedRowsExactly() {
		final NearestCandidates c = new NearestCandidates(2);
		c.offer(0, 0.1f, 5); // 25 away
		c.offer(0, 0.2f, 10); // 4 away
		c.offer(0, 0.3f, 2); // 4 away: a tie, and the first row
		c.offer(1, 0.1f, 2);
		c.offer(1, 0.2f, 10);
		final float[] distances = new float[2];
		final int[] indices = new int[2];
		c.resolve(origins(2), MEMORY, distances, indices);
		assertArrayEquals(new int[] { 2, 2 }, indices);
		assertArrayEquals(new float[] { 4, 4 }, distances);
	}

	/** A full list is read to its end and not one slot further. */
	@Test
	void resolveReadsOnlyItsOwnList() {
		final NearestCandidates c = new NearestCandidates(2);
		for (int row = 3; row <= 10; row++)
			c.offer(0, row, row);
		c.offer(1, 0, 0);
		final float[] distances = new float[2];
		final int[] indices = new int[2];
		c.resolve(origins(2), MEMORY, distances, indices);
		assertArrayEquals(new int[] { 10, 0 }, indices);
		assertArrayEquals(new float[] { 4, 0 }, distances);
	}

	/**
	 * A query without candidates is compared with every row it may use: all
	 * rows, or those of other origins.
	 */
	@Test
	void aQueryWithoutCandidatesFallsBackToEveryUsableRow() {
		final float[] distances = new float[1];
		final int[] indices = new int[1];
		new NearestCandidates(1).resolve(origins(1), MEMORY, distances, indices);
		assertEquals(0, indices[0]);
		assertEquals(0, distances[0]);
		new NearestCandidates(1, new int[] { 0 }, new int[] { 0, 0, 0, 0, 0, 1, 1,
			1, 1, 1, 1 }).resolve(origins(1), MEMORY, distances, indices);
		assertEquals(10, indices[0]);
		assertEquals(4, distances[0]);
	}

	private static FeatureMatrix memory() {
		final float[] data = new float[11 * 2];
		for (int r = 0; r < 10; r++)
			data[2 * r] = r;
		data[2 * 10] = 2;
		return new FeatureMatrix(11, 2, data);
	}

	/** {@code n} queries at (0, 0). */
	private static FeatureMatrix origins(final int n) {
		return new FeatureMatrix(n, 2, new float[2 * n]);
	}
}
