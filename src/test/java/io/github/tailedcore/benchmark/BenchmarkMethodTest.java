package io.github.tailedcore.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.tailedcore.Method;
import io.github.tailedcore.benchmark.split.TailShape;
import io.github.tailedcore.importance.ImportanceWeighting;

import java.util.List;

import org.junit.jupiter.api.Test;

class BenchmarkMethodTest {

	@Test
	void testParseAndDisplayNames() {
		assertEquals(BenchmarkMethod.plain(Method.PATCHCORE), BenchmarkMethod
			.parse("PatchCore"));
		final BenchmarkMethod iw = BenchmarkMethod.parse(" tailedcore+IW ");
		assertEquals(new BenchmarkMethod(Method.TAILEDCORE,
			ImportanceWeighting.CORESET), iw);
		assertEquals("TailedCore+IW", iw.displayName());
		assertEquals("SoftPatch+IW-score", BenchmarkMethod.parse(
			"softpatch+iw-score").displayName());
		assertThrows(IllegalArgumentException.class, () -> BenchmarkMethod.parse(
			"patchcore+w"));
	}

	@Test
	void testSettingsCarryTheWeighting() {
		final BenchmarkConfig config = new BenchmarkConfig(List.of(TailShape.step(
			4)), 0.1, List.of(101L), List.of(BenchmarkMethod.parse("patchcore+iw")),
			0.01, null, 0);
		assertEquals(ImportanceWeighting.CORESET, config.settings(config.methods()
			.get(0), TailShape.step(4)).importanceWeighting());
		assertEquals(Method.PATCHCORE, config.settings(config.methods().get(0),
			TailShape.step(4)).method());
	}
}
