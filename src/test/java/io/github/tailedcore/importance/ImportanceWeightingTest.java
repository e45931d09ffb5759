package io.github.tailedcore.importance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ImportanceWeightingTest {

	@Test
	void testParseLabels() {
		for (final ImportanceWeighting w : ImportanceWeighting.values())
			assertEquals(w, ImportanceWeighting.parse(w.label()));
		assertEquals(ImportanceWeighting.CORESET_AND_SCORE, ImportanceWeighting
			.parse(" Coreset+Score "));
		assertThrows(IllegalArgumentException.class, () -> ImportanceWeighting
			.parse("score"));
	}

	@Test
	void testWhatEachOptionWeighs() {
		assertFalse(ImportanceWeighting.NONE.weighsCoreset());
		assertTrue(ImportanceWeighting.CORESET.weighsCoreset());
		assertFalse(ImportanceWeighting.CORESET.weighsScores());
		assertTrue(ImportanceWeighting.CORESET_AND_SCORE.weighsScores());
	}
}
