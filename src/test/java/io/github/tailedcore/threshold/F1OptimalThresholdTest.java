package io.github.tailedcore.threshold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tailedcore.Threshold;

import org.junit.jupiter.api.Test;

/** F1-optimal thresholds on hand-computed cases. */
class F1OptimalThresholdTest {

	/**
	 * Scores 0.9 A, 0.8 A, 0.8 N, 0.5 A, 0.3 N, 0.3 A, 0.1 N (A anomalous, 4
	 * of 7). Lowering τ over the distinct scores, equal scores together:
	 * <pre>
	 * τ 0.9: TP 1 FP 0 FN 3  F1 2/5
	 * τ 0.8: TP 2 FP 1 FN 2  F1 4/7
	 * τ 0.5: TP 3 FP 1 FN 1  F1 6/8
	 * τ 0.3: TP 4 FP 2 FN 0  F1 8/10  ← best
	 * τ 0.1: TP 4 FP 3 FN 0  F1 8/11
	 * </pre>
	 */
	@Test
	void equalScoresGetOneVerdict() {
		final F1OptimalThreshold.Choice c = F1OptimalThreshold.choose(
			new double[] { 0.8, 0.1, 0.3, 0.9, 0.5, 0.3, 0.8 }, new boolean[] {
				true, false, true, true, true, false, false });
		assertEquals(0.3, c.value());
		assertEquals(4, c.truePositives());
		assertEquals(2, c.falsePositives());
		assertEquals(0, c.falseNegatives());
		assertEquals(0.8, c.f1(), 1e-12);
		assertEquals(4 / 6.0, c.precision(), 1e-12);
		assertEquals(1, c.recall(), 1e-12);
		final Threshold t = c.threshold();
		assertEquals(0.3, t.value());
		assertTrue(t.method().startsWith(
			"F1-optimal on 7 labelled images (4 anomalous): F1 0.800"), t.method());
	}

	/**
	 * 4 A, 3 N, 2 N, 1 A: τ = 4 gives F1 2/3 and so does τ = 1 (TP 2, FP 2);
	 * the higher one wins.
	 */
	@Test
	void equalF1TakesTheHighestThreshold() {
		final F1OptimalThreshold.Choice c = F1OptimalThreshold.choose(
			new double[] { 4, 3, 2, 1 }, new boolean[] { true, false, false,
				true });
		assertEquals(4, c.value());
		assertEquals(2 / 3.0, c.f1(), 1e-12);
	}

	@Test
	void needsBothLabels() {
		final IllegalArgumentException e = assertThrows(
			IllegalArgumentException.class, () -> F1OptimalThreshold.choose(
				new double[] { 1, 2 }, new boolean[] { false, false }));
		assertTrue(e.getMessage().contains("both normal and anomalous"), e
			.getMessage());
		assertThrows(IllegalArgumentException.class, () -> F1OptimalThreshold
			.choose(new double[] { 1 }, new boolean[] { true, false }));
		assertThrows(IllegalArgumentException.class, () -> F1OptimalThreshold
			.choose(new double[] { Double.NaN, 1 }, new boolean[] { true, false }));
	}

	/**
	 * Scores 0.9 A, 0.8 A, 0.7 N, 0.6 N, 0.1 A (3 of 5 anomalous):
	 * <pre>
	 * τ 0.9: TP 1 FP 0 FN 2  F1 2/4
	 * τ 0.8: TP 2 FP 0 FN 1  F1 4/5  ← best, one anomaly missed
	 * τ 0.7: TP 2 FP 1 FN 1  F1 4/6
	 * τ 0.6: TP 2 FP 2 FN 1  F1 4/7
	 * τ 0.1: TP 3 FP 2 FN 0  F1 6/8
	 * </pre>
	 */
	@Test
	void theBestThresholdMayMissAnAnomaly() {
		final F1OptimalThreshold.Choice c = F1OptimalThreshold.choose(
			new double[] { 0.7, 0.1, 0.9, 0.6, 0.8 }, new boolean[] { false, true,
				true, false, true });
		assertEquals(0.8, c.value());
		assertEquals(2, c.truePositives());
		assertEquals(0, c.falsePositives());
		assertEquals(1, c.falseNegatives());
		assertEquals(5, c.images());
		assertEquals(0.8, c.f1(), 1e-12);
		assertEquals(1, c.precision(), 1e-12);
		assertEquals(2 / 3.0, c.recall(), 1e-12);
		assertEquals("F1-optimal on 5 labelled images (3 anomalous): F1 0.800, " +
			"precision 1.000, recall 0.667", c.threshold().method());
	}

	@Test
	void namesTheImageWhoseScoreIsNotFinite() {
		final IllegalArgumentException e = assertThrows(
			IllegalArgumentException.class, () -> F1OptimalThreshold.choose(
				new double[] { 0.5, Double.NaN, 0.2 }, new boolean[] { true, false,
					false }));
		assertEquals("Image 2 has the score NaN; every score must be finite.", e
			.getMessage());
	}
}
