package io.github.tailedcore.importance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Tests {@link KernelDensity} against hand-computed values. */
class KernelDensityTest {

	private static final double PHI0 = 1 / Math.sqrt(2 * Math.PI);
	private static final double PHI1 = Math.exp(-0.5) / Math.sqrt(2 * Math.PI);

	/** Sample {0, 1}, h = 1: p(0) = (φ(0) + φ(1)) / 2, p(½) = φ(½). */
	@Test
	void testDensityOfTwoPoints() {
		final KernelDensity p = new KernelDensity(new double[] { 0, 1 }, 1);
		assertEquals((PHI0 + PHI1) / 2, p.density(0), 1e-15);
		assertEquals(0.320456502460288, p.density(1), 1e-15);
		assertEquals(Math.exp(-0.125) / Math.sqrt(2 * Math.PI), p.density(0.5),
			1e-15);
		// h = 2 halves the height and doubles the width
		assertEquals(PHI0 / 2 * (1 + Math.exp(-0.125)) / 2, new KernelDensity(
			new double[] { 0, 1 }, 2).density(0), 1e-15);
	}

	/**
	 * {1, …, 5}: σ̂ = √2.5 = 1.581, quartiles 2 and 4 so IQR / 1.34 = 1.493
	 * is the smaller; h = 0.9 · 1.493 · 5<sup>−1/5</sup>.
	 */
	@Test
	void testSilvermanUsesTheSmallerSpread() {
		final double[] s = { 3, 1, 5, 2, 4 };
		assertEquals(0.9 * (2 / 1.34) * Math.pow(5, -0.2), KernelDensity
			.silvermanBandwidth(s), 1e-15);
		assertEquals(0.9735846228506357, KernelDensity.silverman(s).bandwidth(),
			1e-14);
	}

	/** {1, 1, 1, 1, 5}: IQR = 0, so σ̂ = √3.2 alone sets h. */
	@Test
	void testSilvermanFallsBackToStandardDeviation() {
		assertEquals(0.9 * Math.sqrt(3.2) * Math.pow(5, -0.2), KernelDensity
			.silvermanBandwidth(new double[] { 1, 1, 1, 1, 5 }), 1e-14);
	}

	@Test
	void testNoSpreadNoBandwidth() {
		assertEquals(0, KernelDensity.silvermanBandwidth(new double[] { 2, 2, 2 }));
		assertEquals(0, KernelDensity.silvermanBandwidth(new double[] { 2 }));
		assertThrows(IllegalArgumentException.class, () -> KernelDensity
			.silverman(new double[] { 2, 2 }));
		assertThrows(IllegalArgumentException.class, () -> new KernelDensity(
			new double[0], 1));
	}
}
