package io.github.tailedcore.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tailedcore.image.RasterImage;

import org.junit.jupiter.api.Test;

/**
 * The intensity scalings on a 12-bit camera image stored in 16 bits, as the
 * readers put it on the 0–255 scale ({@code v · 255 / 65535}, so 0–4095
 * spans 0–15.9).
 */
class IntensityTest {

	private static final double LEVEL = 255.0 / 65535;

	/** A 64 × 64 ramp of 16-bit values {@code offset … offset + 4095}. */
	private static RasterImage twelveBit(final int offset) {
		final float[] p = new float[64 * 64];
		for (int i = 0; i < p.length; i++)
			p[i] = (float) ((offset + i * 4095.0 / (p.length - 1)) * LEVEL);
		return new RasterImage(64, 64, p);
	}

	@Test
	void bitDepthKeepsTheReadersScale() {
		final RasterImage image = twelveBit(0);
		assertSame(image, Intensity.bitDepth().apply(image));
		assertTrue(image.plane(0)[image.plane(0).length - 1] < 16);
	}

	@Test
	void trainingRangeStretchesTwelveBitsToTheFullInput() {
		final IntensityHistogram h = new IntensityHistogram();
		h.add(twelveBit(0));
		final Intensity fitted = Intensity.trainingRange().fittedTo(h);
		assertEquals(Intensity.Mode.TRAINING_RANGE, fitted.mode());
		assertEquals(0.001 * 4095 * LEVEL, fitted.low(), 2 * LEVEL);
		assertEquals(0.999 * 4095 * LEVEL, fitted.high(), 2 * LEVEL);
		final float[] out = fitted.apply(twelveBit(0)).plane(0);
		assertEquals(0, out[0]);
		assertEquals(255, out[out.length - 1]);
		assertEquals(127.5, out[out.length / 2], 1.5);
		// a brighter image stays brighter: the range is the training set's
		final float[] brighter = fitted.apply(twelveBit(400)).plane(0);
		assertTrue(brighter[out.length / 2] > out[out.length / 2] + 20);
	}

	@Test
	void percentilesStretchEachImageOnItsOwn() {
		final Intensity p = Intensity.percentiles();
		final float[] a = p.apply(twelveBit(0)).plane(0);
		final float[] b = p.apply(twelveBit(400)).plane(0);
		assertEquals(a[a.length / 2], b[b.length / 2], 0.5);
		assertEquals(0, a[0]);
		assertEquals(255, a[a.length - 1]);
	}

	@Test
	void anUnmeasuredRangeCannotBeApplied() {
		assertTrue(Intensity.trainingRange().needsTraining());
		assertThrows(IllegalStateException.class, () -> Intensity.trainingRange()
			.apply(twelveBit(0)));
		assertThrows(IllegalArgumentException.class, () -> new Intensity(
			Intensity.Mode.PERCENTILES, 50, 10));
		assertEquals(Intensity.Mode.PERCENTILES, Intensity.Mode.parse(
			" Percentiles "));
		assertThrows(IllegalArgumentException.class, () -> Intensity.Mode.parse(
			"auto"));
	}
}
