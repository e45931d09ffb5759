package io.github.tailedcore.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tailedcore.linalg.FeatureMatrix;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

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

	/**
	 * Leave-one-image-out: each origin's rows lie closest to its own queries
	 * (noise 0.01 around the origin's centre), the rows of its twin origin
	 * next (0.5 away), so TopK over all rows would return only excluded rows in
	 * every chunk. Masking the origin's rows before TopK must give every query
	 * a full list of rows it may use, and the result of a search over the bank
	 * without them, bit for bit.
	 */
	@Test
	void excludedRowsNeverTakeTheCandidatesPlaces() {
		final int origins = 12, dims = 16;
		final Random random = new Random(5);
		final float[][] centres = new float[origins][dims];
		for (int o = 0; o < origins; o += 2)
			for (int d = 0; d < dims; d++) {
				centres[o][d] = 10 + 5 * random.nextFloat();
				centres[o + 1][d] = centres[o][d] + (d == 0 ? 0.5f : 0);
			}
		final int[] rowOrigins = IntStream.range(0, 2 *
			OnnxNearestNeighborSearch.CHUNK + 300).map(r -> random.nextInt(origins))
			.toArray();
		final int[] queryOrigins = new int[300];
		for (int i = 0; i < queryOrigins.length; i++) // runs, then singles
			queryOrigins[i] = i < 200 ? i / 50 : random.nextInt(origins);
		final FeatureMatrix memory = near(centres, rowOrigins, random);
		final FeatureMatrix queries = near(centres, queryOrigins, random);
		final OnnxNearestNeighborSearch search = new OnnxNearestNeighborSearch(
			memory);
		final NearestCandidates candidates = new NearestCandidates(queries.rows(),
			queryOrigins, rowOrigins);
		search.scan(search.prepare(queries), queries.rows(), 0, memory.rows(),
			candidates);
		for (int q = 0; q < queries.rows(); q++)
			assertEquals(NearestCandidates.CAPACITY, candidates.rows(q).length, "query " +
				q);
		final float[] distances = new float[queries.rows()];
		final int[] indices = new int[queries.rows()];
		search.searchExcluding(queries, queryOrigins, rowOrigins, distances,
			indices);
		for (int q = 0; q < queries.rows(); q++) {
			final int o = queryOrigins[q];
			final int[] kept = IntStream.range(0, memory.rows()).filter(
				r -> rowOrigins[r] != o).toArray();
			final float[] d = new float[1];
			final int[] n = new int[1];
			new BruteForceSearch(memory.selectRows(kept)).search(queries.selectRows(
				new int[] { q }), d, n);
			assertEquals(Float.floatToIntBits(d[0]), Float.floatToIntBits(
				distances[q]), "distance of query " + q);
			assertEquals(kept[n[0]], indices[q], "row of query " + q);
		}
	}

	/** One row per origin: its centre plus noise of 0.01. */
	private static FeatureMatrix near(final float[][] centres,
		final int[] origins, final Random random)
	{
		final int dims = centres[0].length;
		final float[] data = new float[origins.length * dims];
		for (int r = 0; r < origins.length; r++)
			for (int d = 0; d < dims; d++)
				data[r * dims + d] = centres[origins[r]][d] + 0.01f * (float) random
					.nextGaussian();
		return new FeatureMatrix(origins.length, dims, data);
	}

	@Test
	void rejectsAnEmptyBankAndWrongDimensions() {
		agreement.checkRejectsAnEmptyBankAndWrongDimensions();
	}
}
