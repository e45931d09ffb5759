package io.github.tailedcore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.tailedcore.memory.MemoryBank;

/** Asserts that two fits gave the same model, bit for bit. */
final class SameModel {

	private SameModel() {}

	static void assertSameModel(final TailedCoreModel expected,
		final TailedCoreModel actual, final String what)
	{
		final MemoryBank e = expected.memory();
		final MemoryBank a = actual.memory();
		assertEquals(e.size(), a.size(), what + ": memory size");
		assertEquals(e.tailSize(), a.tailSize(), what + ": tail size");
		assertArrayEquals(e.vectors().data(), a.vectors().data(), what +
			": memory rows");
		assertArrayEquals(e.weights(), a.weights(), what + ": memory weights");
		final FitSummary es = expected.summary();
		final FitSummary as = actual.summary();
		assertEquals(es.droppedPatches(), as.droppedPatches(), what);
		assertArrayEquals(es.tailImages(), as.tailImages(), what + ": tail");
		assertArrayEquals(es.kappa(), as.kappa(), what + ": κ");
		assertEquals(es.kMax(), as.kMax(), what + ": K_max");
		assertEquals(es.tailMemory(), as.tailMemory(), what);
		assertEquals(es.cleanMemory(), as.cleanMemory(), what);
		assertArrayEquals(es.importanceScores(), as.importanceScores(), what +
			": importance scores");
		assertArrayEquals(es.importanceWeights(), as.importanceWeights(), what +
			": importance weights");
		if (expected.threshold() == null) assertNull(actual.threshold(), what);
		else assertEquals(expected.threshold().value(), actual.threshold().value(),
			0, what + ": threshold");
	}
}
