package io.github.tailedcore.noise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tailedcore.CanceledProgress;
import io.github.tailedcore.Progress;
import io.github.tailedcore.feature.FeatureGrid;
import io.github.tailedcore.feature.PatchFeatures;
import io.github.tailedcore.linalg.FeatureMatrix;
import io.github.tailedcore.sampling.RandomProjection;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** Tests {@link LofNoiseFilter} (spec §12.8). */
public class LofNoiseFilterTest {

	private static final int IMAGES = 20;
	private static final FeatureGrid GRID = new FeatureGrid(3, 3, 8, 224);
	private static final int LOCATIONS = 9;
	private static final int NOISY_IMAGE = 7;
	private static final int NOISY_LOCATION = 4;

	/**
	 * N = 20 images × L = 9 locations of Gaussian vectors, except that image
	 * 7 has a far-out vector at location 4. That patch has the highest score
	 * and is removed; exactly the patches scoring below the linear 0.85
	 * quantile remain. With 180 scores, h = 179 · 0.85 = 152.15, so
	 * τ = s₁₅₂ + 0.15 · (s₁₅₃ − s₁₅₂) of the sorted scores s, and at most 153
	 * patches (85 %) are kept, fewer only where scores tie at s₁₅₂ (a mutual
	 * pair of neighbours can share its LOF exactly).
	 */
	@Test
	public void testFarOutPatchIsRemovedAndQuantileRuleHolds() {
		final NoiseFilterResult result = new LofNoiseFilter(4, 6, 0.15, 5).filter(
			noisyFeatures(), Progress.none());
		final float[] scores = result.scores();
		final long noisy = NOISY_IMAGE * LOCATIONS + NOISY_LOCATION;
		assertFalse(result.isKept(noisy));
		for (int g = 0; g < scores.length; g++)
			if (g != noisy) assertTrue(scores[g] < scores[(int) noisy]);

		final double[] sorted = new double[scores.length];
		for (int g = 0; g < scores.length; g++)
			sorted[g] = scores[g];
		Arrays.sort(sorted);
		final double tau = sorted[152] + 0.15 * (sorted[153] - sorted[152]);
		assertEquals(tau, result.threshold(), 1e-12 * tau);
		final long[] expectedKept = IntStream.range(0, scores.length).filter(
			g -> scores[g] < tau).asLongStream().toArray();
		assertArrayEquals(expectedKept, result.keptIndices());
		assertTrue(result.keptCount() <= 153 && result.keptCount() >= 150,
			"about 85 % kept, got " + result.keptCount());
		assertEquals(180, result.patchCount());
		assertEquals(180 - result.keptCount(), result.droppedCount());
	}

	/**
	 * Score g = i · L + p is the LOF of image i among the projected vectors
	 * of all images at location p, with the filter's seeded projection.
	 */
	@Test
	public void testScoresArePerLocationLof() {
		final PatchFeatures features = noisyFeatures();
		final NoiseFilterResult result = new LofNoiseFilter(4, 6, 0.15, 5).filter(
			features, Progress.none());
		final RandomProjection projection = new RandomProjection(8, 4, 5);
		final LocalOutlierFactor lof = new LocalOutlierFactor(6);
		for (int p = 0; p < LOCATIONS; p++) {
			final double[] expected = lof.scores(projection.apply(atLocation(
				features, p)));
			for (int i = 0; i < IMAGES; i++)
				assertEquals((float) expected[i], result.score(i * LOCATIONS + p));
		}
		final float[] kept = result.keptScores();
		for (int k = 0; k < kept.length; k++)
			assertEquals(result.score(result.keptIndices()[k]), kept[k]);
	}

	/** With d = D the official code does not project: LOF of the raw vectors. */
	@Test
	public void testNoProjectionWhenDimensionsAgree() {
		final PatchFeatures features = noisyFeatures();
		final NoiseFilterResult result = new LofNoiseFilter(8, 6, 0.15, 5).filter(
			features, Progress.none());
		final double[] expected = new LocalOutlierFactor(6).scores(atLocation(
			features, 2));
		for (int i = 0; i < IMAGES; i++)
			assertEquals((float) expected[i], result.score(i * LOCATIONS + 2));
	}

	@Test
	public void testSameSeedSameResult() {
		final PatchFeatures features = noisyFeatures();
		final NoiseFilterResult a = new LofNoiseFilter(4, 6, 0.15, 9).filter(
			features, Progress.none());
		final NoiseFilterResult b = new LofNoiseFilter(4, 6, 0.15, 9).filter(
			features, Progress.none());
		assertArrayEquals(a.scores(), b.scores());
		assertArrayEquals(a.keptIndices(), b.keptIndices());
	}

