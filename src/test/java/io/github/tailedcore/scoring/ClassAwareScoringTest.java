package io.github.tailedcore.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tailedcore.feature.FeatureGrid;
import io.github.tailedcore.linalg.FeatureMatrix;
import io.github.tailedcore.memory.MemoryBank;
import io.github.tailedcore.search.BruteForceSearch;
import io.github.tailedcore.search.NearestNeighborSearches;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Class-aware scoring on a constructed mix of two kinds, A and B, whose
 * embeddings are far apart (orthogonal) and whose patches differ: A's
 * normal patches lie near a, B's near b. A defect of A that looks like B's
 * normal surface (a patch at b) is covered by B's memory under global
 * scoring, but not under class-aware scoring, which then scores like a
 * model fitted on A alone.
 */
class ClassAwareScoringTest {

	private static final FeatureGrid GRID = new FeatureGrid(3, 3, 4, 12);
	private static final int PER_KIND = 5;
	private static final float[] A = { 4, 0, 0, 0 };
	private static final float[] B = { 0, 0, 4, 0 };

	/** Training images 0–4 of kind A, 5–9 of kind B: all their patches. */
	private static final float[][] TRAINING = new float[2 * PER_KIND][];
	private static final float[][] EMBEDDINGS = new float[2 * PER_KIND][];

	static {
		final Random random = new Random(5);
		for (int i = 0; i < TRAINING.length; i++) {
			TRAINING[i] = image(i < PER_KIND ? A : B, random);
			EMBEDDINGS[i] = embedding(i < PER_KIND ? 0 : 1, random);
		}
	}

	private static float[] image(final float[] center, final Random random) {
		final float[] p = new float[GRID.locations() * GRID.dims()];
		for (int k = 0; k < p.length; k++)
			p[k] = center[k % GRID.dims()] + 0.1f * (float) random.nextGaussian();
		return p;
	}

	private static float[] embedding(final int axis, final Random random) {
		final float[] e = new float[3];
		e[axis] = 1;
		e[2] = 0.05f * (float) random.nextFloat();
		return e;
	}

	/** The memory: every training patch, each knowing its image. */
	private static MemoryBank bank(final int from, final int to) {
		final int values = GRID.locations() * GRID.dims();
		final float[] data = new float[(to - from) * values];
		final int[] origins = new int[(to - from) * GRID.locations()];
		for (int i = from; i < to; i++) {
			System.arraycopy(TRAINING[i], 0, data, (i - from) * values, values);
			Arrays.fill(origins, (i - from) * GRID.locations(), (i - from + 1) * GRID
				.locations(), i);
		}
		return new MemoryBank(new FeatureMatrix(origins.length, GRID.dims(), data),
			null, 0, origins);
	}

	private static AnomalyScorer classAware(final int least) {
		return new AnomalyScorer(bank(0, TRAINING.length), new ImageNeighbors(
			new FeatureMatrix(EMBEDDINGS.length, 3, flat(EMBEDDINGS))),
			least, NearestNeighborSearches::fastest, GRID, 0);
	}

	private static float[] flat(final float[][] rows) {
		final float[] out = new float[rows.length * rows[0].length];
		for (int i = 0; i < rows.length; i++)
			System.arraycopy(rows[i], 0, out, i * rows[i].length, rows[i].length);
		return out;
	}

	/** A test image of kind A whose centre patch looks like B's surface. */
	private static float[] defectiveA() {
		final float[] p = image(A, new Random(11));
		System.arraycopy(B, 0, p, 4 * GRID.dims(), GRID.dims());
		return p;
	}

	@Test
	void scoresLikeAModelOfTheImagesOwnKind() {
		final float[] test = defectiveA();
		final float[] e = { 1, 0, 0.02f };
		final AnomalyResult own = new AnomalyScorer(bank(0, PER_KIND),
			new BruteForceSearch(bank(0, PER_KIND).vectors()), GRID, 0).score(test);
		final AnomalyResult aware = classAware(PER_KIND).score(test, e);
		assertArrayEquals(own.patchScores(), aware.patchScores(), 1e-4f);
		assertEquals(own.imageScore(), aware.imageScore(), 1e-4);
		final AnomalyResult global = new AnomalyScorer(bank(0, TRAINING.length),
			GRID, 0).score(test);
		assertTrue(global.imageScore() < 0.5 * aware.imageScore(), "B's rows " +
			"cover the defect globally: " + global.imageScore() + " vs " + aware
				.imageScore());
	}

