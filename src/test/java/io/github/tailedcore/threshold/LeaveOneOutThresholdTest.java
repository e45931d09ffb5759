package io.github.tailedcore.threshold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tailedcore.Progress;
import io.github.tailedcore.Threshold;
import io.github.tailedcore.feature.FeatureGrid;
import io.github.tailedcore.feature.PatchFeatures;
import io.github.tailedcore.linalg.FeatureMatrix;
import io.github.tailedcore.memory.MemoryBank;
import io.github.tailedcore.scoring.ImageNeighbors;

import java.util.Random;

import org.junit.jupiter.api.Test;

class LeaveOneOutThresholdTest {

	private static final FeatureGrid GRID = new FeatureGrid(2, 2, 3, 16);

	private static PatchFeatures randomImages(final int n, final long seed) {
		final Random random = new Random(seed);
		final PatchFeatures f = new PatchFeatures(GRID);
		for (int i = 0; i < n; i++) {
			final float[] p = new float[GRID.locations() * GRID.dims()];
			for (int k = 0; k < p.length; k++)
				p[k] = (float) random.nextGaussian();
			f.add(p, null);
		}
		return f;
	}

	/** Memory = every patch of every image, origin = its image. */
	private static MemoryBank allPatches(final PatchFeatures f) {
		final int values = GRID.locations() * GRID.dims();
		final float[] data = new float[f.imageCount() * values];
		for (int i = 0; i < f.imageCount(); i++)
			System.arraycopy(f.patches(i), 0, data, i * values, values);
		return new MemoryBank(new FeatureMatrix(f.imageCount() * GRID.locations(),
			GRID.dims(), data), null, 0);
	}

	private static int[] originsOfAllPatches(final int images) {
		final int[] origins = new int[images * GRID.locations()];
		for (int r = 0; r < origins.length; r++)
			origins[r] = r / GRID.locations();
		return origins;
	}

	@Test
	void scoresEachImageAgainstTheOtherImagesOnly() {
		final PatchFeatures f = randomImages(4, 3);
		final double[] scores = LeaveOneOutThreshold.scores(allPatches(f),
			originsOfAllPatches(4), f, new int[] { 0, 2 }, Progress.none());
		assertEquals(reference(f, 0), scores[0], 1e-5);
		assertEquals(reference(f, 2), scores[1], 1e-5);
		assertTrue(scores[0] > 0, "its own patches would give 0");
	}

	/**
	 * Tiles: 6 units, 2 per image, the second tile of each image nearly the
	 * first (as overlapping tiles are alike). Each image is left out with both
	 * its tiles and scores the maximum over them: quantile 1 is the largest
	 * of those, far above what leaving out single tiles gives.
	 */
	@Test
	void aTiledImageIsLeftOutWithAllItsTiles() {
		final PatchFeatures random = randomImages(3, 8);
		final PatchFeatures f = new PatchFeatures(GRID);
		for (int i = 0; i < 3; i++) {
			final float[] p = random.patches(i);
			final float[] neighbour = p.clone();
			for (int k = 0; k < p.length; k++)
				neighbour[k] += 0.01f * (k % 3 - 1);
			f.add(p, null);
			f.add(neighbour, null);
		}
		final int[] firstInputs = { 0, 2, 4, 6 };
		final Threshold t = new LeaveOneOutThreshold(10, 1.0, 0).estimate(
			allPatches(f), originsOfAllPatches(6), f, firstInputs, Progress.none());
		double max = 0;
		for (int u = 0; u < 6; u++)
			max = Math.max(max, reference(f, u, u / 2 * 2, u / 2 * 2 + 1));
		assertEquals(max, t.value(), 1e-5);
		assertTrue(t.value() > 100 * new LeaveOneOutThreshold(10, 1.0, 0)
			.estimate(allPatches(f), originsOfAllPatches(6), f, Progress.none())
			.value(), "leaving a tile's neighbour in makes it look normal");
		assertTrue(t.method().contains("3 of the 3 training images"), t.method());
	}

