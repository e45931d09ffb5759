package io.github.tailedcore.search;

import org.junit.jupiter.api.Test;

class BlockedNearestNeighborSearchTest {

	private final SearchAgreement agreement = new SearchAgreement(
		BlockedNearestNeighborSearch::new);

	@Test
	void agreesWithBruteForceOnRandomAndClusteredData() {
		agreement.checkAll();
	}

	@Test
	void theKernelOffersTheNearestRows() {
		agreement.checkTheKernelOffersTheNearestRows(300, 20);
	}

	@Test
	void duplicateRowsGiveTheFirstIndex() {
		agreement.checkDuplicateRowsGiveTheFirstIndex();
	}

	@Test
	void rejectsAnEmptyBankAndWrongDimensions() {
		agreement.checkRejectsAnEmptyBankAndWrongDimensions();
	}
}
