package io.github.tailedcore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tailedcore.feature.BackboneId;
import io.github.tailedcore.feature.FeatureGrid;
import io.github.tailedcore.feature.PatchFeatures;
import io.github.tailedcore.linalg.FeatureMatrix;
import io.github.tailedcore.memory.MemoryBank;
import io.github.tailedcore.noise.NoiseThreshold;
import io.github.tailedcore.scoring.Scoring;
import io.github.tailedcore.tail.TailAugmentation;
import io.github.tailedcore.tail.TailEstimation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * The facade end to end on synthetic class clusters: three head classes of
 * 12 images and one tail class of 2 images; every class has its own patch
 * prototype and embedding direction.
 */
class TailedCoreTest {

	private static final FeatureGrid GRID = new FeatureGrid(4, 4, 16, 32);
	private static final BackboneId BACKBONE = new BackboneId("synthetic",
		"00");
	private static final int[] CLASS_SIZES = { 12, 12, 12, 2 };
	private static final int TAIL_FIRST = 36;

	private static PatchFeatures clusters(final long seed) {
		final Random random = new Random(seed);
		final PatchFeatures features = new PatchFeatures(GRID);
		for (int c = 0; c < CLASS_SIZES.length; c++)
			for (int i = 0; i < CLASS_SIZES[c]; i++)
				features.add(patches(random, c, 0.05), embedding(random, c));
		return features;
	}

	private static float[] patches(final Random random, final int c,
		final double noise)
	{
		final float[] p = new float[GRID.locations() * GRID.dims()];
		for (int l = 0; l < GRID.locations(); l++)
			for (int d = 0; d < GRID.dims(); d++)
				p[l * GRID.dims() + d] = (float) ((d == 4 * c + l % 4 ? 1 : 0) +
					noise * random.nextGaussian());
		return p;
	}

	private static float[] embedding(final Random random, final int c) {
		final float[] e = new float[32];
		for (int d = 0; d < e.length; d++)
			e[d] = (float) Math.abs((d == c ? 1 : 0) + 0.05 * random.nextGaussian());
		return e;
	}

	/** V views per image, each its patches plus a small view-specific shift. */
	private static TailViewSource shiftedViews(final PatchFeatures features,
		final List<Integer> asked)
	{
		return (image, augmentation) -> {
			asked.add(image);
			final List<float[]> views = new ArrayList<>();
			for (int v = 1; v <= augmentation.viewCount(); v++) {
				final float[] p = features.patches(image).clone();
				for (int k = 0; k < p.length; k++)
					p[k] += 0.01f * v;
				views.add(p);
			}
			return views;
		};
	}

	private static TailedCoreModel fit(final Method method, final long seed)
		throws IOException
	{
		final PatchFeatures features = clusters(1);
		return new TailedCore(TailedCoreSettings.builder().method(method)
			.tailAugmentation(TailAugmentation.ROT45FLIP).seed(seed).build()).fit(
				features, BACKBONE, shiftedViews(features, new ArrayList<>()), Progress
					.none());
	}

	@Test
	void patchCoreKeepsTenPercentOfAllPatches() throws IOException {
		final TailedCoreModel model = fit(Method.PATCHCORE, 0);
		final int n = 38 * GRID.locations();
		assertEquals(n / 10, model.memory().size());
		assertNull(model.memory().weights());
		assertEquals(0, model.memory().tailSize());
		assertEquals(-1, model.summary().kMax());
		assertEquals(0, model.summary().droppedPatches());
		assertRowsArePatches(model.memory(), clusters(1), null);
	}

	@Test
	void softPatchKeepsCleanPatchesWithTheirLofWeights() throws IOException {
		final TailedCoreModel model = fit(Method.SOFTPATCH, 0);
		final long dropped = model.summary().droppedPatches();
		final long patches = 38L * GRID.locations();
		// the 0.85 quantile drops about 15 % (ties may keep a few more)
		assertTrue(dropped > 0.1 * patches && dropped <= 0.15 * patches + 1,
			"dropped " + dropped);
		assertEquals((int) Math.floor((patches - dropped) * 0.1), model.memory()
			.size());
		final float[] weights = model.memory().weights();
		assertNotNull(weights);
		for (final float w : weights)
			assertTrue(w > 0 && Float.isFinite(w), "LOF weight " + w);
	}

