package io.github.tailedcore;

import io.github.tailedcore.feature.BackboneId;
import io.github.tailedcore.feature.FeatureExtractor;
import io.github.tailedcore.feature.FeatureGrid;
import io.github.tailedcore.feature.ImagePatches;
import io.github.tailedcore.feature.ImageSource;
import io.github.tailedcore.feature.PatchFeatures;
import io.github.tailedcore.importance.ImageImportance;
import io.github.tailedcore.importance.ImportanceWeights;
import io.github.tailedcore.linalg.FeatureMatrix;
import io.github.tailedcore.memory.CoresetSelection;
import io.github.tailedcore.memory.MemoryBank;
import io.github.tailedcore.memory.PatchSpill;
import io.github.tailedcore.memory.ProjectedPatches;
import io.github.tailedcore.memory.TailPool;
import io.github.tailedcore.noise.LofNoiseFilter;
import io.github.tailedcore.noise.NoiseFilterResult;
import io.github.tailedcore.preprocess.IntensityHistogram;
import io.github.tailedcore.preprocess.Channels;
import io.github.tailedcore.preprocess.Preprocessing;
import io.github.tailedcore.preprocess.TileOwners;
import io.github.tailedcore.sampling.CoresetSampler;
import io.github.tailedcore.scoring.AnomalyScorer;
import io.github.tailedcore.scoring.ImageNeighbors;
import io.github.tailedcore.tail.TailEstimate;
import io.github.tailedcore.tail.TailNoiseFilter;
import io.github.tailedcore.tail.TailSampler;
import io.github.tailedcore.threshold.LeaveOneOutThreshold;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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
 * 15 % most outlying patches (by default only those of them LOF calls
 * outliers, {@link io.github.tailedcore.noise.NoiseThreshold}), then
 * S<sub>core</sub>, a 10 % greedy coreset (M<sub>clean</sub>);</li>
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
 * <p>
 * The fit streams: as each training image passes, its patches are projected
 * into the seeded d-dimensional spaces the selection stages work in (LOF,
 * coresets; 1/8 of the features for 1024 → 128) and written to a temporary
 * file ({@link PatchSpill}); the tail views are projected and spilled the
 * same way ({@link TailPool}). Only the picked rows are read back in full
 * dimension, so the heap holds the projections and the memory bank, never
 * all features. The model is the one that holding every feature would give,
 * bit for bit.
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
	 * fits on them as they pass (the features go to a temporary file that is
	 * deleted at the end); the tail images' views are extracted by re-reading
	 * those images.
	 *
	 * @throws IOException naming the first image that cannot be read
	 * @throws IllegalArgumentException if there are no images
	 * @throws IllegalStateException before any work if the heap, or the disk
	 *           of the temporary file, is too small for this many images
	 *           ({@link MemoryEstimate}, {@link PatchSpill#create})
	 */
	public TailedCoreModel fit(final List<? extends ImageSource> images,
		final FeatureExtractor extractor, final Progress progress)
		throws IOException
	{
		return fit(images, extractor, Preprocessing.paper(), progress);
	}

	/**
	 * As {@link #fit(List, FeatureExtractor, Progress)}, with the images
	 * prepared as {@code preprocessing} says; the model records it, with the
	 * training intensity range measured (one more pass over the images) if
	 * it has one. Its channels are used as given ({@code auto} takes grey and
	 * colour images); the fit commands settle {@code auto} for composites
	 * from the training images first ({@link Channels#fittedTo}).
	 * <p>
	 * Tiled, every tile is one unit of the fit, as an image is in the paper:
	 * its patches enter the bank's candidates, the noise filter compares it
	 * location by location with the other tiles, and TailSampler estimates
	 * class sizes per tile from the tiles' embeddings (what the backbone saw),
	 * so that content that is rare among the tiles, not only rare images, is
	 * kept by the tail branch; a tail tile's views are views of that tile.
	 * The leave-one-out threshold leaves each drawn image out with all its
	 * tiles and takes a quantile of image scores (the maximum over an image's
	 * tiles, as scoring gives). Class-aware scoring compares tiles too:
	 * each tile's embedding chooses its neighbours among the training tiles,
	 * those of a left-out image excluded.
	 * </p>
	 */
	public TailedCoreModel fit(final List<? extends ImageSource> images,
		final FeatureExtractor extractor, final Preprocessing preprocessing,
		final Progress progress) throws IOException
	{
		if (images.isEmpty()) throw noImages();
		final FeatureGrid grid = extractor.grid();
		final int[] firstInputs = extractor.firstInputs(images, preprocessing);
		final int inputs = firstInputs[images.size()];
		final TileOwners tiles = new TileOwners(firstInputs);
		MemoryEstimate.forFit(inputs, grid.locations(), grid.dims(), settings)
			.requireHeap();
		final Preprocessing fitted = trainingRange(images, preprocessing,
			progress);
		try (PatchSpill spill = PatchSpill.create(grid, inputs)) {
			final Projections training = projections(grid, inputs);
			progress.stage("Features of " + images.size() + " training images" +
				(inputs == images.size() ? "" : " (" + inputs + " tiles)"));
			extractor.extractEach(images, fitted, (i, f) -> {
				training.add(f.patches(), f.embedding());
				spill.add(f.patches());
			}, progress);
			return fit(training, spill, extractor.backboneId(), (input,
				augmentation) -> {
				final int image = tiles.owner(input);
				return extractor.extractViews(images.get(image).open(), fitted, input -
					tiles.first(image), augmentation);
			}, inputs == images.size() ? null : firstInputs, progress)
				.withPreprocessing(fitted);
		}
	}

	/** The training intensity range, measured if {@code p} needs it. */
	private static Preprocessing trainingRange(
		final List<? extends ImageSource> images, final Preprocessing p,
		final Progress progress) throws IOException
	{
		if (!p.intensity().needsTraining()) return p;
		progress.stage("Intensity range of " + images.size() + " training images");
		final IntensityHistogram h = new IntensityHistogram();
		for (int i = 0; i < images.size(); i++) {
			progress.checkCanceled();
			h.add(images.get(i).open());
			progress.update(i + 1, images.size());
		}
		return p.fittedTo(h);
	}

	/**
	 * Fits the memory bank on features computed elsewhere: the same model as
	 * {@link #fit(List, FeatureExtractor, Progress)} on the images these
	 * features came from. The tail views are streamed as there.
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
		final int n = features.imageCount();
		if (n == 0) throw noImages();
		final Projections training = projections(features.grid(), n);
		progress.stage("Projections of " + n + " training images");
		for (int i = 0; i < n; i++) {
			progress.checkCanceled();
			training.add(features.patches(i), features.embedding(i));
			progress.update(i + 1, n);
		}
		return fit(training, features, backbone, views, null, progress);
	}

	/** A scorer for a fitted model (exact nearest-neighbour search). */
	public static AnomalyScorer scorer(final TailedCoreModel model) {
		return AnomalyScorer.of(model);
	}

	private static IllegalArgumentException noImages() {
		return new IllegalArgumentException(
			"There are no training images to fit on.");
	}

	/**
	 * The fit proper, on the training images' projections and embeddings;
	 * {@code patches} gives back their full-dimensional rows.
	 */
	private TailedCoreModel fit(final Projections training,
		final ImagePatches patches, final BackboneId backbone,
		final TailViewSource views, final int[] firstInputs,
		final Progress progress) throws IOException
	{
		final Seeds seeds = new Seeds(settings.seed());
		final CoresetSelection coreset = coresetSelection();
		final FeatureGrid grid = patches.grid();
		final int locations = grid.locations();
		final ImageImportance importance = settings.importanceWeighting()
			.weighsCoreset() ? importance(training, patches, firstInputs, coreset,
				seeds.head, progress) : null;
		final double[] weights = importance == null ? null : importance.weights();
		final long patchCount = patches.patchCount();

		if (settings.method() == Method.PATCHCORE) {
			progress.stage("Coreset");
			final long[] picks = coreset.select(training.releaseHead(), null,
				weights, locations, seeds.head, progress);
			final int[] origins = origins(picks, locations);
			return model(patches, new MemoryBank(patches.gather(picks), scoreWeights(
				importance, origins, null), 0, origins), neighbors(training),
				backbone, FitSummary.of(patches
					.imageCount(), patchCount, 0, null, 0, picks.length), importance,
				firstInputs, progress);
		}

		// before the head branch: a heap too small for the tail pool then
		// fails in seconds rather than after the coreset
		final TailEstimate tail = settings.method() == Method.TAILEDCORE &&
			settings.tailBranch() ? tailEstimate(training, grid, progress) : null;
		progress.stage("Noise filter (LOF)");
		final NoiseFilterResult clean = noiseFilter(seeds).filter(training
			.releaseNoiseFilter(), locations, progress);
		progress.stage("Coreset");
		final long[] cleanPicks = coreset.select(training.releaseHead(), clean
			.keptIndices(), weights, locations, seeds.head, progress);
		final int[] cleanOrigins = origins(cleanPicks, locations);

		if (settings.method() == Method.SOFTPATCH) {
			final float[] lof = new float[cleanPicks.length];
			for (int i = 0; i < lof.length; i++)
				lof[i] = clean.score(cleanPicks[i]);
			return model(patches, new MemoryBank(patches.gather(cleanPicks),
				scoreWeights(importance, cleanOrigins, lof), 0, cleanOrigins),
				neighbors(training), backbone,
				FitSummary.of(patches.imageCount(), patchCount, clean.droppedCount(),
					null, 0, cleanPicks.length), importance, firstInputs, progress);
		}
		if (tail == null) return model(patches, new MemoryBank(patches.gather(
			cleanPicks), scoreWeights(importance, cleanOrigins, null), 0,
			cleanOrigins), neighbors(training), backbone, FitSummary.of(patches.imageCount(), patchCount,
				clean.droppedCount(), null, 0, cleanPicks.length), importance,
			firstInputs, progress);

		// M = M_tail ∪ M_clean, both gathered into the bank's one array; the
		// robust estimate returns the tail images that look defective first
		final TailSampler sampler = TailSampler.of(settings);
		final TailEstimate confirmed = sampler.confirm(tail, clean, locations);
		final int dims = grid.dims();
		final float[] bank;
		final int[] memoryOrigins;
		final int tailSize;
		final TailEstimate estimate;
		try (TailPool pool = TailPool.build(patches, confirmed.tailIndices(),
			settings.tailAugmentation(), views, coreset.projection(dims, seeds.tail),
			progress))
		{
			// the robust estimate leaves out the defects of mostly normal tail
			// images
			final TailNoiseFilter.Result filtered = sampler.filterPool(confirmed,
				patches, clean, pool, pool.origins(), progress);
			estimate = filtered.estimate();
			progress.stage("Tail coreset");
			final long[] tailPicks = coreset.select(pool.takeProjected(), filtered
				.candidates(),
				importance == null ? null : importance.weightsOf(pool.origins()),
				locations, seeds.tail, progress);
			tailSize = tailPicks.length;
			bank = new float[Math.multiplyExact(tailSize + cleanPicks.length, dims)];
			pool.gather(tailPicks, bank, 0);
			patches.gather(cleanPicks, bank, tailSize);
			memoryOrigins = new int[tailSize + cleanPicks.length];
			for (int i = 0; i < tailSize; i++)
				memoryOrigins[i] = pool.origin(tailPicks[i]);
			System.arraycopy(cleanOrigins, 0, memoryOrigins, tailSize,
				cleanOrigins.length);
		}
		return model(patches, new MemoryBank(new FeatureMatrix(memoryOrigins.length,
			dims, bank), scoreWeights(importance, memoryOrigins, null), tailSize,
			memoryOrigins), neighbors(training), backbone, FitSummary.of(patches.imageCount(), patchCount,
				clean.droppedCount(), estimate, tailSize, cleanPicks.length), importance,
			firstInputs, progress);
	}

	/** The seeds of the stages, drawn in a fixed order from the fit's seed. */
	private static final class Seeds {

		final long noiseFilter;
		final long head;
		final long tail;

		Seeds(final long seed) {
			final SplittableRandom seeds = new SplittableRandom(seed);
			noiseFilter = seeds.nextLong();
			head = seeds.nextLong();
			tail = seeds.nextLong();
		}
	}

	private CoresetSelection coresetSelection() {
		return new CoresetSelection(settings.coresetRatio(), settings
			.projectionDim(), CoresetSampler.fastest());
	}

	private LofNoiseFilter noiseFilter(final Seeds seeds) {
		return new LofNoiseFilter(settings.projectionDim(), settings
			.lofNeighbors(), settings.noiseDropFraction(), settings
				.effectiveNoiseThreshold(), seeds.noiseFilter);
	}

	/**
	 * Empty projections for n images of this grid: the head coreset's, and
	 * the noise filter's when the method filters noise.
	 */
	private Projections projections(final FeatureGrid grid, final int n) {
		final Seeds seeds = new Seeds(settings.seed());
		final int locations = grid.locations();
		return new Projections(settings.method() == Method.PATCHCORE ? null
			: new ProjectedPatches(noiseFilter(seeds).projection(grid.dims()),
				locations, n), new ProjectedPatches(coresetSelection().projection(grid
					.dims(), seeds.head), locations, n), n);
	}

	/**
	 * What the fit keeps of each training image as it passes: its patches in
	 * the noise filter's and the head coreset's projections, and its
	 * embedding e<sub>i</sub>. Each projection is let go once its stage is
	 * done.
	 */
	private static final class Projections {

		private ProjectedPatches noiseFilter;
		private ProjectedPatches head;
		private final List<float[]> embeddings;

		Projections(final ProjectedPatches noiseFilter,
			final ProjectedPatches head, final int images)
		{
			this.noiseFilter = noiseFilter;
			this.head = head;
			embeddings = new ArrayList<>(images);
		}

		void add(final float[] patches, final float[] embedding) {
			if (noiseFilter != null) noiseFilter.add(patches);
			head.add(patches);
			embeddings.add(embedding);
		}

		/** The noise filter's projection, no longer held here. */
		FeatureMatrix releaseNoiseFilter() {
			final FeatureMatrix m = noiseFilter.matrix();
			noiseFilter = null;
			return m;
		}

		/** The head coreset's projection, no longer held here. */
		FeatureMatrix releaseHead() {
			final FeatureMatrix m = head.matrix();
			head = null;
			return m;
		}

		/** All embeddings as an N × E matrix. */
		FeatureMatrix embeddings() {
			final int e = embeddings.get(0) == null ? 0 : embeddings.get(0).length;
			final float[] out = new float[embeddings.size() * e];
			for (int i = 0; i < embeddings.size(); i++) {
				final float[] row = embeddings.get(i);
				if (row == null || row.length != e) throw new IllegalArgumentException(
					"TailedCore needs an embedding of every training image, but image " +
						i + " has " + (row == null ? "none" : row.length + " values") + ".");
				System.arraycopy(row, 0, out, i * e, e);
			}
			return new FeatureMatrix(embeddings.size(), e, out);
		}
	}

	/**
	 * TailSampler's estimate from the image embeddings, and a first check
	 * that the heap can hold the tail pool's projections and memory beside
	 * the head's.
	 */
	private TailEstimate tailEstimate(final Projections training,
		final FeatureGrid grid, final Progress progress)
	{
		progress.stage("Tail sampling");
		final TailEstimate tail = TailSampler.of(settings).estimate(training
			.embeddings(), progress);
		MemoryEstimate.forFit(training.embeddings.size(), grid.locations(), grid
			.dims(), settings).withTail(tail.tailIndices().length, settings
				.tailAugmentation().viewCount()).requireHeap();
		return tail;
	}

	/**
	 * The importance of each training image (each tile of a tiled fit): its
	 * leave-one-image-out score against the unweighted PatchCore memory (all
	 * patches, the head seed), weighted by {@link ImportanceWeights#defaults()}.
	 *
	 * @param firstInputs as for {@link #model}
	 */
	private ImageImportance importance(final Projections training,
		final ImagePatches patches, final int[] firstInputs,
		final CoresetSelection coreset, final long seed, final Progress progress)
	{
		progress.stage("Importance: unweighted coreset");
		final int locations = patches.grid().locations();
		final long[] picks = coreset.select(training.head.matrix(), null, null,
			locations, seed, progress);
		progress.stage("Importance: leave-one-image-out scores of " + patches
			.imageCount() + " images");
		return ImageImportance.estimate(new MemoryBank(patches.gather(picks), null,
			0), origins(picks, locations), patches, firstInputs == null ? TileOwners
				.untiled(patches.imageCount()) : new TileOwners(firstInputs),
			ImportanceWeights.defaults(), progress);
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

	/**
	 * @param firstInputs the first tile of each image (and the tile count
	 *          last) of a tiled fit, for the threshold; {@code null} when
	 *          every unit is an image
	 */
	private TailedCoreModel model(final ImagePatches patches,
		final MemoryBank memory, final ImageNeighbors neighbors,
		final BackboneId backbone, final FitSummary summary,
		final ImageImportance importance, final int[] firstInputs,
		final Progress progress)
	{
		Threshold t = null;
		if (threshold != null) {
			progress.stage("Threshold (leave-one-image-out scores)");
			final ImageNeighbors conditioning = settings.scoring().conditions()
				? neighbors.under(settings.scoring()) : null;
			final int least = settings.scoringNeighbors();
			t = firstInputs == null ? threshold.estimate(memory, patches,
				conditioning, least, progress) : threshold.estimate(memory, patches,
					firstInputs, conditioning, least, progress);
		}
		return new TailedCoreModel(settings, backbone, patches.grid(), memory,
			importance == null ? summary : summary.withImportance(importance
				.scores(), importance.weights()), t, neighbors);
	}

	/**
	 * The training images' embeddings, or {@code null} if an image has none.
	 *
	 * @throws IllegalArgumentException if class-aware scoring is asked for
	 *           but an image has no embedding
	 */
	private ImageNeighbors neighbors(final Projections training) {
		final String needs = "Class-aware scoring needs the embedding of every " +
			"training image (or choose global scoring): ";
		try {
			final FeatureMatrix embeddings = training.embeddings();
			if (embeddings.cols() > 0) return new ImageNeighbors(embeddings);
		}
		catch (final IllegalArgumentException e) {
			if (settings.scoring().conditions()) throw new IllegalArgumentException(
				needs + e.getMessage(), e);
			return null;
		}
		if (settings.scoring().conditions()) throw new IllegalArgumentException(
			needs + "the training images have none.");
		return null;
	}


	private static int[] origins(final long[] picks, final int locations) {
		final int[] origins = new int[picks.length];
		for (int i = 0; i < picks.length; i++)
			origins[i] = (int) (picks[i] / locations);
		return origins;
	}
}
