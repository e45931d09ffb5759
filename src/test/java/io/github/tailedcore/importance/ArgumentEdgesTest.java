package io.github.tailedcore.importance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The argument checks of the importance estimates at their edge values: the
 * edge itself is accepted, the next double beyond it refused.
 */
class ArgumentEdgesTest {

	private static final double BELOW_ONE = Math.nextDown(1.0);
	private static final double INF = Double.POSITIVE_INFINITY;

	@Test
	void importanceWeights() {
		new ImportanceWeights(Double.MIN_VALUE, Double.MIN_VALUE, 1);
		new ImportanceWeights(1, Double.MAX_VALUE, Double.MAX_VALUE);
		assertThrows(IllegalArgumentException.class, () -> new ImportanceWeights(0,
			1, 1));
		assertThrows(IllegalArgumentException.class, () -> new ImportanceWeights(1,
			BELOW_ONE, 1));
		assertThrows(IllegalArgumentException.class, () -> new ImportanceWeights(1,
			INF, 1));
		assertThrows(IllegalArgumentException.class, () -> new ImportanceWeights(1,
			1, BELOW_ONE));
		assertThrows(IllegalArgumentException.class, () -> new ImportanceWeights(1,
			1, INF));
	}

	@Test
	void kernelDensity() {
		assertEquals(Double.MIN_VALUE, new KernelDensity(new double[] { 1 },
			Double.MIN_VALUE).bandwidth());
		assertThrows(IllegalArgumentException.class, () -> new KernelDensity(
			new double[] { 1 }, 0));
		assertThrows(IllegalArgumentException.class, () -> new KernelDensity(
			new double[] { 1 }, INF));
		assertThrows(IllegalArgumentException.class, () -> new KernelDensity(
			new double[0], 1));
	}

	/**
	 * h = 1.06 · σ̂ · n<sup>−1/5</sup> with the sample standard deviation
	 * (n − 1): {1, 3, 8} has mean 4 and σ̂² = (9 + 1 + 16) / 2 = 13; two
	 * values are the fewest with a spread.
	 */
	@Test
	void silvermanBandwidthByHand() {
		assertEquals(1.06 * Math.sqrt(13) * Math.pow(3, -0.2), KernelDensity
			.silvermanBandwidth(new double[] { 8, 1, 3 }), 1e-12);
		assertEquals(1.06 * Math.sqrt(2) * Math.pow(2, -0.2), KernelDensity
			.silvermanBandwidth(new double[] { 0, 2 }), 1e-12);
		assertEquals(0, KernelDensity.silvermanBandwidth(new double[] { 5 }));
	}

	@Test
	void twoPieceGaussian() {
		new TwoPieceGaussian(0, Double.MIN_VALUE, Double.MIN_VALUE);
		assertThrows(IllegalArgumentException.class, () -> new TwoPieceGaussian(0,
			0, 1));
		assertThrows(IllegalArgumentException.class, () -> new TwoPieceGaussian(0,
			1, 0));
		final double[] scores = { 1, 2, 3, 4, 10 };
		assertEquals(1.4826, TwoPieceGaussian.robust(scores, 1).leftSpread(),
			1e-12);
		assertThrows(IllegalArgumentException.class, () -> TwoPieceGaussian.robust(
			scores, BELOW_ONE));
		assertThrows(IllegalArgumentException.class, () -> TwoPieceGaussian.robust(
			scores, INF));
	}
}
