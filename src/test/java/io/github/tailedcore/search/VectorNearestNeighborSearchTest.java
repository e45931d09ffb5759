package io.github.tailedcore.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.github.tailedcore.linalg.FeatureMatrix;

import org.junit.jupiter.api.Test;

/** Needs {@code --add-modules jdk.incubator.vector}, which the pom passes. */
class VectorNearestNeighborSearchTest {

	private final SearchAgreement agreement = new SearchAgreement(
		VectorNearestNeighborSearch::new);

	@Test
	void agreesWithBruteForceOnRandomAndClusteredData() {
		agreement.checkAll();
	}

	@Test
	void manyQueriesAcrossSeveralPanelsAndRanges() {
		agreement.check(SearchAgreement.clustered(1000, 40, 20, 7),
			SearchAgreement.clustered(300, 40, 20, 8));
	}

	@Test
	void duplicateRowsGiveTheFirstIndex() {
		final FeatureMatrix memory = new FeatureMatrix(6, 2, new float[] { 5, 5, 1,
			2, 0, 0, 1, 2, 1, 2, 0, 0 });
		final float[] d = new float[2];
		final int[] i = new int[2];
		new VectorNearestNeighborSearch(memory).search(new FeatureMatrix(2, 2,
			new float[] { 1, 2, 0.1f, 0 }), d, i);
		assertArrayEquals(new int[] { 1, 2 }, i);
		assertArrayEquals(new float[] { 0, 0.010000001f }, d);
	}
}
