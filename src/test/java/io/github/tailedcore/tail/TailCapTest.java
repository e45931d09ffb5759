package io.github.tailedcore.tail;

import static io.github.tailedcore.tail.ClusterEmbeddings.repeat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Spec §12.6. */
class TailCapTest {

	private final TailCap cap = new TailCap();

	@Test
	void budgetIsFloorOfFifteenPercent() {
		assertEquals(17, cap.budget(118));
		assertEquals(8, cap.budget(55));
		assertEquals(15, cap.budget(100));
		assertEquals(3, cap.budget(20));
		assertEquals(0, cap.budget(6));
	}

	@Test
	void capBelowTheElbow() {
		// N = 118, budget 17: 3, 3+5 = 8 fit, 8+10 = 18 does not → k = 2.
		final int[] eta = { 100, 10, 5, 3 };
		assertEquals(5, cap.of(eta));
		assertEquals(5, Math.min(Elbow.of(eta), cap.of(eta)));
	}

	@Test
	void capEqualToTheElbow() {
		assertEquals(4, cap.of(new int[] { 50, 4, 1 }));
	}

	@Test
	void equalClassesMakeEverythingTail() {
		// Budget 15 holds one class of 10: K_pct = 10 = every class.
		assertEquals(10, cap.of(repeat(10, 10)));
	}

	@Test
	void noClassWithinBudgetGivesTheSmallest() {
		// N = 150, budget 22 < 50: k = 0 → the smallest η.
		assertEquals(50, cap.of(new int[] { 100, 50 }));
	}

	@Test
	void wholeBudgetGivesTheLargest() {
		assertEquals(3, new TailCap(1).of(new int[] { 3, 2, 1 }));
	}

	@Test
	void rejectsFractionsOutsideUnitInterval() {
		assertThrows(IllegalArgumentException.class, () -> new TailCap(0));
		assertThrows(IllegalArgumentException.class, () -> new TailCap(1.01));
	}
}