	/** Drop fraction 0 keeps every patch, the maximum included. */
	@Test
	public void testZeroDropFractionKeepsAll() {
		final NoiseFilterResult result = new LofNoiseFilter(4, 6, 0, 5).filter(
			noisyFeatures(), Progress.none());
		assertEquals(180, result.keptCount());
		assertEquals(0, result.droppedCount());
		assertTrue(result.isKept(NOISY_IMAGE * LOCATIONS + NOISY_LOCATION));
	}

	/** Constant features: every LOF is 1, none below τ = 1, all kept. */
	@Test
	public void testEqualScoresKeepAll() {
		final PatchFeatures features = new PatchFeatures(GRID);
		for (int i = 0; i < 10; i++) {
			final float[] patches = new float[LOCATIONS * 8];
			Arrays.fill(patches, 3);
			features.add(patches, null);
		}
		final NoiseFilterResult result = new LofNoiseFilter(4, 6, 0.15, 5).filter(
			features, Progress.none());
		assertEquals(1, result.threshold(), 1e-9);
		assertEquals(90, result.keptCount());
	}

	@Test
	public void testProgressAndCancellation() {
		final AtomicInteger updates = new AtomicInteger();
		final Progress counting = new Progress() {

			@Override
			public void stage(final String name) {}

			@Override
			public void update(final long done, final long total) {
				assertEquals(LOCATIONS, total);
				assertEquals(updates.incrementAndGet(), done, "in increasing order");
			}

			@Override
			public boolean isCanceled() {
				return false;
			}
		};
		final LofNoiseFilter filter = new LofNoiseFilter(4, 6, 0.15, 5);
		filter.filter(noisyFeatures(), counting);
		assertEquals(LOCATIONS, updates.get());
		final Progress canceled = new CanceledProgress();
		assertThrows(CancellationException.class, () -> filter.filter(
			noisyFeatures(), canceled));
	}

	@Test
	public void testInvalidSettings() {
		assertThrows(IllegalArgumentException.class, () -> new LofNoiseFilter(4, 6,
			1, 5));
		assertThrows(IllegalArgumentException.class, () -> new LofNoiseFilter(4, 6,
			-0.1, 5));
		assertThrows(IllegalArgumentException.class, () -> new LofNoiseFilter(0, 6,
			0.15, 5));
		assertThrows(IllegalArgumentException.class, () -> new LofNoiseFilter(4, 0,
			0.15, 5));
		assertThrows(IllegalArgumentException.class, () -> new LofNoiseFilter(4, 6,
			0.15, 5).filter(new PatchFeatures(GRID), Progress.none()));
	}

	/** Gaussian patches, image 7 far out (all 40) at location 4. */
	private static PatchFeatures noisyFeatures() {
		final Random random = new Random(42);
		final PatchFeatures features = new PatchFeatures(GRID);
		for (int i = 0; i < IMAGES; i++) {
			final float[] patches = new float[LOCATIONS * 8];
			for (int v = 0; v < patches.length; v++)
				patches[v] = (float) random.nextGaussian();
			if (i == NOISY_IMAGE) Arrays.fill(patches, NOISY_LOCATION * 8,
				NOISY_LOCATION * 8 + 8, 40);
			features.add(patches, null);
		}
		return features;
	}

	private static FeatureMatrix atLocation(final PatchFeatures features,
		final int p)
	{
		final float[] vectors = new float[features.imageCount() * 8];
		for (int i = 0; i < features.imageCount(); i++)
			System.arraycopy(features.patches(i), p * 8, vectors, i * 8, 8);
		return new FeatureMatrix(features.imageCount(), 8, vectors);
	}

	/**
	 * The streaming fit's entry: patches projected as they streamed past,
	 * row g = image · L + location, give the same result as the features.
	 */
	@Test
	public void testProjectedRowsGiveTheSameResult() {
		final PatchFeatures features = noisyFeatures();
		final LofNoiseFilter filter = new LofNoiseFilter(4, 6, 0.15, 5);
		final NoiseFilterResult direct = filter.filter(features, Progress.none());
		final FeatureMatrix projected = filter.projection(GRID.dims()).apply(
			features);
		final NoiseFilterResult streamed = filter.filter(projected, LOCATIONS,
			Progress.none());
		assertArrayEquals(direct.scores(), streamed.scores());
		assertArrayEquals(direct.keptIndices(), streamed.keptIndices());
		assertEquals(direct.threshold(), streamed.threshold());
		assertThrows(IllegalArgumentException.class, () -> filter.filter(
			new FeatureMatrix(10, 4, new float[40]), LOCATIONS, Progress.none()));
		assertThrows(IllegalArgumentException.class, () -> filter.filter(
			new FeatureMatrix(0, 4, new float[0]), LOCATIONS, Progress.none()));
	}