	/**
	 * Fitted on one kind (embeddings in one cloud, {@link ImageNeighborsTest}),
	 * no test image stands apart from the training images, so class-aware
	 * scoring is global scoring, bit for bit, whatever K.
	 */
	@Test
	void oneKindScoresExactlyAsGlobally() {
		final int n = 12;
		final Random random = new Random(8);
		final float[] data = new float[n * GRID.locations() * GRID.dims()];
		final int[] origins = new int[n * GRID.locations()];
		for (int i = 0; i < n; i++) {
			System.arraycopy(image(A, random), 0, data, i * GRID.locations() * GRID
				.dims(), GRID.locations() * GRID.dims());
			Arrays.fill(origins, i * GRID.locations(), (i + 1) * GRID.locations(), i);
		}
		final MemoryBank bank = new MemoryBank(new FeatureMatrix(origins.length,
			GRID.dims(), data), null, 0, origins);
		final FeatureMatrix testEmbeddings = ImageNeighborsTest.cloud(4, 2);
		final List<float[]> tests = List.of(defectiveA(), image(A, random), image(
			B, random), image(A, random));
		final List<float[]> embeddings = List.of(testEmbeddings.row(0),
			testEmbeddings.row(1), testEmbeddings.row(2), testEmbeddings.row(3));
		final List<AnomalyResult> global = new AnomalyScorer(bank, GRID, 0)
			.scoreAll(tests);
		for (final int k : new int[] { 1, 10 }) {
			final List<AnomalyResult> aware = new AnomalyScorer(bank,
				new ImageNeighbors(ImageNeighborsTest.cloud(n, 1)), k,
				NearestNeighborSearches::fastest, GRID, 0).scoreAll(tests, embeddings);
			for (int i = 0; i < tests.size(); i++) {
				assertArrayEquals(global.get(i).patchScores(), aware.get(i)
					.patchScores(), "image " + i + ", K = " + k);
				assertArrayEquals(global.get(i).nearestIndices(), aware.get(i)
					.nearestIndices());
			}
		}
	}

	/**
	 * Restricting the rows can only raise a patch score, so an image far from
	 * every training image (patches and embedding) scores at least as high as
	 * globally, and far above the normal images.
	 */
	@Test
	void anImageFarFromEveryTrainingImageScoresHigh() {
		final float[] far = image(new float[] { 0, 30, 0, 30 }, new Random(3));
		final float[] farEmbedding = { 0, 0, 1 };
		final AnomalyScorer aware = classAware(2);
		final AnomalyScorer global = new AnomalyScorer(bank(0, TRAINING.length),
			GRID, 0);
		final AnomalyResult a = aware.score(far, farEmbedding);
		final AnomalyResult g = global.score(far);
		for (int p = 0; p < GRID.locations(); p++)
			assertTrue(a.patchScores()[p] >= g.patchScores()[p] * (1 - 1e-6));
		final double normal = aware.score(image(B, new Random(4)), new float[] { 0,
			1, 0 }).imageScore();
		assertTrue(a.imageScore() > 100 * normal, a.imageScore() + " vs " +
			normal);
	}

	@Test
	void batchesScoreEachImageWithItsOwnNeighbors() {
		final AnomalyScorer aware = classAware(PER_KIND);
		final List<float[]> images = List.of(defectiveA(), TRAINING[7]);
		final List<float[]> embeddings = List.of(new float[] { 1, 0, 0 },
			EMBEDDINGS[7]);
		final List<AnomalyResult> batch = aware.scoreAll(images, embeddings);
		for (int i = 0; i < 2; i++)
			assertArrayEquals(aware.score(images.get(i), embeddings.get(i))
				.patchScores(), batch.get(i).patchScores());
		assertEquals(0, batch.get(1).imageScore(), 1e-6, "its own rows");
		assertEquals(Scoring.CLASS_AWARE, aware.scoring());
	}

	@Test
	void needsEmbeddingsAndOrigins() {
		final AnomalyScorer aware = classAware(PER_KIND);
		assertThrows(IllegalStateException.class, () -> aware.score(
			defectiveA()));
		final MemoryBank noOrigins = new MemoryBank(bank(0, 2).vectors(), null, 0);
		assertThrows(IllegalArgumentException.class, () -> new AnomalyScorer(
			noOrigins, new ImageNeighbors(new FeatureMatrix(2, 3, flat(Arrays
				.copyOf(EMBEDDINGS, 2)))), 1, BruteForceSearch::new, GRID,
			0));
	}
}
