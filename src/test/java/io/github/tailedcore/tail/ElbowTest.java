package io.github.tailedcore.tail;

import static io.github.tailedcore.tail.ClusterEmbeddings.concat;
import static io.github.tailedcore.tail.ClusterEmbeddings.repeat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Spec §12.5. */
class ElbowTest {

	@Test
	void elbowOfTypicalCurves() {
		assertEquals(4, Elbow.of(new int[] { 50, 4, 1 }));
		assertEquals(10, Elbow.of(new int[] { 100, 10, 5, 3 }));
		assertEquals(3, Elbow.of(new int[] { 51, 3, 1 }));
	}

	@Test
	void elbowOfStepCurves() {
		assertEquals(4, Elbow.of(concat(repeat(200, 6), repeat(4, 9))));
		assertEquals(1, Elbow.of(concat(repeat(200, 6), repeat(1, 9))));
	}

	@Test
	void degenerateCurvesGiveTheLargestClass() {
		assertEquals(10, Elbow.of(repeat(10, 10)));
		assertEquals(7, Elbow.of(new int[] { 7 }));
		assertEquals(9, Elbow.of(new int[] { 9, 3 }));
	}

	/**
	 * {10, 7, 3, 0}: the line from (0, 10) to (3, 0) is as far from
	 * (1, 7) as from (2, 3) (numerators |−10 + 9| = |−20 + 21| = 1); the
	 * first, the larger η, wins.
	 */
	@Test
	void tiedDistancesGiveTheFirstPoint() {
		assertEquals(7, Elbow.of(new int[] { 10, 7, 3, 0 }));
	}

	@Test
	void rejectsEmptyOrUnsortedCurves() {
		assertThrows(IllegalArgumentException.class, () -> Elbow.of(new int[0]));
		final IllegalArgumentException e = assertThrows(
			IllegalArgumentException.class, () -> Elbow.of(new int[] { 9, 4, 5 }));
		assertEquals("The class sizes η must be in descending order, but η[2] = " +
			"5 > η[1] = 4.", e.getMessage());
	}
}