	/**
	 * TailedCore's head branch drops by default only the patches LOF calls
	 * outliers: here those of the two images of the rare class, unlike all
	 * others at every location; the fixed rule drops 15 % of all patches, and
	 * SoftPatch stays the paper's whatever the setting.
	 */
	@Test
	void theHeadBranchDropsOnlyOutliersByDefault() throws IOException {
		final long patches = 38L * GRID.locations();
		final long adaptive = fitWith(Method.TAILEDCORE, NoiseThreshold.ADAPTIVE)
			.summary().droppedPatches();
		assertEquals(2L * GRID.locations(), adaptive);
		final long fixed = fitWith(Method.TAILEDCORE, NoiseThreshold.FIXED)
			.summary().droppedPatches();
		assertTrue(fixed > 0.1 * patches && fixed <= 0.15 * patches + 1,
			"dropped " + fixed);
		assertEquals(fixed, fitWith(Method.SOFTPATCH, NoiseThreshold.ADAPTIVE)
			.summary().droppedPatches());
		assertEquals(NoiseThreshold.ADAPTIVE, TailedCoreSettings.defaults()
			.noiseThreshold());
	}

	private static TailedCoreModel fitWith(final Method method,
		final NoiseThreshold noise) throws IOException
	{
		return new TailedCore(TailedCoreSettings.builder().method(method)
			.noiseThreshold(noise).tailAugmentation(TailAugmentation.NONE).build())
				.fit(clusters(1), BACKBONE, TailViewSource.NONE, Progress.none());
	}

	@Test
	void tailedCoreFindsTheRareClassAndCoresetsItsViews() throws IOException {
		final PatchFeatures features = clusters(1);
		final List<Integer> asked = new ArrayList<>();
		final TailAugmentation augmentation = TailAugmentation.ROT45FLIP;
		final TailedCoreModel model = new TailedCore(TailedCoreSettings.builder()
			.tailAugmentation(augmentation).build()).fit(features, BACKBONE,
				shiftedViews(features, asked), Progress.none());
		final FitSummary summary = model.summary();
		final int[] tail = summary.tailImages();
		assertArrayEquals(new int[] { TAIL_FIRST, TAIL_FIRST + 1 }, tail,
			summary.toString());
		assertEquals(List.of(TAIL_FIRST, TAIL_FIRST + 1), asked);
		assertTrue(summary.kappa()[TAIL_FIRST] <= summary.kMax());
		assertTrue(summary.kMax() < summary.kappa()[0], summary.toString());
		// |M_tail| = floor(0.1 · L · |T| · (1 + V))
		final int expectedTail = (int) Math.floor(0.1 * GRID.locations() *
			tail.length * (1 + augmentation.viewCount()));
		assertEquals(expectedTail, model.memory().tailSize());
		assertEquals(expectedTail, summary.tailMemory());
		final long kept = 38L * GRID.locations() - summary.droppedPatches();
		assertEquals((int) Math.floor(kept * 0.1), summary.cleanMemory());
		assertEquals(summary.tailMemory() + summary.cleanMemory(), model.memory()
			.size());
	}

