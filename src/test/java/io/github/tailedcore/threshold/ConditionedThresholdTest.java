package io.github.tailedcore.threshold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tailedcore.Progress;
import io.github.tailedcore.Threshold;
import io.github.tailedcore.feature.FeatureGrid;
import io.github.tailedcore.feature.PatchFeatures;
import io.github.tailedcore.linalg.FeatureMatrix;
import io.github.tailedcore.memory.MemoryBank;
import io.github.tailedcore.scoring.ImageNeighbors;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/**
 * Under class-aware scoring the leave-one-image-out threshold conditions as
 * the scores do: each training image against the rows of its nearest other
 * training images by embedding ({@link ImageNeighbors}). Two kinds, A (images 0–3) and
 * B (4–7); image 0 of A is defective with a patch that looks like B, which
 * B's rows cover under global scoring only.
 */
class ConditionedThresholdTest {

	private static final FeatureGrid GRID = new FeatureGrid(2, 2, 3, 8);
	private static final int K = 2;

	private static PatchFeatures twoKinds() {
		final Random random = new Random(21);
		final PatchFeatures f = new PatchFeatures(GRID);
		for (int i = 0; i < 8; i++) {
			final boolean a = i < 4;
			final float[] p = new float[GRID.locations() * GRID.dims()];
			for (int k = 0; k < p.length; k++)
				p[k] = (k % 3 == (a ? 0 : 2) ? 3 : 0) + 0.2f * (float) random
					.nextGaussian();
			if (i == 0) {
				p[0] = 0;
				p[2] = 3;
			}
			f.add(p, new float[] { a ? 1 : 0, a ? 0 : 1, 0.1f * random
				.nextFloat() });
		}
		return f;
	}

	private static MemoryBank allPatches(final PatchFeatures f) {
		final int values = GRID.locations() * GRID.dims();
		final float[] data = new float[f.imageCount() * values];
		final int[] origins = new int[f.imageCount() * GRID.locations()];
		for (int i = 0; i < f.imageCount(); i++) {
			System.arraycopy(f.patches(i), 0, data, i * values, values);
			Arrays.fill(origins, i * GRID.locations(), (i + 1) * GRID.locations(), i);
		}
		return new MemoryBank(new FeatureMatrix(origins.length, GRID.dims(), data),
			null, 0, origins);
	}

	@Test
	void eachImageAgainstItsNearestOtherImages() {
		final PatchFeatures f = twoKinds();
		final MemoryBank memory = allPatches(f);
		final ImageNeighbors neighbors = new ImageNeighbors(f
			.embeddingMatrix());
		final LeaveOneOutThreshold loo = new LeaveOneOutThreshold(10, 1.0, 0);
		final Threshold conditioned = loo.estimate(memory, f, neighbors, K,
			Progress.none());
		final Threshold global = loo.estimate(memory, f, null, K, Progress.none());
		double max = 0;
		for (int i = 0; i < f.imageCount(); i++)
			max = Math.max(max, reference(f, i, neighbors.nearest(f.embedding(i), i,
				K)));
		assertEquals(max, conditioned.value(), 1e-4);
		assertTrue(conditioned.method().contains("class-aware"), conditioned
			.method());
		assertTrue(conditioned.value() > 4 * global.value(), "B covers image " +
			"0's defect only globally: " + conditioned + " vs " + global);
	}

	/**
	 * Fitted on one kind (embeddings spread around one direction), no image
	 * stands apart, so each left-out image is compared with all other images,
	 * and the class-aware threshold is the global one.
	 */
	@Test
	void oneKindGivesTheGlobalThreshold() {
		final Random random = new Random(22);
		final PatchFeatures f = new PatchFeatures(GRID);
		for (int i = 0; i < 12; i++) {
			final float[] p = new float[GRID.locations() * GRID.dims()];
			for (int k = 0; k < p.length; k++)
				p[k] = (k % 3 == 0 ? 3 : 0) + 0.2f * (float) random.nextGaussian();
			final float[] e = new float[32];
			for (int d = 0; d < e.length; d++)
				e[d] = (d < 4 ? 1 : 0) + 0.15f * (float) random.nextGaussian();
			f.add(p, e);
		}
		final MemoryBank memory = allPatches(f);
		final LeaveOneOutThreshold loo = new LeaveOneOutThreshold(10, 0.95, 0);
		final Threshold global = loo.estimate(memory, f, null, K, Progress.none());
		for (final int k : new int[] { 1, K, 10 }) {
			final Threshold conditioned = loo.estimate(memory, f, new ImageNeighbors(
				f.embeddingMatrix()), k, Progress.none());
			assertEquals(global.value(), conditioned.value(), 1e-6 * global.value(),
				"K = " + k);
		}
	}

	/**
	 * max over image i's patches of the squared distance to the nearest patch
	 * of the given other images (which images is {@link ImageNeighbors}'
	 * part, tested there).
	 */
	private static double reference(final PatchFeatures f, final int image,
		final int[] others)
	{
		assertTrue(others.length >= K && IntStream.of(others).noneMatch(
			j -> j == image));
		double max = 0;
		final int d = GRID.dims();
		for (int l = 0; l < GRID.locations(); l++) {
			double min = Double.POSITIVE_INFINITY;
			for (final int other : others)
				for (int m = 0; m < GRID.locations(); m++) {
					double s = 0;
					for (int k = 0; k < d; k++) {
						final double diff = f.patches(image)[l * d + k] - f.patches(
							other)[m * d + k];
						s += diff * diff;
					}
					min = Math.min(min, s);
				}
			max = Math.max(max, min);
		}
		return max;
	}
}
