package io.github.tailedcore.importance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tailedcore.Progress;
import io.github.tailedcore.feature.FeatureGrid;
import io.github.tailedcore.feature.PatchFeatures;
import io.github.tailedcore.linalg.FeatureMatrix;
import io.github.tailedcore.memory.MemoryBank;
import io.github.tailedcore.preprocess.TileOwners;
import io.github.tailedcore.threshold.LeaveOneOutThreshold;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** Tests {@link ImageImportance}: its scores, weights and their uses. */
class ImageImportanceTest {

	private static final FeatureGrid GRID = new FeatureGrid(2, 2, 3, 16);

	@Test
	void weightsPerPoolImageAndScoreWeights() {
		final ImageImportance importance = new ImageImportance(new double[] { 1, 2,
			3 }, new double[] { 0.5, 2, 4 });
		assertArrayEquals(new double[] { 4, 0.5, 0.5, 2 }, importance.weightsOf(
			new int[] { 2, 0, 0, 1 }));
		// min(1, 1 / w): weights below 1 never raise a score
		assertArrayEquals(new float[] { 0.25f, 1, 0.5f }, importance.scoreWeights(
			new int[] { 2, 0, 1 }, null));
		assertArrayEquals(new float[] { 0.75f, 0.5f, 1 }, importance.scoreWeights(
			new int[] { 2, 0, 1 }, new float[] { 3, 0.5f, 2 }));
		assertEquals(0, importance.weightsOf(new int[0]).length);
	}

	@Test
	void returnsCopies() {
		final double[] scores = { 1, 2 };
		final double[] weights = { 3, 4 };
		final ImageImportance importance = new ImageImportance(scores, weights);
		scores[0] = 9;
		weights[0] = 9;
		importance.scores()[1] = 9;
		importance.weights()[1] = 9;
		assertArrayEquals(new double[] { 1, 2 }, importance.scores());
		assertArrayEquals(new double[] { 3, 4 }, importance.weights());
		assertThrows(IllegalArgumentException.class, () -> new ImageImportance(
			new double[2], new double[3]));
	}

	/**
	 * The scores are the leave-one-image-out mean patch scores of every
	 * training image, and the weights those the weighting gives them.
	 */
	@Test
	void estimateScoresEveryImageWithItselfLeftOut() {
		final Random random = new Random(3);
		final PatchFeatures features = new PatchFeatures(GRID);
		final int values = GRID.locations() * GRID.dims();
		final float[] data = new float[6 * values];
		for (int i = 0; i < 6; i++) {
			final float[] p = new float[values];
			for (int k = 0; k < values; k++)
				p[k] = (float) random.nextGaussian() * (i == 5 ? 3 : 1);
			features.add(p, null);
			System.arraycopy(p, 0, data, i * values, values);
		}
		final MemoryBank memory = new MemoryBank(new FeatureMatrix(6 * GRID
			.locations(), GRID.dims(), data), null, 0);
		final int[] origins = IntStream.range(0, memory.size()).map(r -> r / GRID
			.locations()).toArray();
		final ImportanceWeights weighting = ImportanceWeights.defaults();
		final ImageImportance importance = ImageImportance.estimate(memory, origins,
			features, TileOwners.untiled(6), weighting, Progress.none());
		final double[] expected = LeaveOneOutThreshold.meanPatchScores(memory,
			origins, features, IntStream.range(0, 6).toArray(), Progress.none());
		assertArrayEquals(expected, importance.scores());
		assertArrayEquals(weighting.weights(expected), importance.weights());
		assertTrue(importance.scores()[5] > importance.scores()[0],
			"the spread-out image scores highest");
		final int[] oneImage = new int[memory.size()];
		Arrays.fill(oneImage, 3);
		final IllegalArgumentException e = assertThrows(
			IllegalArgumentException.class, () -> ImageImportance.estimate(memory,
				oneImage, features, TileOwners.untiled(6), weighting, Progress
					.none()));
		assertTrue(e.getMessage().contains("all come from image 3"), e
			.getMessage());
	}

	/**
	 * Tiled, each tile is scored with every tile of its image left out: the
	 * brute-force reference below. Image 0's two tiles show the same pixels
	 * (as overlapping tiles do), so leaving one tile out alone would score it
	 * 0 against its twin; with its image left out it scores as an unseen tile
	 * must.
	 */
	@Test
	void tiledFitLeavesOutTheWholeImage() {
		final Random random = new Random(11);
		final int values = GRID.locations() * GRID.dims();
		final TileOwners tiles = new TileOwners(new int[] { 0, 2, 3, 6, 8 });
		final float[][] tile = new float[tiles.tileCount()][values];
		for (int u = 0; u < tile.length; u++)
			for (int k = 0; k < values; k++)
				tile[u][k] = (float) random.nextGaussian();
		tile[1] = tile[0].clone();
		final PatchFeatures features = new PatchFeatures(GRID);
		final float[] data = new float[tile.length * values];
		for (int u = 0; u < tile.length; u++) {
			features.add(tile[u], null);
			System.arraycopy(tile[u], 0, data, u * values, values);
		}
		final MemoryBank memory = new MemoryBank(new FeatureMatrix(tile.length *
			GRID.locations(), GRID.dims(), data), null, 0);
		final int[] origins = IntStream.range(0, memory.size()).map(r -> r / GRID
			.locations()).toArray();
		final ImageImportance importance = ImageImportance.estimate(memory, origins,
			features, tiles, ImportanceWeights.defaults(), Progress.none());

		final double[] expected = new double[tile.length];
		for (int u = 0; u < tile.length; u++) {
			double sum = 0;
			for (int p = 0; p < GRID.locations(); p++) {
				double best = Double.POSITIVE_INFINITY;
				for (int r = 0; r < memory.size(); r++) {
					if (tiles.owner(origins[r]) == tiles.owner(u)) continue;
					double d = 0;
					for (int c = 0; c < GRID.dims(); c++) {
						final double diff = tile[u][p * GRID.dims() + c] - data[r * GRID
							.dims() + c];
						d += diff * diff;
					}
					best = Math.min(best, d);
				}
				sum += best;
			}
			expected[u] = sum / GRID.locations();
		}
		assertEquals(tile.length, importance.scores().length);
		for (int u = 0; u < tile.length; u++)
			assertEquals(expected[u], importance.scores()[u], 1e-4 * expected[u],
				"tile " + u);
		assertTrue(importance.scores()[0] > 0.1, "a tile is not vouched for by " +
			"its twin of the same image: " + importance.scores()[0]);
		assertEquals(0, LeaveOneOutThreshold.meanPatchScores(memory, origins,
			features, new int[] { 0 }, Progress.none())[0], 1e-6,
			"left out alone, the tile finds its twin");
	}
}
