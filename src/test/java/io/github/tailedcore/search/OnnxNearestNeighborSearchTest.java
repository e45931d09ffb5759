package io.github.tailedcore.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.tailedcore.linalg.FeatureMatrix;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** ONNX Runtime's native library ships in its jar; these tests run everywhere. */
class OnnxNearestNeighborSearchTest {

	private final SearchAgreement agreement = new SearchAgreement(
		OnnxNearestNeighborSearch::new);

	@Test
	void agreesWithBruteForceOnRandomAndClusteredData() {
		agreement.checkAll();
	}

	/** Three chunks, the last one short, in several parallel ranges. */
	@Test
	void manyQueriesAcrossSeveralChunks() {
		agreement.check(SearchAgreement.clustered(2 * OnnxNearestNeighborSearch.CHUNK +
			500, 40, 20, 7), SearchAgreement.clustered(300, 40, 20, 8));
	}

	@Test
	void duplicateRowsGiveTheFirstIndex() {
		final FeatureMatrix memory = new FeatureMatrix(6, 2, new float[] { 5, 5, 1,
			2, 0, 0, 1, 2, 1, 2, 0, 0 });
		final float[] d = new float[2];
		final int[] i = new int[2];
		new OnnxNearestNeighborSearch(memory).search(new FeatureMatrix(2, 2,
			new float[] { 1, 2, 0.1f, 0 }), d, i);
		assertArrayEquals(new int[] { 1, 2 }, i);
		assertArrayEquals(new float[] { 0, 0.010000001f }, d);
	}

	/**
	 * More exact duplicates than candidates kept per query, across a chunk
	 * border: TopK breaks ties by the smaller row, so the first copy wins.
	 */
	@Test
	void manyDuplicatesAcrossAChunkBorderGiveTheFirstIndex() {
		final int dims = 3;
		final int first = OnnxNearestNeighborSearch.CHUNK - 5;
		final float[] data = new float[(OnnxNearestNeighborSearch.CHUNK + 20) *
			dims];
		Arrays.fill(data, 9);
		for (int row = first; row < first + 3 * NearestCandidates.CAPACITY; row++)
			Arrays.fill(data, row * dims, row * dims + dims, 1);
		final float[] d = new float[1];
		final int[] i = new int[1];
		new OnnxNearestNeighborSearch(new FeatureMatrix(data.length / dims, dims,
			data)).search(new FeatureMatrix(1, dims, new float[] { 1, 1, 1.5f }), d,
				i);
		assertEquals(first, i[0]);
		assertEquals(0.25f, d[0]);
	}

	@Test
	void rejectsAnEmptyBankAndWrongDimensions() {
		assertThrows(IllegalArgumentException.class,
			() -> new OnnxNearestNeighborSearch(FeatureMatrix.zeros(0, 3)));
		assertThrows(IllegalArgumentException.class,
			() -> new OnnxNearestNeighborSearch(FeatureMatrix.zeros(2, 3)).search(
				FeatureMatrix.zeros(1, 2), new float[1], new int[1]));
	}
}
