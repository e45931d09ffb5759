package io.github.tailedcore.tail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.tailedcore.linalg.FeatureMatrix;

import java.util.Random;

import org.junit.jupiter.api.Test;

class CosineSimilarityTest {

	/** 101 rows: several 32-row tiles, a ragged last tile, odd 4-column tails. */
	private static FeatureMatrix randomEmbeddings(final int rows,
		final int cols, final long seed)
	{
		final Random random = new Random(seed);
		final float[] data = new float[rows * cols];
		for (int i = 0; i < data.length; i++)
			data[i] = (float) (random.nextGaussian() + 0.3);
		return new FeatureMatrix(rows, cols, data);
	}

	/** The plain definition: normalise in float, one dot product per entry. */
	private static float[] plainReference(final FeatureMatrix e) {
		final int n = e.rows(), d = e.cols();
		final float[][] unit = new float[n][d];
		for (int i = 0; i < n; i++) {
			double squares = 0;
			for (int k = 0; k < d; k++)
				squares += (double) e.get(i, k) * e.get(i, k);
			final float norm = Math.max((float) Math.sqrt(squares), 1e-12f);
			for (int k = 0; k < d; k++)
				unit[i][k] = e.get(i, k) / norm;
		}
		final float[] s = new float[n * n];
		for (int i = 0; i < n; i++)
			for (int j = 0; j < n; j++) {
				double dot = 0;
				for (int k = 0; k < d; k++)
					dot += (double) unit[i][k] * unit[j][k];
				s[i * n + j] = (float) dot;
			}
		return s;
	}

	@Test
	void blockedMatchesPlainReferenceExactly() {
		final FeatureMatrix e = randomEmbeddings(101, 37, 1);
		final FeatureMatrix s = CosineSimilarity.of(e);
		assertEquals(101, s.rows());
		assertEquals(101, s.cols());
		assertArrayEquals(plainReference(e), s.data(), 0f);
	}

	@Test
	void agreesWithDoublePrecisionCosine() {
		final FeatureMatrix e = randomEmbeddings(40, 2048, 2);
		final FeatureMatrix s = CosineSimilarity.of(e);
		final double[] norms = e.squaredNorms();
		for (int i = 0; i < 40; i++)
			for (int j = 0; j < 40; j++) {
				double dot = 0;
				for (int k = 0; k < 2048; k++)
					dot += (double) e.get(i, k) * e.get(j, k);
				assertEquals(dot / Math.sqrt(norms[i] * norms[j]), s.get(i, j), 1e-6);
			}
	}

	@Test
	void isExactlySymmetric() {
		final FeatureMatrix s = CosineSimilarity.of(randomEmbeddings(70, 9, 3));
		for (int i = 0; i < 70; i++)
			for (int j = 0; j < 70; j++)
				assertEquals(s.get(i, j), s.get(j, i), 0f);
	}

	@Test
	void oneHotVectorsGiveExactZerosAndOnes() {
		final FeatureMatrix s = CosineSimilarity.of(ClusterEmbeddings.clusters(0,
			0, 2, 1));
		assertArrayEquals(new float[] { 1, 1, 0, 1, 1, 0, 0, 0, 1 }, s.data(), 0f);
	}

	@Test
	void zeroEmbeddingHasZeroSimilarity() {
		final FeatureMatrix e = new FeatureMatrix(2, 2, new float[] { 0, 0, 3,
			4 });
		assertArrayEquals(new float[] { 0, 0, 0, 1 }, CosineSimilarity.of(e)
			.data(), 0f);
	}

	@Test
	void normalizedRowsHaveUnitNorm() {
		final FeatureMatrix unit = CosineSimilarity.normalizedRows(
			new FeatureMatrix(1, 2, new float[] { 3, 4 }));
		assertArrayEquals(new float[] { 0.6f, 0.8f }, unit.data(), 0f);
	}

	@Test
	void rejectsNonFiniteEmbeddings() {
		final FeatureMatrix e = new FeatureMatrix(2, 2, new float[] { 1, 0, 0,
			Float.NaN });
		final IllegalArgumentException error = assertThrows(
			IllegalArgumentException.class, () -> CosineSimilarity.of(e));
		assertEquals(true, error.getMessage().contains("Embedding 1"));
	}
}