	/**
	 * τ is the (1 − f)-quantile and only scores strictly below it are kept:
	 * of {3, 2, 1, 2, 2} with f = 0.5, τ = 2 and only the 1 stays.
	 */
	@Test
	public void testScoresEqualToTheThresholdAreDropped() {
		final NoiseFilterResult r = new LofNoiseFilter(4, 6, 0.5, 0).threshold(
			new float[] { 3, 2, 1, 2, 2 });
		assertEquals(2, r.threshold());
		assertArrayEquals(new long[] { 2 }, r.keptIndices());
		assertArrayEquals(new float[] { 1 }, r.keptScores());
		assertTrue(r.isKept(2));
		assertFalse(r.isKept(1));
		assertFalse(r.isKept(0));
		assertEquals("kept 1 of 5 patches (LOF < τ = 2.0)", r.toString());
		// nothing below τ: everything is kept
		assertArrayEquals(new long[] { 0, 1, 2 }, new LofNoiseFilter(4, 6, 0.5, 0)
			.threshold(new float[] { 2, 2, 2 }).keptIndices());
	}

	@Test
	public void testSettingsAtTheirEdges() {
		new LofNoiseFilter(1, 1, 0, 0);
		new LofNoiseFilter(1, 1, Math.nextDown(1.0), 0);
		assertThrows(IllegalArgumentException.class, () -> new LofNoiseFilter(0, 1,
			0, 0));
		assertThrows(IllegalArgumentException.class, () -> new LofNoiseFilter(1, 1,
			1, 0));
		assertThrows(IllegalArgumentException.class, () -> new LofNoiseFilter(1, 1,
			-Double.MIN_VALUE, 0));
	}

	/**
	 * One clean kind: Gaussian patches of 60 images. The adaptive rule keeps
	 * every patch, the fixed rule drops about 15 % of them.
	 */
	@Test
	public void testAdaptiveKeepsACleanKind() {
		final PatchFeatures clean = gaussian(60, new Random(3));
		final NoiseFilterResult adaptive = new LofNoiseFilter(8, 6, 0.15,
			NoiseThreshold.ADAPTIVE, 5).filter(clean, Progress.none());
		assertEquals(60 * LOCATIONS, adaptive.keptCount());
		assertEquals(NoiseThreshold.OUTLIER_LOF, adaptive.threshold());
		final NoiseFilterResult fixed = new LofNoiseFilter(8, 6, 0.15,
			NoiseThreshold.FIXED, 5).filter(clean, Progress.none());
		assertEquals(Math.floor(0.15 * 60 * LOCATIONS), fixed.droppedCount(), 2);
	}

	/**
	 * The same kind with outlier patches planted in three images (one far-out
	 * vector each at two locations): the adaptive rule drops exactly those six
	 * patches, the fixed rule them and about 15 % of the clean ones.
	 */
	@Test
	public void testAdaptiveDropsPlantedOutliers() {
		final PatchFeatures features = new PatchFeatures(GRID);
		final PatchFeatures clean = gaussian(60, new Random(3));
		final long[] planted = { 5L * LOCATIONS + 1, 5L * LOCATIONS + 6,
			17L * LOCATIONS + 0, 17L * LOCATIONS + 4, 42L * LOCATIONS + 2,
			42L * LOCATIONS + 8 };
		for (int i = 0; i < 60; i++) {
			final float[] patches = clean.patches(i).clone();
			for (final long g : planted)
				if (g / LOCATIONS == i) Arrays.fill(patches, (int) (g % LOCATIONS) * 8,
					(int) (g % LOCATIONS) * 8 + 8, 12 + (float) (g % LOCATIONS));
			features.add(patches, null);
		}
		final NoiseFilterResult adaptive = new LofNoiseFilter(8, 6, 0.15,
			NoiseThreshold.ADAPTIVE, 5).filter(features, Progress.none());
		assertEquals(planted.length, adaptive.droppedCount());
		for (final long g : planted) {
			assertFalse(adaptive.isKept(g));
			assertTrue(adaptive.score(g) > NoiseThreshold.OUTLIER_LOF);
		}
		final NoiseFilterResult fixed = new LofNoiseFilter(8, 6, 0.15,
			NoiseThreshold.FIXED, 5).filter(features, Progress.none());
		for (final long g : planted)
			assertFalse(fixed.isKept(g));
		assertTrue(fixed.droppedCount() > 0.14 * 60 * LOCATIONS);
		assertArrayEquals(fixed.scores(), adaptive.scores());
	}

