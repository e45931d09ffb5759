package io.github.tailedcore.benchmark.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AurocTest {

	@Test
	void countsTiesAsHalfAPair() {
		// defective 0.8 beats all 3; 0.4 ties 0.4 (½) and beats 0.1: 4.5 of 6
		assertEquals(0.75, Auroc.ofGroups(new double[] { 0.8, 0.4 }, new double[] {
			0.4, 0.1, 0.5 }), 1e-15);
	}

	@Test
	void matchesScikitLearnsDocumentedExample() {
		// roc_auc_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) = 0.75
		assertEquals(0.75, Auroc.of(new double[] { 0.1, 0.4, 0.35, 0.8 },
			new boolean[] { false, false, true, true }), 1e-15);
	}

	@Test
	void perfectInvertedAndConstantRankings() {
		final boolean[] labels = { true, false, true, false, false };
		assertEquals(1.0, Auroc.of(new double[] { 5, 1, 4, 2, 3 }, labels));
		assertEquals(0.0, Auroc.of(new double[] { 1, 5, 2, 4, 3 }, labels));
		assertEquals(0.5, Auroc.of(new double[] { 7, 7, 7, 7, 7 }, labels));
	}

	@Test
	void manyTiesOnBothSides() {
		// pos {1,1,2}, neg {1,2,2}: 1 vs (1,2,2) = ½ each → 0.5 twice; 2 vs
		// (1,2,2) = 1 + ½ + ½ = 2; total 3 of 9
		assertEquals(3.0 / 9, Auroc.ofGroups(new double[] { 1, 1, 2 },
			new double[] { 1, 2, 2 }), 1e-15);
	}

	@Test
	void rejectsUndefinedInput() {
		assertThrows(IllegalArgumentException.class, () -> Auroc.of(new double[] {
			1, 2 }, new boolean[] { true, true }));
		assertThrows(IllegalArgumentException.class, () -> Auroc.of(new double[] {
			1, Double.NaN }, new boolean[] { true, false }));
		assertThrows(IllegalArgumentException.class, () -> Auroc.of(new double[] {
			1 }, new boolean[] { true, false }));
	}
}
