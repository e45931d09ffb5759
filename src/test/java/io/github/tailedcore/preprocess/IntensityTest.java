package io.github.tailedcore.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tailedcore.image.DisplayRange;
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

	/**
	 * Display range: a 12-bit ramp shown between 1000 and 3000 maps 1000 to
	 * 0 and 3000 to 255, linearly, clipping outside; each channel of a
	 * composite by its own range.
	 */
	@Test
	void displayRangeStretchesEachChannelAsShown() {
		final RasterImage ramp = twelveBit(0);
		final RasterImage two = new RasterImage(64, 64, ramp.plane(0), ramp.plane(
			0)).withDisplayRanges(new DisplayRange(1000 * LEVEL, 3000 * LEVEL),
				new DisplayRange(0, 4095 * LEVEL));
		final RasterImage out = Intensity.displayRange().apply(two);
		final float[] in = ramp.plane(0);
		for (int i = 0; i < in.length; i += 97) {
			final double raw = in[i] / LEVEL;
			assertEquals(Math.min(255, Math.max(0, (raw - 1000) * 255 / 2000)), out
				.plane(0)[i], 0.01, "channel 1 at " + raw);
			assertEquals(raw * 255 / 4095, out.plane(1)[i], 0.01, "channel 2 at " +
				raw);
		}
	}

	/**
	 * Without a display range (an image read without ImageJ), each channel is
	 * stretched between its own minimum and maximum, as ImageJ shows a file
	 * without one.
	 */
	@Test
	void displayRangeFallsBackToEachImagesMinimumAndMaximum() {
		final float[] out = Intensity.displayRange().apply(twelveBit(400)).plane(
			0);
		assertEquals(0, out[0], 1e-3);
		assertEquals(255, out[out.length - 1], 1e-3);
		assertEquals(127.5, out[out.length / 2], 0.1);
		final RasterImage flat = new RasterImage(2, 1, new float[] { 7, 7 });
		assertEquals(0, Intensity.displayRange().apply(flat).plane(0)[0]);
		assertEquals("display-range", Intensity.displayRange().toString());
		assertEquals(Intensity.displayRange(), Intensity.of(Intensity.Mode.parse(
			"Display-Range")));
	}
}
