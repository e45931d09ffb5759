package io.github.tailedcore.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.tailedcore.linalg.FeatureMatrix;

import org.junit.jupiter.api.Test;

class BlockedNearestNeighborSearchTest {

	private final SearchAgreement agreement = new SearchAgreement(
		BlockedNearestNeighborSearch::new);

	@Test
	void agreesWithBruteForceOnRandomAndClusteredData() {
		agreement.checkAll();
	}

	@Test
	void duplicateRowsGiveTheFirstIndex() {
		final FeatureMatrix memory = new FeatureMatrix(6, 2, new float[] { 5, 5, 1,
			2, 0, 0, 1, 2, 1, 2, 0, 0 });
		final float[] d = new float[2];
		final int[] i = new int[2];
		new BlockedNearestNeighborSearch(memory).search(new FeatureMatrix(2, 2,
			new float[] { 1, 2, 0.1f, 0 }), d, i);
		assertArrayEquals(new int[] { 1, 2 }, i);
		assertArrayEquals(new float[] { 0, 0.010000001f }, d);
	}

	@Test
	void rejectsAnEmptyBankAndWrongDimensions() {
		assertThrows(IllegalArgumentException.class,
			() -> new BlockedNearestNeighborSearch(FeatureMatrix.zeros(0, 3)));
		assertThrows(IllegalArgumentException.class,
			() -> new BlockedNearestNeighborSearch(FeatureMatrix.zeros(2, 3)).search(
				FeatureMatrix.zeros(1, 2), new float[1], new int[1]));
	}
}
