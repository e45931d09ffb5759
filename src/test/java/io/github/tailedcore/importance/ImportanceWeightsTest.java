package io.github.tailedcore.importance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Tests {@link ImportanceWeights}. The expected values were computed
 * independently with numpy from the formulas of the class documentation.
 */
class ImportanceWeightsTest {

	/**
	 * {1, 2, 3, 4, 100}: h = 0.97358 (Silverman), q with m = 3,
	 * σ<sub>L</sub> = 1.4826, σ<sub>R</sub> = 4.4478. r / mean(r) =
	 * 0.740, 1.094, 1.374, 1.792 and 1.7e−103 for the outlier, which is
	 * clipped to w<sub>min</sub> = 0.1 before the final division by the mean
	 * 1.02: the isolated extreme score is not up-weighted, while the scores
	 * above the median gain.
	 */
	@Test
	void testHandComputedWithOutlier() {
		final double[] w = ImportanceWeights.defaults().weights(new double[] { 1,
			2, 3, 4, 100 });
		assertArrayEquals(new double[] { 0.7254361522310571, 1.0727521458126887,
			1.3467527674530624, 1.7570197188169172, 0.09803921568627451 }, w, 1e-12);
	}

	/**
	 * {0, …, 7} with bounds [0.9, 1.2]: r / mean(r) = 0.770, 0.808, 0.902,
	 * …, 1.109, 1.430 rises with the score (the right side of q is three
	 * times wider); clipping moves the first two up to 0.9 and the last down
	 * to 1.2, and the mean is 1 again.
	 */
	@Test
	void testClipping() {
		final double[] w = new ImportanceWeights(0.9, 1.2, 3).weights(new double[] {
			0, 1, 2, 3, 4, 5, 6, 7 });
		assertArrayEquals(new double[] { 0.9009797508527051, 0.9009797508527051,
			0.903274239628078, 0.9794940750333695, 0.9919506410884287,
			1.012077726595941, 1.1099374814785001, 1.2013063344702732 }, w, 1e-12);
		assertEquals(1, Arrays.stream(w).average().getAsDouble(), 1e-15);
	}

	/**
	 * Scores from a 90/10 mixture, N(0, 1) for 900 common images and N(5, 1)
	 * for 100 rare ones that the memory covers badly: the rare mode gets the
	 * larger weights (mean weight more than twice the common mode's), the
	 * weights have mean 1 and stay in the bounds.
	 */
	@Test
	void testMinorityModeGetsLargerWeights() {
		final Random random = new Random(42);
		final double[] s = new double[1000];
		for (int i = 0; i < s.length; i++)
			s[i] = (i < 900 ? 0 : 5) + random.nextGaussian();
		final double[] w = ImportanceWeights.defaults().weights(s);
		final double common = Arrays.stream(w, 0, 900).average().getAsDouble();
		final double rare = Arrays.stream(w, 900, 1000).average().getAsDouble();
		assertTrue(rare > 2 * common, "rare " + rare + ", common " + common);
		assertTrue(common < 1 && rare > 1);
		assertEquals(1, Arrays.stream(w).average().getAsDouble(), 1e-12);
		for (final double v : w)
			assertTrue(v >= 0.09 && v <= 11, "weight " + v);
	}

	/** No spread, nothing to balance: every weight is 1. */
	@Test
	void testUniformWithoutSpread() {
		assertArrayEquals(new double[] { 1, 1, 1 }, ImportanceWeights.defaults()
			.weights(new double[] { 2, 2, 2 }));
		assertArrayEquals(new double[] { 1, 1, 1, 1 }, ImportanceWeights.defaults()
			.weights(new double[] { 1, 1, 1, 5 })); // MAD 0
		assertArrayEquals(new double[] { 1 }, ImportanceWeights.defaults().weights(
			new double[] { 7 }));
	}

	@Test
	void testRejectsBadInput() {
		assertThrows(IllegalArgumentException.class, () -> ImportanceWeights
			.defaults().weights(new double[0]));
		assertThrows(IllegalArgumentException.class, () -> ImportanceWeights
			.defaults().weights(new double[] { 1, Double.NaN }));
		assertThrows(IllegalArgumentException.class, () -> new ImportanceWeights(0,
			10, 3));
		assertThrows(IllegalArgumentException.class, () -> new ImportanceWeights(2,
			1, 3));
		assertThrows(IllegalArgumentException.class, () -> new ImportanceWeights(
			0.1, 10, 0.9));
	}
}