	/**
	 * A defective image of head class 0 whose embedding lies apart from every
	 * other (as an outlying image's can): κ = 1 and separated from the head,
	 * so the separation alone takes it as tail with the rare class, and its
	 * defect would enter the tail branch with its views. Its patches are
	 * ordinary but for the defect, which the head's noise filter drops (no
	 * head image has such a patch), so the robust estimate returns it to the
	 * head, says why, and makes views of the rare class alone.
	 */
	@Test
	void aDefectiveImageThatLooksIsolatedStaysInTheHead() throws IOException {
		final PatchFeatures features = clusters(1);
		final Random random = new Random(2);
		final float[] defective = patches(random, 0, 0.05);
		for (int d = 0; d < GRID.dims(); d++)
			defective[d] = 3;
		final float[] isolated = new float[32];
		isolated[20] = 1;
		features.add(defective, isolated);
		final int defect = TAIL_FIRST + 2;
		final List<Integer> separationAsked = new ArrayList<>();
		final FitSummary separation = new TailedCore(TailedCoreSettings.builder()
			.tailEstimation(TailEstimation.SEPARATION).build()).fit(features,
				BACKBONE, shiftedViews(features, separationAsked), Progress.none())
			.summary();
		assertArrayEquals(new int[] { TAIL_FIRST, TAIL_FIRST + 1, defect },
			separation.tailImages(), separation.toString());
		assertEquals(List.of(TAIL_FIRST, TAIL_FIRST + 1, defect),
			separationAsked);
		final List<Integer> asked = new ArrayList<>();
		final FitSummary robust = new TailedCore(TailedCoreSettings.defaults())
			.fit(features, BACKBONE, shiftedViews(features, asked), Progress.none())
			.summary();
		assertArrayEquals(new int[] { TAIL_FIRST, TAIL_FIRST + 1 }, robust
			.tailImages(), robust.toString());
		assertEquals(List.of(TAIL_FIRST, TAIL_FIRST + 1), asked);
		assertTrue(robust.tailNote().contains("1 of 3 tail images look like " +
			"defective images of a common kind"), robust.tailNote());
	}

	@Test
	void withoutViewsTheTailPoolIsTheTailImagesAlone() throws IOException {
		final TailedCoreModel model = new TailedCore(TailedCoreSettings
			.defaults()).fit(clusters(1), BACKBONE, TailViewSource.NONE, Progress
				.none());
		assertEquals(2 * GRID.locations() / 10, model.memory().tailSize());
		assertRowsArePatches(model.memory(), clusters(1), 0);
	}

	@Test
	void theSeedMakesTheFitDeterministic() throws IOException {
		for (final Method method : Method.values()) {
			final MemoryBank a = fit(method, 7).memory();
			final MemoryBank b = fit(method, 7).memory();
			final MemoryBank c = fit(method, 8).memory();
			assertArrayEquals(a.vectors().data(), b.vectors().data(), method
				.toString());
			assertFalse(Arrays.equals(a.vectors().data(), c.vectors()
				.data()), method + " ignores the seed");
		}
	}

	@Test
	void theDefaultThresholdSeparatesNewNormalsFromAnOutlier()
		throws IOException
	{
		for (final Method method : Method.values()) {
			final TailedCoreModel model = fit(method, 0);
			final Threshold threshold = model.threshold();
			assertNotNull(threshold, method.toString());
			assertTrue(threshold.method().contains("leave-one-image-out"));
			final Random random = new Random(99);
			final double normal = TailedCore.scorer(model).score(patches(random, 1,
				0.05), embedding(random, 1)).imageScore();
			final float[] defect = patches(random, 1, 0.05);
			for (int d = 0; d < GRID.dims(); d++)
				defect[5 * GRID.dims() + d] += 1.5f;
			final double anomalous = TailedCore.scorer(model).score(defect,
				embedding(random, 1)).imageScore();
			assertFalse(threshold.isAnomalous(normal), method + ": normal " +
				normal + " vs " + threshold);
			assertTrue(threshold.isAnomalous(anomalous), method + ": defect " +
				anomalous + " vs " + threshold);
		}
	}

	/**
	 * TailSampler needs only the embeddings and runs first, so that a heap
	 * too small for the tail views fails before the long head branch.
	 */
	@Test
	void theTailIsEstimatedBeforeTheHeadBranch() throws IOException {
		final PatchFeatures features = clusters(1);
		final StageRecorder recording = new StageRecorder();
		new TailedCore(TailedCoreSettings.defaults()).fit(features, BACKBONE,
			shiftedViews(features, new ArrayList<>()), recording);
		final List<String> stages = recording.stages();
		assertTrue(stages.indexOf("Tail sampling") >= 0 && stages.indexOf(
			"Tail sampling") < stages.indexOf("Noise filter (LOF)"), stages
				.toString());
	}

	@Test
	void cancelStopsTheFit() {
		final AtomicInteger stages = new AtomicInteger();
		final Progress cancelAfterFirstStage = new Progress() {

			@Override
			public void stage(final String name) {
				stages.incrementAndGet();
			}

			@Override
			public void update(final long done, final long total) {}

			@Override
			public boolean isCanceled() {
				return stages.get() > 0;
			}
		};
		assertThrows(CancellationException.class, () -> new TailedCore(
			TailedCoreSettings.defaults()).fit(clusters(1), BACKBONE,
				TailViewSource.NONE, cancelAfterFirstStage));
	}

