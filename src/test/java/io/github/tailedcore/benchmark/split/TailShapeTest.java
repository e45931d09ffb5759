package io.github.tailedcore.benchmark.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TailShapeTest {

	@Test
	void parsesWhatItPrints() {
		assertEquals(TailShape.step(4), TailShape.parse("step-k4"));
		assertEquals(TailShape.step(1), TailShape.parse(" Step-K1 "));
		assertEquals(TailShape.pareto(), TailShape.parse("pareto"));
		assertEquals(TailShape.none(), TailShape.parse("none"));
		for (final TailShape s : new TailShape[] { TailShape.step(12), TailShape
			.pareto(), TailShape.none() })
			assertEquals(s, TailShape.parse(s.toString()));
	}

	@Test
	void rejectsUnknownTailsWithTheirName() {
		for (final String bad : new String[] { "step", "step-k0", "step-kx",
			"zipf" })
		{
			final IllegalArgumentException e = assertThrows(
				IllegalArgumentException.class, () -> TailShape.parse(bad));
			assertEquals(true, e.getMessage().contains("'" + bad + "'"));
		}
		assertThrows(IllegalArgumentException.class, () -> new TailShape(
			TailShape.Kind.PARETO, 3));
	}
}
