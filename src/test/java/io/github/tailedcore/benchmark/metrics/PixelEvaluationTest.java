package io.github.tailedcore.benchmark.metrics;

import static io.github.tailedcore.benchmark.metrics.ConnectedRegionsTest.mask;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tailedcore.benchmark.data.BinaryMask;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

class PixelEvaluationTest {

	/**
	 * Two 3 × 2 images; region R1 = the two top-left pixels of A, region R2 =
	 * the bottom-right pixel of B; 9 defect-free pixels.
	 */
	private static PixelEvaluation twoRegions() {
		final PixelEvaluation e = new PixelEvaluation(4);
		e.add(new float[] { .9f, .3f, .5f, .1f, .1f, .3f }, mask(3, "XX.", "..."));
		e.add(new float[] { 0, .6f, 0, 0, 0, .7f }, mask(3, "...", "..X"));
		return e;
	}

	@Test
	void auproOfTwoRegionsComputedByHand() {
		// thresholds, descending: .9 → (FPR 0, PRO ¼); .7 → (0, ¾);
		// .6 → (1/9, ¾); .5 → (2/9, ¾); .3 → (3/9, 1), crossing 0.3 where
		// PRO = ¾ + ¼ · 0.7 = 0.925. Area = ¾ · 2/9 + (0.3 − 2/9) · (¾ +
		// 0.925) / 2 = 1669/7200; divided by 0.3: 1669/2160.
		final PixelEvaluation e = twoRegions();
		assertEquals(2, e.regions());
		assertEquals(12, e.pixels());
		assertEquals(1669.0 / 2160, e.aupro(), 1e-12);
	}

	@Test
	void pixelAurocOfTwoRegionsComputedByHand() {
		// .9 and .7 beat all 9 clean pixels; .3 beats 6 and ties 1: 24.5 of 27
		assertEquals(24.5 / 27, twoRegions().auroc(), 1e-12);
	}

	@Test
	void perfectAndConstantMaps() {
		final PixelEvaluation perfect = new PixelEvaluation();
		perfect.add(new float[] { 1, 0, 0, 1 }, mask(2, "X.", ".X"));
		assertEquals(1.0, perfect.auroc());
		assertEquals(1.0, perfect.aupro(), 1e-12);
		assertEquals(1.0, perfect.aupro(1.0), 1e-12);
		// all ties: one step to (1, 1); area under y = x up to 0.3 is 0.045
		final PixelEvaluation flat = new PixelEvaluation();
		flat.add(new float[] { 2, 2, 2, 2 }, mask(2, "X.", ".."));
		assertEquals(0.5, flat.auroc());
		assertEquals(0.15, flat.aupro(), 1e-12);
		final PixelEvaluation inverted = new PixelEvaluation();
		inverted.add(new float[] { 0, 1, 1, 1 }, mask(2, "X.", ".."));
		assertEquals(0.0, inverted.auroc());
		assertEquals(0.0, inverted.aupro(), 1e-12);
	}

	@Test
	void agreesWithSimpleReferencesOnRandomMapsWithTies() {
		final Random random = new Random(42);
		for (int trial = 0; trial < 20; trial++) {
			final PixelEvaluation e = new PixelEvaluation(8);
			final List<float[]> maps = new ArrayList<>();
			final List<BinaryMask> masks = new ArrayList<>();
			for (int image = 0; image < 4; image++) {
				final boolean[] defect = new boolean[8 * 6];
				if (image > 0) for (int i = 0; i < defect.length; i++)
					defect[i] = random.nextDouble() < 0.25;
				final float[] map = new float[defect.length];
				for (int i = 0; i < map.length; i++)
					map[i] = random.nextInt(12) + (defect[i] ? random.nextInt(6) : 0) -
						4.5f;
				final BinaryMask truth = new BinaryMask(8, 6, defect);
				maps.add(map);
				masks.add(truth);
				e.add(map, truth);
			}
			assertEquals(referenceAuroc(maps, masks), e.auroc(), 1e-12);
			assertEquals(referenceAupro(maps, masks, 0.3), e.aupro(), 1e-12);
			assertEquals(referenceAupro(maps, masks, 1.0), e.aupro(1.0), 1e-12);
		}
	}

