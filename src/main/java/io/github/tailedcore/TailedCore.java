package io.github.tailedcore;

import io.github.tailedcore.feature.BackboneId;
import io.github.tailedcore.feature.FeatureExtractor;
import io.github.tailedcore.feature.FeatureGrid;
import io.github.tailedcore.feature.ImageSource;
import io.github.tailedcore.feature.PatchFeatures;
import io.github.tailedcore.importance.ImageImportance;
import io.github.tailedcore.importance.ImportanceWeights;
import io.github.tailedcore.linalg.FeatureMatrix;
import io.github.tailedcore.memory.CoresetSelection;
import io.github.tailedcore.memory.MemoryBank;
import io.github.tailedcore.noise.LofNoiseFilter;
import io.github.tailedcore.noise.NoiseFilterResult;
import io.github.tailedcore.sampling.CoresetSampler;
import io.github.tailedcore.scoring.AnomalyScorer;
import io.github.tailedcore.tail.TailAugmentation;
import io.github.tailedcore.tail.TailEstimate;
import io.github.tailedcore.tail.TailNoiseFilter;
import io.github.tailedcore.tail.TailSampler;
import io.github.tailedcore.threshold.LeaveOneOutThreshold;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The headless entry point: fits a memory bank M on the patch features of
 * normal (possibly noisy, long-tailed) training images, and scores new
 * images against it.
 * <p>
 * TailedCore (Jeong et al., CVPR 2025) builds M from two branches (spec §1):
 * </p>
 * <ul>
 * <li>head: S<sub>clean</sub>, the per-location LOF filter that drops the
 * 15 % most outlying patches, then S<sub>core</sub>, a 10 % greedy coreset
 * (M<sub>clean</sub>);</li>
 * <li>tail: TailSampler estimates each image's class size κ from the global
 * embeddings and takes the images T with κ ≤ K<sub>max</sub> (the robust
 * estimate only those apart from the head); their patches and those of their
 * rotated/flipped views form the pool Q (the robust estimate leaves out the
 * defects of mostly normal tail images), which is coreset separately
 * (M<sub>tail</sub>);</li>
 * </ul>
 * <p>
 * and M = M<sub>tail</sub> ∪ M<sub>clean</sub>. The baselines share the
 * stages: PatchCore is S<sub>core</sub>(P), SoftPatch is
 * S<sub>core</sub>(S<sub>clean</sub>(P)) with LOF weights. A fit is fully
 * determined by the features and {@link TailedCoreSettings#seed()}. After
 * the fit, a label-free default threshold is estimated
 * ({@link LeaveOneOutThreshold}).
 * </p>
 * <p>
 * Every method can weight its coresets by importance
 * ({@link TailedCoreSettings#importanceWeighting()}, our formulation of
 * Zhang et al., IJCNN 2025): the training images are first scored leave one
 * image out against the plain PatchCore memory (the coverage the weighting
 * corrects; the same weights for every method, without a second LOF or tail
 * pass), and each coreset then picks by w · distance
 * ({@link ImageImportance}).
 * </p>
 *
 * <pre>
 * TailedCore detector = new TailedCore(TailedCoreSettings.defaults());
 * TailedCoreModel model = detector.fit(images, extractor, progress);
 * AnomalyResult r = TailedCore.scorer(model).score(extractor.extract(image).patches());
 * </pre>
 */
public final class TailedCore {

	private final TailedCoreSettings settings;
	private final LeaveOneOutThreshold threshold;

	/** A detector that also estimates the default threshold. */
	public TailedCore(final TailedCoreSettings settings) {
		this(settings, new LeaveOneOutThreshold(
			LeaveOneOutThreshold.DEFAULT_MAX_IMAGES,
			LeaveOneOutThreshold.DEFAULT_QUANTILE, settings.seed()));
	}

	/**
	 * @param threshold estimates the model's default threshold, or
	 *          {@code null} to fit without one (as benchmarks do)
	 */
	public TailedCore(final TailedCoreSettings settings,
		final LeaveOneOutThreshold threshold)
	{
		this.settings = settings;
		this.threshold = threshold;
	}

	public TailedCoreSettings settings() {
		return settings;
	}

	/**
	 * Extracts the features of the training images, one batch at a time, and
	 * fits on them; the tail images' views are extracted by re-reading those
	 * images.
	 *
	 * @throws IOException naming the first image that cannot be read
	 * @throws IllegalStateException before any work if the heap is too small
	 *           for this many images ({@link MemoryEstimate})
	 */
	public TailedCoreModel fit(final List<? extends ImageSource> images,
		final FeatureExtractor extractor, final Progress progress)
		throws IOException
	{
		MemoryEstimate.forFit(images.size(), extractor.grid().locations(),
			extractor.grid().dims(), settings).requireHeap();
		progress.stage("Features of " + images.size() + " training images");
		final PatchFeatures features = extractor.extractAll(images, progress);
		return fit(features, extractor.backboneId(), (image,
			augmentation) -> extractor.extractViews(images.get(image).open(),
				augmentation), progress);
	}

	/**
	 * Fits the memory bank on features computed elsewhere.
	 *
	 * @param features patch features (and, for TailedCore, embeddings) of the
	 *          N training images
	 * @param backbone the network that computed them, recorded in the model
	 * @param views makes the tail images' augmented views;
	 *          {@link TailViewSource#NONE} when there are no images
	 * @param progress progress per stage; cancellation aborts the fit
	 * @throws IllegalArgumentException if there are no images, TailedCore is
	 *           asked for without embeddings, or importance weighting finds
	 *           the memory vectors of one image only
	 * @throws IOException if a tail image cannot be re-read for its views
	 * @throws java.util.concurrent.CancellationException when canceled
	 */
	public TailedCoreModel fit(final PatchFeatures features,
		final BackboneId backbone, final TailViewSource views,
		final Progress progress) throws IOException
	{
		if (features.imageCount() == 0) throw new IllegalArgumentException(
			"There are no training images to fit on.");
		final SplittableRandom seeds = new SplittableRandom(settings.seed());
		final long lofSeed = seeds.nextLong();
		final long headSeed = seeds.nextLong();
		final long tailSeed = seeds.nextLong();
		final CoresetSelection coreset = new CoresetSelection(settings
			.coresetRatio(), settings.projectionDim(), CoresetSampler.fastest());
		final int locations = features.grid().locations();
		final ImageImportance importance = settings.importanceWeighting()
			.weighsCoreset() ? importance(features, coreset, headSeed, progress)
				: null;
		final double[] weights = importance == null ? null : importance.weights();

		if (settings.method() == Method.PATCHCORE) {
			progress.stage("Coreset");
			final long[] picks = coreset.select(features, null, weights, headSeed,
				progress);
			final int[] origins = origins(picks, locations);
			return model(features, new MemoryBank(features.gather(picks),
				scoreWeights(importance, origins, null), 0), origins, backbone,
				FitSummary.of(features.imageCount(), features.patchCount(), 0, null, 0,
					picks.length), importance, progress);
		}

		// before the head branch: a heap too small for the tail views then
		// fails in seconds rather than after the coreset
		final TailEstimate tail = settings.method() == Method.TAILEDCORE &&
			settings.tailBranch() ? tailEstimate(features, progress) : null;
		progress.stage("Noise filter (LOF)");
		final NoiseFilterResult clean = new LofNoiseFilter(settings
			.projectionDim(), settings.lofNeighbors(), settings.noiseDropFraction(),
			lofSeed).filter(features, progress);
		progress.stage("Coreset");
		final long[] cleanPicks = coreset.select(features, clean.keptIndices(),
			weights, headSeed, progress);
		final FeatureMatrix cleanMemory = features.gather(cleanPicks);
		final int[] cleanOrigins = origins(cleanPicks, locations);

		if (settings.method() == Method.SOFTPATCH) {
			final float[] lof = new float[cleanPicks.length];
			for (int i = 0; i < lof.length; i++)
				lof[i] = clean.score(cleanPicks[i]);
			return model(features, new MemoryBank(cleanMemory, scoreWeights(
				importance, cleanOrigins, lof), 0), cleanOrigins, backbone, FitSummary
					.of(features.imageCount(), features.patchCount(), clean
						.droppedCount(), null, 0, cleanPicks.length), importance, progress);
		}
		if (tail == null) return model(features, new MemoryBank(cleanMemory,
			scoreWeights(importance, cleanOrigins, null), 0), cleanOrigins, backbone,
			FitSummary.of(features.imageCount(), features.patchCount(), clean
				.droppedCount(), null, 0, cleanPicks.length), importance, progress);

		final TailPool pool = tailPool(features, tail.tailIndices(), views,
			progress);
		// the robust estimate leaves out the defects of mostly normal tail images
		final TailNoiseFilter.Result filtered = TailSampler.of(settings)
			.filterPool(tail, features, clean, pool.features, pool.origins,
				progress);
		progress.stage("Tail coreset");
		final long[] tailPicks = coreset.select(pool.features, filtered
			.candidates(),
			importance == null ? null : importance.weightsOf(pool.origins), tailSeed,
			progress);
		final int[] tailOrigins = new int[tailPicks.length];
		for (int i = 0; i < tailPicks.length; i++)
			tailOrigins[i] = pool.origins[(int) (tailPicks[i] / locations)];
		final int[] memoryOrigins = concat(tailOrigins, cleanOrigins);
		return model(features, new MemoryBank(FeatureMatrix.concatRows(
			pool.features.gather(tailPicks), cleanMemory), scoreWeights(importance,
				memoryOrigins, null), tailPicks.length), memoryOrigins, backbone,
			FitSummary.of(features.imageCount(), features.patchCount(), clean
				.droppedCount(), filtered.estimate(), tailPicks.length, cleanPicks
					.length), importance, progress);
	}

	/** A scorer for a fitted model (exact nearest-neighbour search). */
	public static AnomalyScorer scorer(final TailedCoreModel model) {
		return AnomalyScorer.of(model);
	}

	/** Q with, for each of its images, the training image it shows. */
	private static final class TailPool {

		final PatchFeatures features;
		final int[] origins;

		TailPool(final PatchFeatures features, final int[] origins) {
			this.features = features;
			this.origins = origins;
		}
	}

	/**
	 * TailSampler's estimate from the image embeddings, and a first check
	 * that the heap left beside the head's memory bank (at most a coreset
	 * ratio of the patches) can hold the tail views.
	 */
	private TailEstimate tailEstimate(final PatchFeatures features,
		final Progress progress)
	{
		progress.stage("Tail sampling");
		final TailEstimate tail = TailSampler.of(settings).estimate(features
			.embeddingMatrix(), progress);
		final FeatureGrid grid = features.grid();
		requireHeapForViews(tail.tailIndices().length, settings.tailAugmentation(),
			grid, (long) (settings.coresetRatio() * features.patchCount()) * grid
				.dims() * Float.BYTES);
		return tail;
	}

	/**
	 * Q: all patches of the tail images T, followed by all patches of their
	 * augmented views, image by image in view order (spec §6).
	 */
	private TailPool tailPool(final PatchFeatures features,
		final int[] tailImages, final TailViewSource views,
		final Progress progress) throws IOException
	{
		final PatchFeatures pool = new PatchFeatures(features.grid());
		final TailAugmentation augmentation = settings.tailAugmentation();
		final int[] origins = new int[tailImages.length * (1 + augmentation
			.viewCount())];
		for (final int i : tailImages) {
			origins[pool.imageCount()] = i;
			pool.add(features.patches(i), null);
		}
		if (augmentation != TailAugmentation.NONE && tailImages.length > 0) {
			requireHeapForViews(tailImages.length, augmentation, features.grid(), 0);
			progress.stage("Tail views (" + augmentation.viewCount() +
				" per tail image)");
			for (int t = 0; t < tailImages.length; t++) {
				progress.checkCanceled();
				for (final float[] view : views.views(tailImages[t], augmentation)) {
					origins[pool.imageCount()] = tailImages[t];
					pool.add(view, null);
				}
				progress.update(t + 1, tailImages.length);
			}
		}
		return new TailPool(pool, Arrays.copyOf(origins, pool
			.imageCount()));
	}

	/**
	 * The views of the tail images are held in memory until their coreset is
	 * picked: |T| · V · L · D floats. Fails before extracting them if the heap
	 * cannot hold them twice over (the pool and its projection and gather).
	 *
	 * @param reserve bytes that will be taken by then, beside what is in use
	 */
	private static void requireHeapForViews(final int tailImages,
		final TailAugmentation augmentation, final FeatureGrid grid,
		final long reserve)
	{
		if (augmentation == TailAugmentation.NONE || tailImages == 0) return;
		final Runtime runtime = Runtime.getRuntime();
		final long free = Math.max(0, runtime.maxMemory() - (runtime
			.totalMemory() - runtime.freeMemory()) - reserve);
		final long needed = 2L * tailImages * augmentation.viewCount() * grid
			.locations() * grid.dims() * Float.BYTES;
		if (needed > free) throw new IllegalStateException(String.format(
			Locale.ROOT, "The %d tail images need about %.1f GB more heap for " +
				"their %d %s views each, but only %.1f GB are free. Give Java more " +
				"memory (-Xmx; in Fiji: Edit > Options > Memory & Threads) or choose " +
				"a tail augmentation with fewer views (rot45flip: 15, rotflip: 7, " +
				"none).", tailImages, needed / 1e9, augmentation.viewCount(),
			augmentation.name().toLowerCase(Locale.ROOT), free / 1e9));
	}

	/**
	 * The importance of each training image: its leave-one-image-out score
	 * against the unweighted PatchCore memory (all patches, the head seed),
	 * weighted by {@link ImportanceWeights#defaults()}.
	 */
	private ImageImportance importance(final PatchFeatures features,
		final CoresetSelection coreset, final long seed, final Progress progress)
	{
		progress.stage("Importance: unweighted coreset");
		final long[] picks = coreset.select(features, null, seed, progress);
		progress.stage("Importance: leave-one-image-out scores of " + features
			.imageCount() + " images");
		return ImageImportance.estimate(new MemoryBank(features.gather(picks), null,
			0), origins(picks, features.grid().locations()), features, settings
				.gaussianSigma(), ImportanceWeights.defaults(), progress);
	}

	/**
	 * The memory's score weights: {@code base} (SoftPatch's LOF scores, or
	 * {@code null}), times min(1, 1 / w) of each row's image when scores are
	 * importance-weighted.
	 */
	private float[] scoreWeights(final ImageImportance importance,
		final int[] origins, final float[] base)
	{
		if (importance == null || !settings.importanceWeighting().weighsScores())
			return base;
		return importance.scoreWeights(origins, base);
	}

	private TailedCoreModel model(final PatchFeatures features,
		final MemoryBank memory, final int[] origins, final BackboneId backbone,
		final FitSummary summary, final ImageImportance importance,
		final Progress progress)
	{
		Threshold t = null;
		if (threshold != null) {
			progress.stage("Threshold (leave-one-image-out scores)");
			t = threshold.estimate(memory, origins, features, settings
				.gaussianSigma(), progress);
		}
		return new TailedCoreModel(settings, backbone, features.grid(), memory,
			importance == null ? summary : summary.withImportance(importance
				.scores(), importance.weights()), t);
	}

	private static int[] origins(final long[] picks, final int locations) {
		final int[] origins = new int[picks.length];
		for (int i = 0; i < picks.length; i++)
			origins[i] = (int) (picks[i] / locations);
		return origins;
	}

	private static int[] concat(final int[] a, final int[] b) {
		final int[] out = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, out, a.length, b.length);
		return out;
	}
}
