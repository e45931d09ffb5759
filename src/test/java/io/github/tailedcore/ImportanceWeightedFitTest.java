package io.github.tailedcore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tailedcore.feature.BackboneId;
import io.github.tailedcore.feature.FeatureGrid;
import io.github.tailedcore.feature.PatchFeatures;
import io.github.tailedcore.importance.ImportanceWeighting;
import io.github.tailedcore.tail.TailAugmentation;

import java.io.IOException;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The facade with importance weighting on synthetic class clusters: three
 * head classes of 12 tight images each (patch noise 0.05) and a rare, varied
 * class of 4 images (images 36–39, noise 0.4) whose patches the other images
 * cover badly: a long right tail of leave-one-image-out scores.
 */
class ImportanceWeightedFitTest {

	private static final FeatureGrid GRID = new FeatureGrid(4, 4, 16, 32);
	private static final BackboneId BACKBONE = new BackboneId("synthetic",
		"00");
	private static final int RARE_FIRST = 36;
	private static final int IMAGES = 40;

	private static PatchFeatures clusters() {
		final Random random = new Random(1);
		final PatchFeatures features = new PatchFeatures(GRID);
		for (int i = 0; i < IMAGES; i++) {
			final int c = i < RARE_FIRST ? i / 12 : 3;
			final double noise = i < RARE_FIRST ? 0.05 : 0.4;
			final float[] p = new float[GRID.locations() * GRID.dims()];
			for (int l = 0; l < GRID.locations(); l++)
				for (int d = 0; d < GRID.dims(); d++)
					p[l * GRID.dims() + d] = (float) ((d == 4 * c + l % 4 ? 1 : 0) +
						noise * random.nextGaussian());
			final float[] e = new float[8];
			for (int d = 0; d < e.length; d++)
				e[d] = (float) Math.abs((d == c ? 1 : 0) + 0.05 * random
					.nextGaussian());
			features.add(p, e);
		}
		return features;
	}

	private static TailedCoreModel fit(final Method method,
		final ImportanceWeighting weighting, final long seed) throws IOException
	{
		return new TailedCore(TailedCoreSettings.builder().method(method)
			.tailAugmentation(TailAugmentation.NONE).importanceWeighting(weighting)
			.seed(seed).build()).fit(clusters(), BACKBONE, TailViewSource.NONE,
				Progress.none());
	}

	/**
	 * The rare class scores highest leave one image out and gets a larger
	 * mean weight than the head images (the head's own scores have gaps, so
	 * single head images can weigh more than rare ones); the memory changes
	 * but not its size. (Greedy k-center already takes 54 of the rare
	 * class's 64 patches into this 64-row memory, so there is little room
	 * for more; {@code WeightedGreedyCoresetSamplerTest} shows that a heavier
	 * cluster gains picks.)
	 */
	@Test
	void rareImagesGetLargerWeightsAndMoreMemory() throws IOException {
		final TailedCoreModel plain = fit(Method.PATCHCORE,
			ImportanceWeighting.NONE, 0);
		final TailedCoreModel weighted = fit(Method.PATCHCORE,
			ImportanceWeighting.CORESET, 0);
		assertEquals(0, plain.summary().importanceWeights().length);
		final double[] s = weighted.summary().importanceScores();
		final double[] w = weighted.summary().importanceWeights();
		assertEquals(IMAGES, s.length);
		assertEquals(1, Arrays.stream(w).average().getAsDouble(), 1e-12);
		final double headScore = Arrays.stream(s, 0, RARE_FIRST).max().getAsDouble();
		for (int i = RARE_FIRST; i < IMAGES; i++)
			assertTrue(s[i] > headScore, Arrays.toString(s));
		final double headWeight = Arrays.stream(w, 0, RARE_FIRST).average()
			.getAsDouble();
		final double rareWeight = Arrays.stream(w, RARE_FIRST, IMAGES).average()
			.getAsDouble();
		assertTrue(rareWeight > 1.2 * headWeight, Arrays.toString(w));
		assertEquals(plain.memory().size(), weighted.memory().size());
		assertNull(weighted.memory().weights());
		assertFalse(Arrays.equals(plain.memory().vectors().data(), weighted
			.memory().vectors().data()));
	}

	/**
	 * coreset+score keeps the same memory as coreset and multiplies each
	 * row's weight (SoftPatch: its LOF score) by min(1, 1 / w) of its image.
	 */
	@Test
	void scoreWeightsDampRowsOfHeavyImages() throws IOException {
		for (final Method method : Method.values()) {
			final TailedCoreModel coreset = fit(method, ImportanceWeighting.CORESET,
				0);
			final TailedCoreModel scored = fit(method,
				ImportanceWeighting.CORESET_AND_SCORE, 0);
			assertArrayEquals(coreset.memory().vectors().data(), scored.memory()
				.vectors().data(), method.toString());
			final float[] base = coreset.memory().weights();
			final float[] weights = scored.memory().weights();
			boolean damped = false;
			for (int r = 0; r < weights.length; r++) {
				final float before = base == null ? 1 : base[r];
				assertTrue(weights[r] <= before, method + " row " + r);
				damped |= weights[r] < before;
			}
			assertTrue(damped, method + ": no row is damped");
		}
	}

	@Test
	void weightedFitsAreDeterministic() throws IOException {
		for (final Method method : Method.values())
			assertArrayEquals(fit(method, ImportanceWeighting.CORESET, 3).memory()
				.vectors().data(), fit(method, ImportanceWeighting.CORESET, 3)
					.memory().vectors().data(), method.toString());
	}

	@Test
	void oneImageCannotBeWeighted() {
		final PatchFeatures one = new PatchFeatures(GRID);
		one.add(clusters().patches(0), null);
		final IllegalArgumentException e = assertThrows(
			IllegalArgumentException.class, () -> new TailedCore(TailedCoreSettings
				.builder().method(Method.PATCHCORE).importanceWeighting(
					ImportanceWeighting.CORESET).build()).fit(one, BACKBONE,
						TailViewSource.NONE, Progress.none()));
		assertTrue(e.getMessage().contains("at least two training images"), e
			.getMessage());
	}
}
