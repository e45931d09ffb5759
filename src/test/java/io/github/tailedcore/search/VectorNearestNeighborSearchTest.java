package io.github.tailedcore.search;

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
	void theKernelOffersTheNearestRows() {
		agreement.checkTheKernelOffersTheNearestRows(300, 20);
	}

	@Test
	void duplicateRowsGiveTheFirstIndex() {
		agreement.checkDuplicateRowsGiveTheFirstIndex();
	}
}