	@Test
	void orderedBitsSortLikeFloats() {
		final float[] ascending = { Float.NEGATIVE_INFINITY, -3e8f, -1, -1e-30f, 0,
			1e-30f, 1, 2, Float.POSITIVE_INFINITY };
		for (int i = 1; i < ascending.length; i++)
			assertTrue(PixelEvaluation.orderedBits(ascending[i - 1]) < PixelEvaluation
				.orderedBits(ascending[i]), "at " + ascending[i]);
		assertEquals(PixelEvaluation.orderedBits(0f), PixelEvaluation.orderedBits(
			-0f));
	}

	@Test
	void rejectsBadInput() {
		final PixelEvaluation e = new PixelEvaluation();
		assertThrows(IllegalArgumentException.class, () -> e.add(new float[3],
			BinaryMask.empty(2, 2)));
		assertThrows(IllegalArgumentException.class, () -> e.add(new float[] { 0,
			Float.NaN }, BinaryMask.empty(2, 1)));
		e.add(new float[4], BinaryMask.empty(2, 2));
		assertThrows(IllegalStateException.class, e::auroc);
		assertThrows(IllegalStateException.class, e::aupro);
		assertThrows(IllegalArgumentException.class, () -> e.aupro(0));
	}

	/** The image-level {@link Auroc} over all pixels flattened. */
	private static double referenceAuroc(final List<float[]> maps,
		final List<BinaryMask> masks)
	{
		final List<Double> scores = new ArrayList<>();
		final List<Boolean> labels = new ArrayList<>();
		for (int m = 0; m < maps.size(); m++)
			for (int i = 0; i < maps.get(m).length; i++) {
				scores.add((double) maps.get(m)[i]);
				labels.add(masks.get(m).pixels()[i]);
			}
		final double[] s = new double[scores.size()];
		final boolean[] l = new boolean[s.length];
		for (int i = 0; i < s.length; i++) {
			s[i] = scores.get(i);
			l[i] = labels.get(i);
		}
		return Auroc.of(s, l);
	}

	/**
	 * AUPRO by brute force: at each distinct score t, the mean over regions
	 * of the share of pixels ≥ t and the share of clean pixels ≥ t; the
	 * trapezoid rule with the crossing interpolated.
	 */
	private static double referenceAupro(final List<float[]> maps,
		final List<BinaryMask> masks, final double limit)
	{
		final TreeSet<Float> thresholds = new TreeSet<>();
		for (final float[] m : maps)
			for (final float v : m)
				thresholds.add(v);
		final List<double[]> curve = new ArrayList<>();
		curve.add(new double[] { 0, 0 });
		for (final float t : thresholds.descendingSet()) {
			double overlapSum = 0;
			int regionCount = 0;
			long clean = 0;
			long cleanAbove = 0;
			for (int m = 0; m < maps.size(); m++) {
				final ConnectedRegions r = ConnectedRegions.of(masks.get(m));
				final int[] above = new int[r.count() + 1];
				for (int i = 0; i < maps.get(m).length; i++) {
					final boolean hit = maps.get(m)[i] >= t;
					if (r.labels()[i] == 0) {
						clean++;
						if (hit) cleanAbove++;
					}
					else if (hit) above[r.labels()[i]]++;
				}
				for (int k = 1; k <= r.count(); k++)
					overlapSum += above[k] / (double) r.size(k);
				regionCount += r.count();
			}
			curve.add(new double[] { (double) cleanAbove / clean, overlapSum /
				regionCount });
		}
		curve.add(new double[] { 1, 1 });
		double area = 0;
		for (int i = 1; i < curve.size(); i++) {
			final double[] a = curve.get(i - 1);
			final double[] b = curve.get(i);
			if (b[0] <= limit) area += (b[0] - a[0]) * (a[1] + b[1]) / 2;
			else {
				final double y = a[1] + (b[1] - a[1]) * (limit - a[0]) / (b[0] - a[0]);
				area += (limit - a[0]) * (a[1] + y) / 2;
				break;
			}
		}
		return area / limit;
	}
}
