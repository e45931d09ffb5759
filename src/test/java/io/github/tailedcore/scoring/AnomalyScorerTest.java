package io.github.tailedcore.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tailedcore.FitSummary;
import io.github.tailedcore.TailedCoreModel;
import io.github.tailedcore.TailedCoreSettings;
import io.github.tailedcore.feature.BackboneId;
import io.github.tailedcore.feature.FeatureGrid;
import io.github.tailedcore.linalg.FeatureMatrix;
import io.github.tailedcore.memory.MemoryBank;
import io.github.tailedcore.search.BruteForceSearch;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Spec §12.10: the scoring identities. */
class AnomalyScorerTest {

	/** 2 × 2 grid of 2-d patches on a 4 px crop. */
	private static final FeatureGrid GRID = new FeatureGrid(2, 2, 2, 4);
	/** M = {(0, 0), (3, 4)}. */
	private static final FeatureMatrix MEMORY = new FeatureMatrix(2, 2,
		new float[] { 0, 0, 3, 4 });
	/** Patches (0,0), (1,2), (3,5), (6,8). */
	private static final float[] PATCHES = { 0, 0, 1, 2, 3, 5, 6, 8 };

	@Test
	void patchScoresAreSquaredDistancesToTheNearestMemoryVector() {
		final AnomalyResult r = new AnomalyScorer(new MemoryBank(MEMORY, null, 0),
			GRID, 0).score(PATCHES);
		// (0,0): 0. (1,2): min(1+4, 4+4) = 5. (3,5): min(9+25, 0+1) = 1.
		// (6,8): min(36+64, 9+16) = 25.
		assertArrayEquals(new float[] { 0, 5, 1, 25 }, r.patchScores());
		assertArrayEquals(new int[] { 0, 0, 1, 1 }, r.nearestIndices());
		assertEquals(25f, r.imageScore());
		assertEquals(3, r.maxLocation());
		assertEquals(1, r.maxRow());
		assertEquals(1, r.maxColumn());
	}

	@Test
	void mapIsBilinearUpsamplingOfThePatchScores() {
		final AnomalyResult r = new AnomalyScorer(new MemoryBank(MEMORY, null, 0),
			GRID, 0).score(PATCHES);
		// [[0, 5], [1, 25]] with weights (1, 0), (.75, .25), (.25, .75), (0, 1)
		// along both axes.
		final float[] expected = { //
			0.00f, 1.2500f, 3.7500f, 5, //
			0.25f, 2.6875f, 7.5625f, 10, //
			0.75f, 5.5625f, 15.1875f, 20, //
			1.00f, 7.0000f, 19.0000f, 25 };
		assertEquals(4, r.mapSize());
		assertArrayEquals(expected, r.map(), 1e-5f);
	}

	@Test
	void mapIsSmoothedWithTheGivenSigma() {
		final FeatureGrid grid = new FeatureGrid(2, 2, 2, 16);
		final AnomalyResult r = new AnomalyScorer(new MemoryBank(MEMORY, null, 0),
			grid, 2).score(PATCHES);
		assertArrayEquals(AnomalyMapGenerator.gaussianFilter(AnomalyMapGenerator
			.upsampleBilinear(new float[] { 0, 5, 1, 25 }, 2, 2, 16, 16), 16, 16, 2),
			r.map());
	}

	@Test
	void softPatchWeightMultipliesTheDistanceBeforeTheMax() {
		final MemoryBank weighted = new MemoryBank(MEMORY, new float[] { 2, 0.1f },
			0);
		final AnomalyResult r = new AnomalyScorer(weighted, GRID, 0).score(PATCHES);
		// 0·2, 5·2, 1·0.1, 25·0.1: the maximum moves to location 1.
		assertArrayEquals(new float[] { 0, 10, 0.1f, 2.5f }, r.patchScores(),
			1e-6f);
		assertEquals(10f, r.imageScore());
		assertEquals(1, r.maxLocation());
	}

	@Test
	void aPatchIdenticalToAMemoryVectorScoresExactlyZero() {
		final Random random = new Random(3);
		final FeatureGrid grid = new FeatureGrid(4, 5, 32, 20);
		final FeatureMatrix memory = randomMatrix(random, 60, 32);
		final float[] patches = randomMatrix(random, grid.locations(), 32).data();
		System.arraycopy(memory.data(), 17 * 32, patches, 6 * 32, 32);
		final AnomalyResult r = new AnomalyScorer(new MemoryBank(memory, null, 0),
			grid, 4).score(patches);
		assertEquals(0f, r.patchScores()[6]);
		assertEquals(17, r.nearestIndices()[6]);
		float max = 0;
		for (final float s : r.patchScores()) {
			assertTrue(s >= 0);
			max = Math.max(max, s);
		}
		assertEquals(max, r.imageScore());
		for (final float v : r.map())
			assertTrue(v >= 0);
	}

	@Test
	void batchGivesTheSameResultsAsSingleImages() {
		final Random random = new Random(5);
		final FeatureGrid grid = new FeatureGrid(3, 3, 8, 12);
		final MemoryBank bank = new MemoryBank(randomMatrix(random, 40, 8),
			null, 0);
		final AnomalyScorer scorer = new AnomalyScorer(bank, new BruteForceSearch(
			bank.vectors()), grid, 1);
		final List<float[]> images = List.of(randomMatrix(random, 9, 8).data(),
			randomMatrix(random, 9, 8).data(), randomMatrix(random, 9, 8).data());
		final List<AnomalyResult> batch = scorer.scoreAll(images);
		assertEquals(3, batch.size());
		for (int i = 0; i < images.size(); i++) {
			final AnomalyResult single = scorer.score(images.get(i));
			assertArrayEquals(single.patchScores(), batch.get(i).patchScores());
			assertArrayEquals(single.nearestIndices(), batch.get(i).nearestIndices());
			assertArrayEquals(single.map(), batch.get(i).map());
		}
	}

	@Test
	void modelScorerUsesTheModelsSigmaAndGrid() {
		final FeatureGrid grid = new FeatureGrid(2, 2, 2, 8);
		final TailedCoreModel model = new TailedCoreModel(TailedCoreSettings
			.builder().gaussianSigma(1).build(), new BackboneId("test", ""), grid,
			new MemoryBank(MEMORY, null, 0), new FitSummary(1, 4, 0, new int[0],
				new int[0], -1, -1, -1, new int[0], 0, 2), null);
		final AnomalyScorer scorer = AnomalyScorer.of(model);
		assertEquals(grid, scorer.grid());
		assertArrayEquals(new AnomalyMapGenerator(8, 1).generate(new float[] { 0,
			5, 1, 25 }, 2, 2), scorer.score(PATCHES).map());
	}

	@Test
	void rejectsMismatchedShapes() {
		final MemoryBank bank = new MemoryBank(MEMORY, null, 0);
		final AnomalyScorer scorer = new AnomalyScorer(bank, GRID, 0);
		assertThrows(IllegalArgumentException.class, () -> scorer.score(
			new float[7]));
		assertThrows(IllegalArgumentException.class, () -> new AnomalyScorer(bank,
			new FeatureGrid(2, 2, 3, 4), 0));
		assertThrows(IllegalArgumentException.class, () -> new AnomalyScorer(bank,
			new BruteForceSearch(FeatureMatrix.zeros(3, 2)), GRID, 0));
	}

	private static FeatureMatrix randomMatrix(final Random random, final int rows,
		final int cols)
	{
		final float[] data = new float[rows * cols];
		for (int k = 0; k < data.length; k++)
			data[k] = (float) random.nextGaussian();
		return new FeatureMatrix(rows, cols, data);
	}
}
