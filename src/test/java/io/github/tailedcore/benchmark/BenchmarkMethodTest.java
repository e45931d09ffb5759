package io.github.tailedcore.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tailedcore.Method;
import io.github.tailedcore.benchmark.split.NoiseProtocol;
import io.github.tailedcore.benchmark.split.TailShape;
import io.github.tailedcore.importance.ImportanceWeighting;
import io.github.tailedcore.noise.NoiseThreshold;
import io.github.tailedcore.preprocess.Preprocessing;
import io.github.tailedcore.scoring.Scoring;
import io.github.tailedcore.tail.TailEstimation;

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
	void tailedCoreTakesAnyTailEstimate() {
		assertEquals(TailEstimation.ROBUST, BenchmarkMethod.parse("tailedcore")
			.tailEstimation());
		final BenchmarkMethod paper = BenchmarkMethod.parse("TailedCore-paper+iw");
		assertEquals(new BenchmarkMethod(Method.TAILEDCORE,
			ImportanceWeighting.CORESET, TailEstimation.PAPER), paper);
		assertEquals("TailedCore-paper+IW", paper.displayName());
		assertEquals("TailedCore", BenchmarkMethod.parse("tailedcore")
			.displayName());
		assertThrows(IllegalArgumentException.class, () -> BenchmarkMethod.parse(
			"patchcore-paper"));
		final BenchmarkMethod separation = BenchmarkMethod.parse(
			"tailedcore-separation-fixed-drop");
		assertEquals(TailEstimation.SEPARATION, separation.tailEstimation());
		assertEquals(NoiseThreshold.FIXED, separation.noiseThreshold());
		assertEquals("TailedCore-separation-fixed-drop", separation
			.displayName());
		assertThrows(IllegalArgumentException.class, () -> BenchmarkMethod.parse(
			"softpatch-separation"));
		final BenchmarkConfig config = new BenchmarkConfig(List.of(TailShape.step(
			1)), 0.1, NoiseProtocol.OVERLAP, List.of(101L), List.of(paper), 0.01,
			null, 0, Preprocessing.paper());
		assertEquals(TailEstimation.PAPER, config.settings(paper, TailShape.step(
			1)).tailEstimation());
	}

	/**
	 * {@code -fixed-drop} gives TailedCore the paper's fixed noise share;
	 * with {@code -paper} it is the paper's TailedCore exactly. Only
	 * TailedCore has the choice.
	 */
	@Test
	void tailedCoreTakesEitherNoiseThreshold() {
		assertEquals(NoiseThreshold.ADAPTIVE, BenchmarkMethod.parse("tailedcore")
			.noiseThreshold());
		final BenchmarkMethod fixed = BenchmarkMethod.parse(
			"tailedcore-fixed-drop");
		assertEquals(NoiseThreshold.FIXED, fixed.noiseThreshold());
		assertEquals(TailEstimation.ROBUST, fixed.tailEstimation());
		assertEquals("TailedCore-fixed-drop", fixed.displayName());
		final BenchmarkMethod paper = BenchmarkMethod.parse(
			"TailedCore-paper-fixed-drop+iw@global");
		assertEquals(NoiseThreshold.FIXED, paper.noiseThreshold());
		assertEquals(TailEstimation.PAPER, paper.tailEstimation());
		assertEquals("TailedCore-paper-fixed-drop+IW global", paper
			.displayName());
		assertEquals(NoiseThreshold.FIXED, paper.fit().noiseThreshold());
		assertThrows(IllegalArgumentException.class, () -> BenchmarkMethod.parse(
			"softpatch-fixed-drop"));
		final BenchmarkConfig config = new BenchmarkConfig(List.of(TailShape
			.none()), 0.1, NoiseProtocol.MOVED, List.of(101L), List.of(fixed), 0.1,
			null, 0, Preprocessing.paper());
		assertEquals(NoiseThreshold.FIXED, config.settings(fixed, TailShape.none())
			.noiseThreshold());
		assertEquals(NoiseThreshold.ADAPTIVE, config.settings(BenchmarkMethod
			.parse("tailedcore"), TailShape.none()).noiseThreshold());
	}

	@Test
	void theScoringFollowsAnAt() {
		final BenchmarkMethod aware = BenchmarkMethod.parse(
			"tailedcore-paper+iw@class-aware-k10");
		assertEquals(Scoring.CLASS_AWARE, aware.scoring());
		assertEquals(10, aware.scoringNeighbors());
		assertEquals("TailedCore-paper+IW class-aware k≥10", aware.displayName());
		assertEquals(BenchmarkMethod.parse("tailedcore-paper+iw"), aware.fit(),
			"variants of one fit share it");
		assertEquals(Scoring.GLOBAL, BenchmarkMethod.parse("patchcore@global")
			.scoring());
		assertEquals(0, BenchmarkMethod.parse("patchcore@class-aware")
			.scoringNeighbors());
		final BenchmarkMethod largest = BenchmarkMethod.parse(
			"tailedcore@class-aware-largest-jump-k5");
		assertEquals(Scoring.CLASS_AWARE_LARGEST_JUMP, largest.scoring());
		assertEquals(5, largest.scoringNeighbors());
		final BenchmarkMethod oracle = BenchmarkMethod.parse("softpatch@oracle");
		assertTrue(oracle.oracle());
		assertEquals("SoftPatch oracle", oracle.displayName());
		assertNull(BenchmarkMethod.parse("softpatch").scoring());
		for (final String bad : new String[] { "patchcore@global-k5",
			"patchcore@class-aware-k0", "patchcore@class-aware-kx",
			"patchcore@local" })
			assertThrows(IllegalArgumentException.class, () -> BenchmarkMethod.parse(
				bad), bad);
	}

	@Test
	void testSettingsCarryTheWeighting() {
		final BenchmarkConfig config = new BenchmarkConfig(List.of(TailShape.step(
			4)), 0.1, NoiseProtocol.OVERLAP, List.of(101L), List.of(BenchmarkMethod.parse("patchcore+iw")),
			0.01, null, 0, Preprocessing.paper());
		assertEquals(ImportanceWeighting.CORESET, config.settings(config.methods()
			.get(0), TailShape.step(4)).importanceWeighting());
		assertEquals(Method.PATCHCORE, config.settings(config.methods().get(0),
			TailShape.step(4)).method());
	}
}
