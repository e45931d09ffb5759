package io.github.tailedcore.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tailedcore.image.DisplayRange;
import io.github.tailedcore.image.RasterImage;
import io.github.tailedcore.image.ValueRange;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The intensity scalings on a 12-bit camera image stored in 16 bits, as the
 * readers put it on the 0–255 scale ({@code v · 255 / 65535}, so 0–4095
 * spans 0–15.9), and on 32-bit data with its own values (0–1, negative,
 * NaN).
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

	/** The 12-bit ramp as 32-bit data divided by 4095 (0–1), with NaNs. */
	private static RasterImage zeroToOne(final float nan) {
		final float[] p = twelveBit(0).plane(0).clone();
		for (int i = 0; i < p.length; i++)
			p[i] = (float) (p[i] / LEVEL / 4095);
		p[5] = p[777] = nan;
		return new RasterImage(64, 64, p).asFloatingPoint();
	}

	/**
	 * The training range of a 0–1 image is measured on its own values and
	 * stretches it as the 16-bit original's stretches that one (recorded as
	 * of 32-bit values); NaN pixels are left out of the range and become 0,
	 * infinite ones are clipped.
	 */
	@Test
	void trainingRangeReadsZeroToOneDataAsTheSixteenBitOriginal() {
		final IntensityHistogram h16 = new IntensityHistogram();
		h16.add(twelveBit(0));
		final Intensity fitted16 = Intensity.trainingRange().fittedTo(h16);
		final IntensityHistogram h32 = new IntensityHistogram();
		h32.add(zeroToOne(Float.NaN));
		final Intensity fitted32 = Intensity.trainingRange().fittedTo(h32);
		assertTrue(fitted32.floatingPoint());
		assertFalse(fitted16.floatingPoint());
		assertEquals(fitted16.low() / LEVEL / 4095, fitted32.low(), 1e-4);
		assertEquals(fitted16.high() / LEVEL / 4095, fitted32.high(), 1e-4);
		final float[] a = fitted16.apply(twelveBit(0)).plane(0);
		final float[] b = fitted32.apply(zeroToOne(Float.NaN)).plane(0);
		for (int i = 0; i < a.length; i++)
			if (i != 5 && i != 777) assertEquals(a[i], b[i], 0.05, "pixel " + i);
		assertEquals(0, b[5]);
		assertEquals(0, b[777]);
		final float[] inf = fitted32.apply(zeroToOne(Float.POSITIVE_INFINITY))
			.plane(0);
		assertEquals(255, inf[5]);
		assertTrue(fitted32.toString().endsWith("of 32-bit values"), fitted32
			.toString());
	}

	/**
	 * Negative values (background-subtracted, ratios) are stretched like any
	 * others by the training range, the percentiles and the display range.
	 */
	@Test
	void negativeValuesAreStretchedToo() {
		final float[] p = new float[64 * 64];
		for (int i = 0; i < p.length; i++)
			p[i] = -50 + 250f * i / (p.length - 1);
		final RasterImage image = new RasterImage(64, 64, p).asFloatingPoint();
		final IntensityHistogram h = new IntensityHistogram();
		h.add(image);
		final Intensity fitted = Intensity.trainingRange().fittedTo(h);
		assertEquals(-50 + 0.001 * 250, fitted.low(), 0.1);
		for (final Intensity scaling : new Intensity[] { fitted, Intensity
			.percentiles(), Intensity.displayRange() })
		{
			final float[] out = scaling.apply(image).plane(0);
			assertEquals(0, out[0], scaling.toString());
			assertEquals(255, out[out.length - 1], scaling.toString());
			assertEquals(127.5, out[out.length / 2], 1.5, scaling.toString());
		}
	}

	/**
	 * The paper's bit-depth scaling reads 32-bit data on the 0–255 scale only
	 * (ImageJ's 8-bit values converted to 32 bits), and says what to do with
	 * other data; the per-image scalings read any.
	 */
	@Test
	void bitDepthRefusesThirtyTwoBitDataOffTheScale() {
		final RasterImage zeroToOne = zeroToOne(Float.NaN);
		final String problem = Intensity.bitDepth().problem(ValueRange.of(
			zeroToOne));
		assertTrue(problem.startsWith("it is 32-bit with values from 0 to 1") &&
			problem.contains("intensity=training-range"), problem);
		final Exception e = assertThrows(IllegalArgumentException.class,
			() -> Intensity.bitDepth().apply(zeroToOne));
		assertTrue(e.getMessage().startsWith("The image is 32-bit"), e
			.getMessage());
		assertNull(Intensity.percentiles().problem(ValueRange.of(zeroToOne)));
		assertNull(Intensity.displayRange().problem(ValueRange.of(zeroToOne)));
		final RasterImage negative = new RasterImage(2, 1, new float[] { -1,
			100 }).asFloatingPoint();
		assertNotNull(Intensity.bitDepth().problem(ValueRange.of(negative)));
		// 8-bit values converted to 32 bits: as they are, NaN as 0
		final RasterImage eightBit = new RasterImage(3, 1, new float[] { 0, 200,
			Float.NaN }).asFloatingPoint();
		assertNull(Intensity.bitDepth().problem(ValueRange.of(eightBit)));
		assertArrayEquals(new float[] { 0, 200, 0 }, Intensity.bitDepth().apply(
			eightBit).plane(0));
		// integer data is never refused: a mask of 0 and 1 is 8-bit data
		assertNull(Intensity.bitDepth().problem(ValueRange.of(new RasterImage(2, 1,
			new float[] { 0, 1 }))));
	}

	/**
	 * A training range of 32-bit values reads only 32-bit images; one on the
	 * 0–255 scale (training images not all 32-bit) reads 32-bit images on
	 * that scale only.
	 */
	@Test
	void aTrainingRangeReadsImagesOfItsTrainingKind() {
		final Intensity of32 = Intensity.trainingRange().forTraining(true);
		final Intensity of255 = Intensity.trainingRange().forTraining(false);
		final ValueRange zeroToOne = ValueRange.of(zeroToOne(Float.NaN));
		final ValueRange sixteen = ValueRange.of(twelveBit(0));
		assertNull(of32.problem(zeroToOne));
		assertTrue(of32.problem(sixteen).startsWith("it is not 32-bit"));
		assertNull(of255.problem(sixteen));
		assertTrue(of255.problem(zeroToOne).contains("not all training images " +
			"are 32-bit"), of255.problem(zeroToOne));
		assertNull(of255.problem(ValueRange.of(new RasterImage(2, 1, new float[] {
			3, 250 }).asFloatingPoint())));
		assertEquals(Intensity.percentiles(), Intensity.percentiles().forTraining(
			true));
		assertThrows(IllegalArgumentException.class, () -> new Intensity(
			Intensity.Mode.PERCENTILES, 1, 99, true));
	}

	/**
	 * The histogram's percentiles against the exact ones of sorted values, at
	 * scales from 1e-3 to 1e4 and below zero: within 2^-11 of the magnitude,
	 * and exact for 8-bit levels, also divided by 255.
	 */
	@Test
	void histogramPercentilesHoldAtAnyScale() {
		final SplittableRandom random = new SplittableRandom(7);
		for (final double scale : new double[] { 1e-3, 1, 1e4 }) {
			final float[] v = new float[20_000];
			for (int i = 0; i < v.length; i++)
				v[i] = (float) ((random.nextDouble() * 2 - 0.3) * scale);
			final IntensityHistogram h = new IntensityHistogram();
			h.add(new RasterImage(200, 100, v).asFloatingPoint());
			final float[] sorted = v.clone();
			Arrays.sort(sorted);
			for (final double percent : new double[] { 0.1, 5, 50, 99.9 }) {
				final float exact = sorted[(int) Math.floor(percent / 100 *
					(v.length - 1))];
				assertEquals(exact, h.percentile(percent), Math.abs(exact) * 0x1p-11 +
					1e-30, "scale " + scale + ", " + percent + " %");
			}
		}
		final float[] levels = new float[256];
		final float[] zeroToOne = new float[256];
		for (int i = 0; i < 256; i++) {
			levels[i] = i;
			zeroToOne[i] = i / 255f;
		}
		final IntensityHistogram h8 = new IntensityHistogram();
		h8.add(new RasterImage(16, 16, levels));
		final IntensityHistogram h01 = new IntensityHistogram();
		h01.add(new RasterImage(16, 16, zeroToOne).asFloatingPoint());
		for (final double percent : new double[] { 0.1, 10, 50, 90, 99.9 }) {
			final int level = (int) Math.floor(percent / 100 * 255);
			assertEquals(level, h8.percentile(percent));
			assertEquals(level / 255f, (float) h01.percentile(percent));
		}
		assertFalse(h8.floatingPoint());
		assertTrue(h01.floatingPoint());
	}
}
