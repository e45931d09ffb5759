package io.github.tailedcore.noise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.tailedcore.linalg.FeatureMatrix;

import org.junit.jupiter.api.Test;

/** Tests {@link LocalOutlierFactor} against values worked out by hand. */
public class LocalOutlierFactorTest {

	private static final double TOLERANCE = 1e-6;

	/**
	 * Points 0, 1, 3, 10 on a line, k = 2.
	 * <pre>
	 * kNN(0) = {1 (d 1), 3 (d 3)}   k-distance 3
	 * kNN(1) = {0 (d 1), 3 (d 2)}   k-distance 2
	 * kNN(3) = {1 (d 2), 0 (d 3)}   k-distance 3
	 * kNN(10) = {3 (d 7), 1 (d 9)}  k-distance 9
	 * lrd(0)  = 1 / mean(max(2, 1), max(3, 3)) = 1 / 2.5 = 0.4
	 * lrd(1)  = 1 / mean(max(3, 1), max(3, 2)) = 1 / 3
	 * lrd(3)  = 1 / mean(max(2, 2), max(3, 3)) = 0.4
	 * lrd(10) = 1 / mean(max(3, 7), max(2, 9)) = 1 / 8
	 * LOF(0)  = mean(1/3, 0.4) / 0.4 = 11/12
	 * LOF(1)  = mean(0.4, 0.4) / (1/3) = 1.2
	 * LOF(3)  = mean(1/3, 0.4) / 0.4 = 11/12
	 * LOF(10) = mean(0.4, 1/3) / (1/8) = 44/15
	 * </pre>
	 */
	@Test
	public void testLineByHand() {
		final double[] lof = new LocalOutlierFactor(2).scores(line(0, 1, 3, 10));
		assertArrayEquals(new double[] { 11.0 / 12, 1.2, 11.0 / 12, 44.0 / 15 },
			lof, TOLERANCE);
	}

	/**
	 * The unit square (0,0), (1,0), (0,1), (1,1) and an outlier (3,3), k = 2.
	 * Each corner's two nearest are its edge neighbours at 1, so k-distance 1,
	 * every reach is 1, lrd = 1 and LOF = 1. The outlier's nearest are (1,1)
	 * at 2√2 and then (1,0) and (0,1) tied at √13 ((1,0) kept, the smaller
	 * index; both give the same value): lrd = 2 / (2√2 + √13), so
	 * LOF = mean(1, 1) / lrd = (2√2 + √13) / 2 ≈ 3.21699.
	 */
	@Test
	public void testSquareWithOutlierByHand() {
		final FeatureMatrix points = new FeatureMatrix(5, 2, new float[] { 0, 0,
			1, 0, 0, 1, 1, 1, 3, 3 });
		final double[] lof = new LocalOutlierFactor(2).scores(points);
		final double outlier = (2 * Math.sqrt(2) + Math.sqrt(13)) / 2;
		assertArrayEquals(new double[] { 1, 1, 1, 1, outlier }, lof, TOLERANCE);
	}

	/**
	 * N ≤ k uses N − 1 neighbours: 0, 1, 3 with k = 6 is k = 2, and gives
	 * the same values as the first three points above (their 2 nearest never
	 * included 10): 11/12, 1.2, 11/12.
	 */
	@Test
	public void testFewerPointsThanNeighbors() {
		final LocalOutlierFactor lof = new LocalOutlierFactor(6);
		assertEquals(2, lof.effectiveNeighbors(3));
		assertEquals(6, lof.effectiveNeighbors(7));
		assertArrayEquals(new double[] { 11.0 / 12, 1.2, 11.0 / 12 }, lof.scores(
			line(0, 1, 3)), TOLERANCE);
		// two points: each is the other's only neighbour, reach 5, LOF 1
		assertArrayEquals(new double[] { 1, 1 }, lof.scores(line(0, 5)),
			TOLERANCE);
	}

	/** One point has LOF 1 by definition; no points, no scores. */
	@Test
	public void testSinglePointAndEmpty() {
		assertArrayEquals(new double[] { 1 }, new LocalOutlierFactor(6).scores(
			line(4)));
		assertArrayEquals(new double[0], new LocalOutlierFactor(6).scores(
			new FeatureMatrix(0, 3, new float[0])));
	}

	/**
	 * Identical points: every reach is 0, lrd = 1 / 1e-10 for all, so every
	 * ratio and LOF is 1.
	 */
	@Test
	public void testIdenticalPoints() {
		assertArrayEquals(new double[] { 1, 1, 1, 1, 1 }, new LocalOutlierFactor(
			3).scores(line(2, 2, 2, 2, 2)), TOLERANCE);
	}

	@Test
	public void testInvalidNeighbors() {
		assertThrows(IllegalArgumentException.class, () -> new LocalOutlierFactor(
			0));
	}

	static FeatureMatrix line(final float... xs) {
		return new FeatureMatrix(xs.length, 1, xs.clone());
	}
}
