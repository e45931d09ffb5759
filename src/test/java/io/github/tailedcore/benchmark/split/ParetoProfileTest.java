package io.github.tailedcore.benchmark.split;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class ParetoProfileTest {

	@Test
	void relativeMassesOfFifteenClassesMatchTheSpec() {
		final double[] expected = { 1, .606, .380, .245, .162, .110, .076, .054,
			.038, .028, .021, .015, .012, .009, .007 };
		final double[] pmf = ParetoProfile.pmf(15);
		for (int i = 0; i < 15; i++)
			assertEquals(expected[i], Math.round(pmf[i] / pmf[0] * 1000) / 1000.0,
				1e-12, "bin " + i);
	}

	@Test
	void massesAddUpToTheProbabilityBetweenTheQuantiles() {
		// F(ppf(0.99)) − F(ppf(0.01)) = 0.98 whatever C is
		for (final int c : new int[] { 1, 5, 15 }) {
			double sum = 0;
			for (final double p : ParetoProfile.pmf(c))
				sum += p;
			assertEquals(0.98, sum, 1e-12);
		}
	}

	@Test
	void targetsReproduceTheShippedMvtecParetoSplit() {
		// spec §8, MVTec Pareto s101: grid gets the largest mass and keeps
		// 264; then carpet, transistor, tile, pill, leather, metal_nut,
		// toothbrush, screw, zipper; five classes at the minimum of 5.
		final String[] order = { "grid", "carpet", "transistor", "tile", "pill",
			"leather", "metal_nut", "toothbrush", "screw", "zipper", "bottle",
			"cable", "capsule", "hazelnut", "wood" };
		final double[] pmf = ParetoProfile.pmf(15);
		final double[] assigned = new double[15];
		final int[] expected = new int[15];
		final int[] kept = { 264, 160, 100, 65, 43, 29, 20, 14, 10, 7, 5, 5, 5, 5,
			5 };
		for (int i = 0; i < 15; i++) {
			final int c = Arrays.asList(InMemoryDatasets.MVTEC_NAMES)
				.indexOf(order[i]);
			assigned[c] = pmf[i];
			expected[c] = kept[i];
		}
		assertArrayEquals(expected, ParetoProfile.targets(
			InMemoryDatasets.MVTEC_TRAIN, assigned));
	}

	@Test
	void classesWithFewerThanFiveImagesKeepAllTheyHave() {
		assertArrayEquals(new int[] { 100, 3, 5 }, ParetoProfile.targets(new int[] {
			100, 3, 50 }, new double[] { 0.5, 0.01, 0.01 }));
	}

	@Test
	void rejectsMismatchedInput() {
		assertThrows(IllegalArgumentException.class, () -> ParetoProfile.pmf(0));
		assertThrows(IllegalArgumentException.class, () -> ParetoProfile.targets(
			new int[3], new double[2]));
	}
}