	/**
	 * Tiles under class-aware scoring: 3 images of 2 near-identical tiles; the
	 * tiles of images 0 and 1 have nearly one embedding, those of image 2
	 * another. Each tile of a left-out image is compared only with the tiles
	 * of its nearest other image's kind (never with its own image's other
	 * tile): images 0 and 1 with each other, image 2 (whose kind has no other
	 * image) with image 1, the nearer of the two.
	 */
	@Test
	void aTiledImageIsConditionedOnTheNearestTilesOfOtherImages() {
		final PatchFeatures random = randomImages(3, 9);
		final PatchFeatures f = new PatchFeatures(GRID);
		final float[][] embeddings = { { 1, 0 }, { 1, 0.01f }, { 0, 1 } };
		for (int i = 0; i < 3; i++) {
			final float[] p = random.patches(i);
			final float[] neighbour = p.clone();
			for (int k = 0; k < p.length; k++)
				neighbour[k] += 0.01f * (k % 3 - 1);
			f.add(p, embeddings[i]);
			f.add(neighbour, embeddings[i]);
		}
		final MemoryBank all = allPatches(f);
		final MemoryBank memory = new MemoryBank(all.vectors(), null, 0,
			originsOfAllPatches(6));
		final float[] e = new float[12];
		for (int u = 0; u < 6; u++)
			System.arraycopy(embeddings[u / 2], 0, e, u * 2, 2);
		final ImageNeighbors neighbors = new ImageNeighbors(new FeatureMatrix(6, 2,
			e));

		final Threshold t = new LeaveOneOutThreshold(10, 1.0, 0).estimate(memory,
			f, new int[] { 0, 2, 4, 6 }, neighbors, 1, Progress.none());

		final int[] against = { 1, 0, 1 };
		double max = 0;
		for (int u = 0; u < 6; u++)
			max = Math.max(max, reference(f, u, 2 * against[u / 2], 2 * against[u /
				2] + 1, true));
		assertEquals(max, t.value(), 1e-5);
		assertTrue(t.method().contains("class-aware"), t.method());
		assertTrue(t.method().contains("maximum over each image's tiles"), t
			.method());
	}

	/** max over the image's patches of the squared distance to the nearest patch of another image. */
	private static double reference(final PatchFeatures f, final int image) {
		return reference(f, image, image, image);
	}

	/**
	 * max over the unit's patches of the squared distance to the nearest
	 * patch of a unit outside [first, last].
	 */
	private static double reference(final PatchFeatures f, final int image,
		final int first, final int last)
	{
		return reference(f, image, first, last, false);
	}

	/**
	 * max over the unit's patches of the squared distance to the nearest
	 * patch of a unit outside [first, last], or, {@code inside}, in it.
	 */
	private static double reference(final PatchFeatures f, final int image,
		final int first, final int last, final boolean inside)
	{
		double max = 0;
		final int d = GRID.dims();
		for (int l = 0; l < GRID.locations(); l++) {
			double min = Double.POSITIVE_INFINITY;
			for (int j = 0; j < f.imageCount(); j++) {
				if ((j >= first && j <= last) != inside) continue;
				for (int m = 0; m < GRID.locations(); m++) {
					double s = 0;
					for (int k = 0; k < d; k++) {
						final double diff = f.patches(image)[l * d + k] - f.patches(j)[m *
							d + k];
						s += diff * diff;
					}
					min = Math.min(min, s);
				}
			}
			max = Math.max(max, min);
		}
		return max;
	}

	@Test
	void theThresholdIsTheQuantileOfTheSampledScores() {
		final PatchFeatures f = randomImages(5, 4);
		final Threshold t = new LeaveOneOutThreshold(10, 1.0, 0).estimate(
			allPatches(f), originsOfAllPatches(5), f, Progress.none());
		double max = 0;
		for (int i = 0; i < 5; i++)
			max = Math.max(max, reference(f, i));
		assertEquals(max, t.value(), 1e-5);
		assertTrue(t.method().contains("5 of the 5 training images"), t.method());
	}

	@Test
	void scoresAtMostTheRequestedNumberOfImages() {
		final PatchFeatures f = randomImages(6, 5);
		final Threshold t = new LeaveOneOutThreshold(2, 0.5, 1).estimate(
			allPatches(f), originsOfAllPatches(6), f, Progress.none());
		assertTrue(t.method().contains("2 of the 6"), t.method());
	}

	@Test
	void oneImageGivesNoThreshold() {
		final PatchFeatures f = randomImages(1, 6);
		assertNull(new LeaveOneOutThreshold(10, 0.95, 0).estimate(allPatches(f),
			originsOfAllPatches(1), f, Progress.none()));
	}
}
