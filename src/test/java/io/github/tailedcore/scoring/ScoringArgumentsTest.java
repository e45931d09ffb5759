package io.github.tailedcore.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.tailedcore.feature.FeatureGrid;
import io.github.tailedcore.linalg.FeatureMatrix;
import io.github.tailedcore.memory.MemoryBank;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The scoring classes' argument checks at their edge values (the smallest
 * valid size works, the next one down is refused) and the messages that
 * name the sizes.
 */
class ScoringArgumentsTest {

	@Test
	void oneByOneIsTheSmallestMapAndResampling() {
		assertEquals(1, new AnomalyMapGenerator(1, 0).mapSize());
		assertThrows(IllegalArgumentException.class, () -> new AnomalyMapGenerator(
			0, 0));
		assertArrayEquals(new float[] { 5 }, AnomalyMapGenerator.upsampleBilinear(
			new float[] { 5 }, 1, 1, 1, 1));
		for (final int[] sizes : new int[][] { { 0, 1, 1, 1 }, { 1, 0, 1, 1 }, { 1,
			1, 0, 1 }, { 1, 1, 1, 0 } })
			assertThrows(IllegalArgumentException.class, () -> AnomalyMapGenerator
				.upsampleBilinear(new float[sizes[0] * sizes[1]], sizes[0], sizes[1],
					sizes[2], sizes[3]));
	}

	@Test
	void oneByOneIsTheSmallestResult() {
		final AnomalyResult r = new AnomalyResult(1, 1, new float[] { 2 },
			new int[] { 0 }, 1, new float[] { 2 });
		assertEquals(2, r.imageScore());
		assertThrows(IllegalArgumentException.class, () -> new AnomalyResult(0, 1,
			new float[0], new int[0], 1, new float[1]));
		assertThrows(IllegalArgumentException.class, () -> new AnomalyResult(1, 0,
			new float[0], new int[0], 1, new float[1]));
		final IllegalArgumentException e = assertThrows(
			IllegalArgumentException.class, () -> new AnomalyResult(1, 1,
				new float[1], new int[1], 2, new float[3]));
		assertEquals("A 2 × 2 anomaly map needs 4 values, got 3.", e.getMessage());
	}

	@Test
	void aWrongImageIsNamedWithTheSizeItNeeds() {
		final FeatureGrid grid = new FeatureGrid(2, 3, 2, 4);
		final AnomalyScorer scorer = new AnomalyScorer(new MemoryBank(FeatureMatrix
			.zeros(1, 2), null, 0), grid, 0);
		final IllegalArgumentException e = assertThrows(
			IllegalArgumentException.class, () -> scorer.scoreAll(List.of(
				new float[12], new float[11])));
		assertEquals("Image 1 has 11 patch values; a " + grid + " grid needs 12.", e
			.getMessage());
	}
}
