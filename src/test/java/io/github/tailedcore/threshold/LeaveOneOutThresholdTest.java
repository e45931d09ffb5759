package io.github.tailedcore.threshold;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tailedcore.CanceledProgress;
import io.github.tailedcore.Progress;
import io.github.tailedcore.Threshold;
import io.github.tailedcore.feature.FeatureGrid;
import io.github.tailedcore.feature.PatchFeatures;
import io.github.tailedcore.linalg.FeatureMatrix;
import io.github.tailedcore.memory.MemoryBank;
import io.github.tailedcore.scoring.ImageNeighbors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.stream.IntStream;

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

	/** The mean of the same distances over the image's patches. */
	private static double referenceMean(final PatchFeatures f, final int image) {
		double sum = 0;
		for (int l = 0; l < GRID.locations(); l++)
			sum += nearestOther(f, image, l);
		return sum / GRID.locations();
	}

	/**
	 * The max over the image's patches of the distance to the nearest patch
	 * of another image times that patch's weight (memory row j · L + m).
	 */
	private static double referenceWeighted(final PatchFeatures f,
		final int image, final float[] weights)
	{
		double max = 0;
		for (int l = 0; l < GRID.locations(); l++) {
			final int row = nearestOtherRow(f, image, l);
			max = Math.max(max, (float) (distance(f, image, l, row) * weights[row]));
		}
		return max;
	}

	/** Squared distance from patch l of the image to the nearest patch of another image. */
	private static double nearestOther(final PatchFeatures f, final int image,
		final int l)
	{
		return distance(f, image, l, nearestOtherRow(f, image, l));
	}

	/** The memory row (j · L + m) of that nearest patch. */
	private static int nearestOtherRow(final PatchFeatures f, final int image,
		final int l)
	{
		double min = Double.POSITIVE_INFINITY;
		int best = -1;
		for (int row = 0; row < f.imageCount() * GRID.locations(); row++) {
			if (row / GRID.locations() == image) continue;
			final double s = distance(f, image, l, row);
			if (s < min) {
				min = s;
				best = row;
			}
		}
		return best;
	}

	/** Squared distance from patch l of the image to memory row j · L + m. */
	private static double distance(final PatchFeatures f, final int image,
		final int l, final int row)
	{
		final int d = GRID.dims();
		final float[] other = f.patches(row / GRID.locations());
		final int m = row % GRID.locations();
		double s = 0;
		for (int k = 0; k < d; k++) {
			final double diff = f.patches(image)[l * d + k] - other[m * d + k];
			s += diff * diff;
		}
		return s;
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

	@Test
	void argumentChecksAtTheirEdges() {
		new LeaveOneOutThreshold(1, 0, 0);
		new LeaveOneOutThreshold(1, 1, 0);
		assertThrows(IllegalArgumentException.class, () -> new LeaveOneOutThreshold(
			0, 0.5, 0));
		assertThrows(IllegalArgumentException.class, () -> new LeaveOneOutThreshold(
			1, Math.nextDown(0.0), 0));
		assertThrows(IllegalArgumentException.class, () -> new LeaveOneOutThreshold(
			1, Math.nextUp(1.0), 0));
		assertThrows(IllegalArgumentException.class, () -> new LeaveOneOutThreshold(
			1, Double.NaN, 0));
	}

	/**
	 * Which images are drawn: all usable ones when they are few (not the one
	 * that owns every memory row), else a sorted draw without replacement
	 * that depends on the seed and is uniform over the images.
	 */
	@Test
	void drawsImagesUniformlyBySeed() {
		final int[] onlyTwo = new int[8];
		Arrays.fill(onlyTwo, 2);
		assertArrayEquals(new int[] { 0, 1, 3, 4 }, new LeaveOneOutThreshold(9,
			0.5, 0).sample(5, onlyTwo));
		final int[] origins = IntStream.range(0, 10).toArray();
		assertArrayEquals(origins, new LeaveOneOutThreshold(10, 0.5, 0).sample(10,
			origins));
		final int[] counts = new int[10];
		final Set<String> draws = new HashSet<>();
		for (long seed = 0; seed < 3000; seed++) {
			final int[] drawn = new LeaveOneOutThreshold(3, 0.5, seed).sample(10,
				origins);
			assertEquals(3, drawn.length);
			assertTrue(drawn[0] < drawn[1] && drawn[1] < drawn[2], Arrays
				.toString(drawn));
			assertArrayEquals(drawn, new LeaveOneOutThreshold(3, 0.5, seed).sample(
				10, origins), "the same seed draws the same images");
			draws.add(Arrays.toString(drawn));
			for (final int image : drawn)
				counts[image]++;
		}
		// 3000 draws of 3 of 10: each image about 900 times (σ ≈ 25)
		for (int image = 0; image < 10; image++)
			assertTrue(counts[image] > 780 && counts[image] < 1020, "image " + image +
				" drawn " + counts[image] + " times");
		assertEquals(120, draws.size(), "every one of the C(10, 3) draws occurs");
	}

	/**
	 * 17 images: two searches (16 + 1); progress reports each, and the mean
	 * patch score and a memory's weights are applied per patch; a NaN patch
	 * makes the image score NaN.
	 */
	@Test
	void searchesInGroupsAndWeighsAndAveragesPatchScores() {
		final PatchFeatures f = randomImages(17, 8);
		final MemoryBank plain = allPatches(f);
		final float[] weights = new float[plain.size()];
		for (int r = 0; r < weights.length; r++)
			weights[r] = 1 + r % 3;
		final MemoryBank weighted = new MemoryBank(plain.vectors(), weights, 0);
		final int[] origins = originsOfAllPatches(17);
		final int[] images = IntStream.range(0, 17).toArray();
		final List<String> updates = new ArrayList<>();
		final Progress recorder = new Progress() {

			@Override
			public void stage(final String name) {}

			@Override
			public void update(final long done, final long total) {
				updates.add(done + "/" + total);
			}

			@Override
			public boolean isCanceled() {
				return false;
			}
		};
		final double[] max = LeaveOneOutThreshold.scores(plain, origins, f,
			images, recorder);
		assertEquals(List.of("16/17", "17/17"), updates);
		final double[] weightedScores = LeaveOneOutThreshold.scores(weighted,
			origins, f,
			images, Progress.none());
		final double[] mean = LeaveOneOutThreshold.meanPatchScores(plain, origins,
			f, images, Progress.none());
		for (final int i : new int[] { 0, 15, 16 }) {
			assertEquals(reference(f, i), max[i], 1e-5);
			assertEquals(referenceWeighted(f, i, weights),
				weightedScores[i], 1e-5);
			assertEquals(referenceMean(f, i), mean[i], 1e-5);
		}
		final PatchFeatures sixteen = randomImages(16, 9);
		updates.clear();
		LeaveOneOutThreshold.scores(allPatches(sixteen), originsOfAllPatches(16),
			sixteen, IntStream.range(0, 16).toArray(), recorder);
		assertEquals(List.of("16/16"), updates);
	}

	@Test
	void aNaNPatchGivesANaNImageScore() {
		final PatchFeatures f = randomImages(3, 10);
		final float[] data = allPatches(f).vectors().data().clone();
		data[GRID.dims() + 1] = Float.NaN; // image 0, location 1
		final PatchFeatures withNaN = new PatchFeatures(GRID);
		for (int i = 0; i < 3; i++)
			withNaN.add(Arrays.copyOfRange(data, i * GRID.locations() * GRID
				.dims(), (i + 1) * GRID.locations() * GRID.dims()), null);
		final double[] s = LeaveOneOutThreshold.scores(allPatches(f),
			originsOfAllPatches(3), withNaN, new int[] { 0, 1 }, Progress.none());
		assertTrue(Double.isNaN(s[0]), "score " + s[0]);
		assertEquals(reference(f, 1), s[1], 1e-5);
	}

	@Test
	void aCanceledRunStops() {
		final PatchFeatures f = randomImages(3, 11);
		assertThrows(CancellationException.class,
			() -> LeaveOneOutThreshold.scores(allPatches(f), originsOfAllPatches(3),
				f, new int[] { 0 }, new CanceledProgress()));
		assertThrows(IllegalArgumentException.class, () -> LeaveOneOutThreshold
			.scores(allPatches(f), new int[2], f, new int[] { 0 }, Progress.none()));
	}
}
