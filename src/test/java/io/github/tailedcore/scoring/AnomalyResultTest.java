package io.github.tailedcore.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AnomalyResultTest {

	@Test
	void imageScoreIsTheFirstMaximum() {
		final AnomalyResult r = new AnomalyResult(2, 3, new float[] { 1, 7, 2, 7,
			0, 3 }, new int[6], 1, new float[1]);
		assertEquals(7f, r.imageScore());
		assertEquals(1, r.maxLocation());
		assertEquals(0, r.maxRow());
		assertEquals(1, r.maxColumn());
		assertEquals(2, r.gridHeight());
		assertEquals(3, r.gridWidth());
	}

	@Test
	void locationCountsRowMajor() {
		final AnomalyResult r = new AnomalyResult(2, 3, new float[] { 1, 2, 2, 3,
			0, 9 }, new int[6], 1, new float[1]);
		assertEquals(5, r.maxLocation());
		assertEquals(1, r.maxRow());
		assertEquals(2, r.maxColumn());
	}

	@Test
	void nanPropagatesToTheImageScore() {
		final AnomalyResult r = new AnomalyResult(1, 3, new float[] { 1, Float.NaN,
			5 }, new int[3], 1, new float[1]);
		assertEquals(Float.NaN, r.imageScore());
		assertEquals(1, r.maxLocation());
	}

	@Test
	void isImmutable() {
		final float[] scores = { 1, 2 };
		final int[] nearest = { 4, 5 };
		final float[] map = { 0, 1, 2, 3 };
		final AnomalyResult r = new AnomalyResult(1, 2, scores, nearest, 2, map);
		scores[0] = 99;
		nearest[0] = 99;
		map[0] = 99;
		r.patchScores()[1] = 99;
		r.nearestIndices()[1] = 99;
		r.map()[1] = 99;
		assertArrayEquals(new float[] { 1, 2 }, r.patchScores());
		assertArrayEquals(new int[] { 4, 5 }, r.nearestIndices());
		assertArrayEquals(new float[] { 0, 1, 2, 3 }, r.map());
		assertEquals(2f, r.imageScore());
	}

	@Test
	void rejectsInconsistentSizes() {
		assertThrows(IllegalArgumentException.class, () -> new AnomalyResult(2, 2,
			new float[3], new int[4], 1, new float[1]));
		assertThrows(IllegalArgumentException.class, () -> new AnomalyResult(2, 2,
			new float[4], new int[4], 2, new float[3]));
	}
}
