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
	 * {1, 2, 3, 4, 100}: h = 33.51 (σ̂ = 43.6), q with m = 3,
	 * σ<sub>L</sub> = 1.4826, σ<sub>R</sub> = 48.5. r / mean(r) = 0.543,
	 * 1.073, 1.346, 1.347 and 0.691 for the isolated outlier (q there is
	 * e<sup>−2</sup> of its peak); nothing is clipped, so these are the
	 * weights: above the median they grow, the outlier is not up-weighted.
	 */
	@Test
	void testHandComputedWithOutlier() {
		final double[] w = ImportanceWeights.defaults().weights(new double[] { 1,
			2, 3, 4, 100 });
		assertArrayEquals(new double[] { 0.5428610787113468, 1.072859171330693,
			1.3464641028799431, 1.3469145423386728, 0.6909011047393443 }, w, 1e-12);
	}

	/**
	 * {0, …, 7} with bounds [0.9, 1.2]: r / mean(r) = 0.771, 0.822, 0.902,
	 * …, 1.127, 1.431 rises with the score (the right side of q is three
	 * times wider); clipping moves the first two up to 0.9 and the last down
	 * to 1.2, and the mean is 1 again.
	 */
	@Test
	void testClipping() {
		final double[] w = new ImportanceWeights(0.9, 1.2, 3).weights(new double[] {
			0, 1, 2, 3, 4, 5, 6, 7 });
		assertArrayEquals(new double[] { 0.9027034187946932, 0.9027034187946932,
			0.9045956786898857, 0.9648410973180441, 0.9771113163706389,
			1.0135583389978404, 1.1308821726412812, 1.2036045583929242 }, w, 1e-12);
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
