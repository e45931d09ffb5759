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

	/** {1, …, 5}: σ̂ = √2.5, h = 1.06 · √2.5 · 5<sup>−1/5</sup> = 1.2147. */
	@Test
	void testSilvermanNormalReference() {
		final double[] s = { 3, 1, 5, 2, 4 };
		assertEquals(1.06 * Math.sqrt(2.5) * Math.pow(5, -0.2), KernelDensity
			.silvermanBandwidth(s), 1e-15);
		assertEquals(1.214735905665934, KernelDensity.silverman(s).bandwidth(),
			1e-14);
		// a far outlier widens h, so the tail is smoothed as a whole: mean 22,
		// squared deviations 441 + 400 + 361 + 324 + 6084 = 7610
		assertEquals(1.06 * Math.sqrt(7610 / 4.0) * Math.pow(5, -0.2),
			KernelDensity.silvermanBandwidth(new double[] { 1, 2, 3, 4, 100 }),
			1e-12);
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
