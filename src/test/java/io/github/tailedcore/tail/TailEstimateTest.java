package io.github.tailedcore.tail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TailEstimateTest {

	private static TailEstimate example(final int[] kappa) {
		return new TailEstimate(kappa, new int[] { 1, 3, 3, 3 }, new int[] { 3,
			1 }, 3, 1, new int[] { 0 }, "");
	}

	@Test
	void kMaxIsTheSmallerThreshold() {
		final TailEstimate t = example(new int[] { 1, 3, 3, 3 });
		assertEquals(1, t.kMax());
		assertEquals(4, t.imageCount());
		assertTrue(t.isTail(0));
		assertFalse(t.isTail(1));
	}

	@Test
	void isImmutable() {
		final int[] kappa = { 1, 3, 3, 3 };
		final TailEstimate t = example(kappa);
		kappa[0] = 9;
		t.kappa()[1] = 9;
		t.tailIndices()[0] = 2;
		assertArrayEquals(new int[] { 1, 3, 3, 3 }, t.kappa());
		assertArrayEquals(new int[] { 0 }, t.tailIndices());
	}

	@Test
	void rejectsInconsistentArrays() {
		assertThrows(IllegalArgumentException.class, () -> new TailEstimate(
			new int[2], new int[3], new int[] { 2 }, 2, 2, new int[0], ""));
		assertThrows(IllegalArgumentException.class, () -> new TailEstimate(
			new int[2], new int[2], new int[] { 2 }, 2, 2, new int[] { 1, 0 }, ""));
		assertThrows(IllegalArgumentException.class, () -> new TailEstimate(
			new int[2], new int[2], new int[] { 2 }, 2, 2, new int[] { 2 }, ""));
	}
}
