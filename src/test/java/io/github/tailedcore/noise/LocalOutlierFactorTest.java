package io.github.tailedcore.noise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

	/**
	 * Two neighbours closer together than float resolution: k = 1 and
	 * <pre>
	 * p = (0, 0), b = (0.6f, 0.8f), a = (1, 0), c = (1.25, 0)
	 * d(p, a) = 1, d(p, b) = 1 + 2.4e-8 (0.6f, 0.8f are not exactly 0.6, 0.8)
	 * </pre>
	 * In double, a is p's nearest neighbour; rounded to float, b and a tie and
	 * b would win as the smaller index. a sits next to c (k-distance 0.25,
	 * lrd(a) = 1 / 0.25 = 4), b does not (lrd(b) = 1 / d(b, a) = 1 / √0.8),
	 * so LOF(p) = lrd(a) / lrd(p) = 4 / 1 = 4, where the float tie gave
	 * 1 / √0.8 ≈ 1.118. The others: LOF(b) = lrd(a) / lrd(b) = 4·√0.8,
	 * LOF(a) = LOF(c) = 1.
	 */
	@Test
	public void testNeighboursCloserThanFloatResolutionAreOrdered() {
		final FeatureMatrix points = new FeatureMatrix(4, 2, new float[] { 0, 0,
			0.6f, 0.8f, 1, 0, 1.25f, 0 });
		final double[] lof = new LocalOutlierFactor(1).scores(points);
		assertEquals(4, lof[0], TOLERANCE);
		assertEquals(4 * Math.sqrt(0.8), lof[1], TOLERANCE);
		assertEquals(1, lof[2], TOLERANCE);
		assertEquals(1, lof[3], TOLERANCE);
	}

	/**
	 * Exact ties keep the smaller index: from 0 on a line, −1 (row 1) and +1
	 * (row 2) tie for k = 1; row 1 is taken. Row 1's lrd is made different
	 * from row 2's by a close partner (row 3 at −1.5), so that the choice
	 * shows: lrd(1) = 1 / 0.5 = 2, lrd(0) = 1 / max(kd(1) = 0.5, 1) = 1,
	 * LOF(0) = 2 (row 2, lrd 1 / 1 = 1, would give 1).
	 */
	@Test
	public void testExactTiesKeepTheSmallerIndex() {
		final double[] lof = new LocalOutlierFactor(1).scores(line(0, -1, 1,
			-1.5f));
		assertEquals(2, lof[0], TOLERANCE);
	}

	@Test
	public void testInvalidNeighbors() {
		assertThrows(IllegalArgumentException.class, () -> new LocalOutlierFactor(
			0));
	}

	static FeatureMatrix line(final float... xs) {
		return new FeatureMatrix(xs.length, 1, xs.clone());
	}

	/**
	 * At distances near scikit-learn's 1e-10 in lrd = 1 / (mean reach-dist +
	 * 1e-10), the term counts: points {0, 1, 2, 10} · 1e-10 (as floats), k = 2,
	 * worked out in double with that formula (numpy): LOF 0.91666666630,
	 * 1.20000000107, 0.91666666630, 3.48333319298.
	 */
	@Test
	public void testTheEpsilonOfTheReachabilityDensity() {
		final double[] lof = new LocalOutlierFactor(2).scores(new FeatureMatrix(4,
			1, new float[] { 0, 1e-10f, 2e-10f, 1e-9f }));
		assertArrayEquals(new double[] { 0.9166666662957935, 1.2000000010681147,
			0.9166666662957935, 3.483333192975821 }, lof, 1e-6);
		assertEquals(2, new LocalOutlierFactor(2).neighbors());
	}

	/** More points than an N × N matrix of one Java array holds. */
	@Test
	public void testTooManyPointsAreRefusedBeforeTheMatrix() {
		final IllegalArgumentException e = assertThrows(
			IllegalArgumentException.class, () -> new LocalOutlierFactor(2).scores(
				FeatureMatrix.zeros(46341, 1)));
		assertTrue(e.getMessage().contains("46340"), e.getMessage());
	}
}