	@Test
	void noImagesIsAClearError() {
		final IllegalArgumentException e = assertThrows(
			IllegalArgumentException.class, () -> new TailedCore(TailedCoreSettings
				.defaults()).fit(new PatchFeatures(GRID), BACKBONE,
					TailViewSource.NONE, Progress.none()));
		assertTrue(e.getMessage().contains("no training images"));
	}

	/**
	 * Without embeddings nothing tells the kinds apart: class-aware scoring
	 * (the default) is a clear error, global scoring fits.
	 */
	@Test
	void classAwareScoringWithoutEmbeddingsIsAClearError() throws IOException {
		final PatchFeatures bare = new PatchFeatures(GRID);
		final PatchFeatures features = clusters(1);
		for (int i = 0; i < features.imageCount(); i++)
			bare.add(features.patches(i), null);
		final TailedCoreSettings patchCore = TailedCoreSettings.builder().method(
			Method.PATCHCORE).build();
		final IllegalArgumentException e = assertThrows(
			IllegalArgumentException.class, () -> new TailedCore(patchCore).fit(bare,
				BACKBONE, TailViewSource.NONE, Progress.none()));
		assertTrue(e.getMessage().contains("choose global scoring"), e
			.getMessage());
		assertNull(new TailedCore(patchCore.toBuilder().scoring(Scoring.GLOBAL)
			.build()).fit(bare, BACKBONE, TailViewSource.NONE, Progress.none())
			.neighbors());
	}

	/**
	 * Every method keeps the origin of each memory row (a tail view's is its
	 * image) and the training embeddings; a class-aware fit conditions its
	 * threshold.
	 */
	@Test
	void everyRowKnowsItsImageAndTheModelItsEmbeddings() throws IOException {
		final PatchFeatures features = clusters(1);
		for (final Method method : Method.values()) {
			final TailedCoreModel model = new TailedCore(TailedCoreSettings.builder()
				.method(method).scoring(Scoring.CLASS_AWARE).tailAugmentation(
					TailAugmentation.ROT45FLIP).build()).fit(features, BACKBONE,
						shiftedViews(features, new ArrayList<>()), Progress.none());
			final MemoryBank memory = model.memory();
			for (int r = 0; r < memory.size(); r++) {
				final int image = memory.origins()[r];
				if (r < memory.tailSize()) assertTrue(image >= TAIL_FIRST, method +
					": tail row " + r + " of image " + image);
				else assertTrue(Arrays.asList(patchesOf(features, image)).contains(
					Arrays.toString(memory.vectors().row(r))), method + ": row " + r);
			}
			assertArrayEquals(features.embeddingMatrix().data(), model.neighbors()
				.embeddings().data());
			assertTrue(model.threshold().method().contains("class-aware"), model
				.threshold().method());
		}
	}

	private static String[] patchesOf(final PatchFeatures features,
		final int image)
	{
		final String[] out = new String[GRID.locations()];
		for (int l = 0; l < out.length; l++)
			out[l] = Arrays.toString(Arrays.copyOfRange(features.patches(image), l *
				GRID.dims(), (l + 1) * GRID.dims()));
		return out;
	}

	/** Every memory row (from {@code firstRow}, or all) is a training patch. */
	private static void assertRowsArePatches(final MemoryBank memory,
		final PatchFeatures features, final Integer onlyFirst)
	{
		final Set<String> patches = new HashSet<>();
		for (final float[] image : features.patchArrays())
			for (int l = 0; l < GRID.locations(); l++)
				patches.add(Arrays.toString(Arrays.copyOfRange(
					image, l * GRID.dims(), (l + 1) * GRID.dims())));
		final FeatureMatrix v = memory.vectors();
		final int rows = onlyFirst == null ? v.rows() : memory.tailSize();
		for (int r = 0; r < rows; r++)
			assertTrue(patches.contains(Arrays.toString(v.row(r))),
				"row " + r);
	}
}
