package io.github.tailedcore.importance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Tests {@link TwoPieceGaussian} against hand-computed values. */
class TwoPieceGaussianTest {

	/**
	 * {1, 2, 3, 4, 5}: median 3, |s − 3| = {2, 1, 0, 1, 2} so MAD = 1,
	 * σ<sub>L</sub> = 1.4826 and, with β = 3, σ<sub>R</sub> = 4.4478 (more
	 * than (5 − 3) / 2).
	 */
	@Test
	void testRobustFit() {
		final TwoPieceGaussian q = TwoPieceGaussian.robust(new double[] { 4, 5, 1,
			3, 2 }, 3);
		assertEquals(3, q.mode());
		assertEquals(1.4826, q.leftSpread(), 1e-15);
		assertEquals(4.4478, q.rightSpread(), 1e-14);
	}

	/**
	 * {1, 2, 3, 4, 100}: the outlier moves neither m = 3 nor the MAD = 1,
	 * but σ<sub>R</sub> = (100 − 3) / 2 = 48.5 so that it lies at 2σ<sub>R</sub>.
	 */
	@Test
	void testRightSpreadReachesTheHighestScore() {
		final TwoPieceGaussian q = TwoPieceGaussian.robust(new double[] { 4, 100,
			1, 3, 2 }, 3);
		assertEquals(3, q.mode());
		assertEquals(1.4826, q.leftSpread(), 1e-15);
		assertEquals(48.5, q.rightSpread());
		assertEquals(Math.exp(-2), q.density(100) / q.density(3), 1e-15);
	}

	/**
	 * Peak √(2/π) / (σ<sub>L</sub> + σ<sub>R</sub>) = 0.134541; two below
	 * the mode the left spread applies, three above it the right one.
	 */
	@Test
	void testDensity() {
		final TwoPieceGaussian q = new TwoPieceGaussian(3, 1.4826, 4.4478);
		assertEquals(0.13454144084764358, q.density(3), 1e-15);
		assertEquals(0.054162928192672884, q.density(1), 1e-15);
		assertEquals(0.10716860797174552, q.density(6), 1e-15);
		// equal spreads: the ordinary normal density
		assertEquals(1 / Math.sqrt(2 * Math.PI), new TwoPieceGaussian(0, 1, 1)
			.density(0), 1e-15);
	}

	@Test
	void testRejectsDegenerateSpreads() {
		assertThrows(IllegalArgumentException.class, () -> TwoPieceGaussian
			.robust(new double[] { 1, 1, 1, 5 }, 3)); // MAD 0
		assertThrows(IllegalArgumentException.class, () -> TwoPieceGaussian
			.robust(new double[] { 1, 2, 3 }, 0.5));
		assertThrows(IllegalArgumentException.class, () -> new TwoPieceGaussian(0,
			1, Double.NaN));
	}
}
