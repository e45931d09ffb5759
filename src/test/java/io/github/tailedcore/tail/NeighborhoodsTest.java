package io.github.tailedcore.tail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tailedcore.linalg.FeatureMatrix;

import org.junit.jupiter.api.Test;

class NeighborhoodsTest {

	private static final FeatureMatrix S = new FeatureMatrix(3, 3, new float[] {
		1f, 0.6f, 0.2f, //
		0.6f, 1f, 0.5f, //
		0.2f, 0.5f, 1f });

	@Test
	void membershipIsSimilarityAtLeastTheRowThreshold() {
		final Neighborhoods nb = new Neighborhoods(S, new float[] { 0.6f, 0.7f,
			0.5f }, 0);
		assertTrue(nb.contains(0, 1)); // 0.6 ≥ 0.6: equality counts
		assertFalse(nb.contains(1, 0)); // 0.6 < 0.7: not symmetric
		assertTrue(nb.contains(2, 1));
		assertFalse(nb.contains(0, 2));
		assertArrayEquals(new int[] { 2, 1, 2 }, nb.sizes());
	}

	@Test
	void rejectsMismatchedShapes() {
		assertThrows(IllegalArgumentException.class, () -> new Neighborhoods(S,
			new float[2], 0));
		assertThrows(IllegalArgumentException.class, () -> new Neighborhoods(
			new FeatureMatrix(2, 3, new float[6]), new float[2], 0));
	}
}