	/**
	 * The fixed rule is the paper's filter: the four-argument constructor,
	 * the same τ and kept set, scores equal to per-location LOF
	 * ({@link #testScoresArePerLocationLof()}).
	 */
	@Test
	public void testFixedRuleIsThePapersFilter() {
		final NoiseFilterResult paper = new LofNoiseFilter(4, 6, 0.15, 5).filter(
			noisyFeatures(), Progress.none());
		final NoiseFilterResult fixed = new LofNoiseFilter(4, 6, 0.15,
			NoiseThreshold.FIXED, 5).filter(noisyFeatures(), Progress.none());
		assertArrayEquals(paper.scores(), fixed.scores());
		assertArrayEquals(paper.keptIndices(), fixed.keptIndices());
		assertEquals(paper.threshold(), fixed.threshold());
	}

	/**
	 * The adaptive rule on given scores, f = 0.5: below 2 everything is kept
	 * ({1, 1.1, 1.2, 1.9, 2.1}: τ = 1.2, only 2.1 goes; LOF exactly 2 is no
	 * outlier); where τ ≥ 2 it drops what the fixed rule drops, never more
	 * than the share f.
	 */
	@Test
	public void testAdaptiveRuleDropsOutliersAtMostTheShare() {
		final LofNoiseFilter adaptive = new LofNoiseFilter(4, 6, 0.5,
			NoiseThreshold.ADAPTIVE, 0);
		final NoiseFilterResult low = adaptive.threshold(new float[] { 1, 1.1f,
			1.2f, 1.9f, 2.1f });
		assertArrayEquals(new long[] { 0, 1, 2, 3 }, low.keptIndices());
		assertEquals(2, low.threshold());
		assertArrayEquals(new long[] { 0, 1, 2, 3 }, adaptive.threshold(
			new float[] { 1, 1, 2, 2, 3 }).keptIndices());
		final float[] high = { 1, 2.5f, 3, 4, 5 };
		final NoiseFilterResult capped = adaptive.threshold(high);
		final NoiseFilterResult fixed = new LofNoiseFilter(4, 6, 0.5,
			NoiseThreshold.FIXED, 0).threshold(high);
		assertArrayEquals(new long[] { 0, 1 }, capped.keptIndices());
		assertArrayEquals(fixed.keptIndices(), capped.keptIndices());
		assertEquals(3, capped.threshold());
		// drop fraction 0 keeps even outliers
		assertEquals(5, new LofNoiseFilter(4, 6, 0, NoiseThreshold.ADAPTIVE, 0)
			.threshold(high).keptCount());
	}

	@Test
	public void testNoiseThresholdLabels() {
		assertEquals(NoiseThreshold.ADAPTIVE, NoiseThreshold.parse(" Adaptive "));
		assertEquals(NoiseThreshold.FIXED, NoiseThreshold.parse("fixed"));
		final IllegalArgumentException e = assertThrows(
			IllegalArgumentException.class, () -> NoiseThreshold.parse("paper"));
		assertTrue(e.getMessage().contains("adaptive or fixed"), e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> new LofNoiseFilter(4,
			6, 0.15, null, 0));
	}

	/** Gaussian patches of {@code n} images. */
	private static PatchFeatures gaussian(final int n, final Random random) {
		final PatchFeatures features = new PatchFeatures(GRID);
		for (int i = 0; i < n; i++) {
			final float[] patches = new float[LOCATIONS * 8];
			for (int v = 0; v < patches.length; v++)
				patches[v] = (float) random.nextGaussian();
			features.add(patches, null);
		}
		return features;
	}

	/** The kept indices must be in range and strictly ascending. */
	@Test
	public void testResultChecksItsIndices() {
		final float[] scores = new float[3];
		assertEquals(2, new NoiseFilterResult(scores, 0, new long[] { 0, 2 })
			.keptCount());
		new NoiseFilterResult(scores, 0, new long[] { 2 });
		assertThrows(IllegalArgumentException.class, () -> new NoiseFilterResult(
			scores, 0, new long[] { -1 }));
		assertThrows(IllegalArgumentException.class, () -> new NoiseFilterResult(
			scores, 0, new long[] { 3 }));
		assertThrows(IllegalArgumentException.class, () -> new NoiseFilterResult(
			scores, 0, new long[] { 1, 1 }));
		assertThrows(IllegalArgumentException.class, () -> new NoiseFilterResult(
			scores, 0, new long[] { 2, 1 }));
	}
}
