package io.github.tailedcore.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tailedcore.linalg.FeatureMatrix;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
	void theKernelOffersTheNearestRows() {
		agreement.checkTheKernelOffersTheNearestRows(OnnxNearestNeighborSearch.CHUNK + 300, 12);
	}

	@Test
	void duplicateRowsGiveTheFirstIndex() {
		agreement.checkDuplicateRowsGiveTheFirstIndex();
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

	/**
	 * A process has one ONNX Runtime environment, and DJL's engine fails to
	 * start if someone else made it: in a fresh JVM, a search first and the
	 * engine of the backbone second must both work.
	 */
	@Test
	void djlsEngineStartsAfterASearch() throws Exception {
		final List<String> command = new ArrayList<>(List.of(Path.of(System
			.getProperty("java.home"), "bin", "java").toString(), "-cp", System
				.getProperty("java.class.path")));
		for (final String property : List.of("user.home",
			"java.util.prefs.userRoot", "ai.djl.offline", "DJL_CACHE_DIR"))
			if (System.getProperty(property) != null) command.add("-D" + property +
				"=" + System.getProperty(property));
		command.add(SearchBeforeBackbone.class.getName());
		final Process p = new ProcessBuilder(command).redirectErrorStream(true)
			.start();
		final String out = new String(p.getInputStream().readAllBytes(),
			StandardCharsets.UTF_8);
		assertEquals(0, p.waitFor(), out);
		assertTrue(out.contains("search and DJL engine: OnnxRuntime"), out);
	}

	@Test
	void rejectsAnEmptyBankAndWrongDimensions() {
		agreement.checkRejectsAnEmptyBankAndWrongDimensions();
	}
}
