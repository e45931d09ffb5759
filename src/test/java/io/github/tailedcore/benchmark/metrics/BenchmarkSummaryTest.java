package io.github.tailedcore.benchmark.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tailedcore.benchmark.metrics.ClassScores.Group;
import io.github.tailedcore.benchmark.metrics.ClassScores.Metric;

import java.util.List;

import org.junit.jupiter.api.Test;

class BenchmarkSummaryTest {

	private static final double NA = Double.NaN;

	private static BenchmarkSummary twoSeeds() {
		final BenchmarkSummary s = new BenchmarkSummary();
		s.add(101, List.of(new ClassScores("a", true, 0.8, NA, NA),
			new ClassScores("b", false, 0.9, 0.95, 0.7),
			new ClassScores("c", false, 1.0, 0.85, 0.9)));
		s.add(102, List.of(new ClassScores("a", false, 0.6, NA, NA),
			new ClassScores("b", true, 0.7, 0.75, 0.5),
			new ClassScores("c", true, 0.5, 0.65, 0.3)));
		return s;
	}

	@Test
	void perSeedClassMeansThenMeanOverSeeds() {
		final BenchmarkSummary s = twoSeeds();
		// seed 101: tail .8, head .95, all .9; seed 102: tail .6, head .6, all .6
		assertEquals(0.95, s.seedMean(101, Metric.IMAGE_AUROC, Group.HEAD), 1e-12);
		assertEquals(0.7, s.mean(Metric.IMAGE_AUROC, Group.TAIL), 1e-12);
		assertEquals(0.775, s.mean(Metric.IMAGE_AUROC, Group.HEAD), 1e-12);
		assertEquals(0.75, s.mean(Metric.IMAGE_AUROC, Group.ALL), 1e-12);
		// pooled tail: (.8 + .7 + .5) / 3
		assertEquals(2.0 / 3, s.pooledMean(Metric.IMAGE_AUROC, Group.TAIL), 1e-12);
	}

	@Test
	void classesAndSeedsWithoutAValueAreLeftOut() {
		final BenchmarkSummary s = twoSeeds();
		// pixel AUROC, tail: seed 101 has only class a (no masks) → no value;
		// seed 102: (.75 + .65) / 2 = .7
		assertTrue(Double.isNaN(s.seedMean(101, Metric.PIXEL_AUROC, Group.TAIL)));
		assertEquals(0.7, s.mean(Metric.PIXEL_AUROC, Group.TAIL), 1e-12);
		// all: seed 101 (.95 + .85) / 2 = .9, seed 102 .7 → .8
		assertEquals(0.8, s.mean(Metric.PIXEL_AUROC, Group.ALL), 1e-12);
		assertEquals(0.6, s.mean(Metric.AUPRO, Group.ALL), 1e-12);
	}

	@Test
	void refusesRepeatedOrEmptySeeds() {
		final BenchmarkSummary s = twoSeeds();
		assertEquals(List.of(101L, 102L), s.seeds());
		assertThrows(IllegalArgumentException.class, () -> s.add(101, List.of(
			new ClassScores("a", true, 1, NA, NA))));
		assertThrows(IllegalArgumentException.class, () -> s.add(103, List.of()));
		assertThrows(IllegalArgumentException.class, () -> s.seedMean(7,
			Metric.AUPRO, Group.ALL));
	}
}
