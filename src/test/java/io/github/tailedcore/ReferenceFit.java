package io.github.tailedcore;

import io.github.tailedcore.feature.BackboneId;
import io.github.tailedcore.feature.PatchFeatures;
import io.github.tailedcore.importance.ImageImportance;
import io.github.tailedcore.importance.ImportanceWeights;
import io.github.tailedcore.linalg.FeatureMatrix;
import io.github.tailedcore.linalg.Quantile;
import io.github.tailedcore.memory.MemoryBank;
import io.github.tailedcore.noise.LofNoiseFilter;
import io.github.tailedcore.noise.NoiseFilterResult;
import io.github.tailedcore.sampling.CoresetFraction;
import io.github.tailedcore.sampling.CoresetSampler;
import io.github.tailedcore.sampling.RandomProjection;
import io.github.tailedcore.scoring.AnomalyResult;
import io.github.tailedcore.scoring.AnomalyScorer;
import io.github.tailedcore.tail.TailEstimate;
import io.github.tailedcore.tail.TailSampler;
import io.github.tailedcore.threshold.LeaveOneOutThreshold;

import java.io.IOException;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

/**
 * The fit as it was before it streamed: every feature and every tail view
 * held in the heap, each coreset projecting its own candidates, and
 * leave-one-image-out scores against a copy of the memory bank without the
 * image's rows.
 * The oracle the streaming {@link TailedCore} must match bit for bit; kept
 * as simple as the official code it follows (spec §1).
 */
final class ReferenceFit {

	private final TailedCoreSettings settings;

	ReferenceFit(final TailedCoreSettings settings) {
		this.settings = settings;
	}

	TailedCoreModel fit(final PatchFeatures features, final BackboneId backbone,
		final TailViewSource views) throws IOException
	{
		final SplittableRandom seeds = new SplittableRandom(settings.seed());
		final long lofSeed = seeds.nextLong();
		final long headSeed = seeds.nextLong();
		final long tailSeed = seeds.nextLong();
		final int locations = features.grid().locations();
		final ImageImportance importance = settings.importanceWeighting()
			.weighsCoreset() ? importance(features, headSeed) : null;
		final double[] weights = importance == null ? null : importance.weights();
		if (settings.method() == Method.PATCHCORE) {
			final long[] picks = select(features, null, weights, headSeed);
			final int[] origins = origins(picks, locations);
			return model(features, new MemoryBank(features.gather(picks),
				scoreWeights(importance, origins, null), 0), origins, backbone, FitSummary
					.of(features.imageCount(), features.patchCount(), 0, null, 0,
						picks.length), importance);
		}
		final TailEstimate tail = settings.method() == Method.TAILEDCORE &&
			settings.tailBranch() ? TailSampler.of(settings).estimate(features
				.embeddingMatrix()) : null;
		final NoiseFilterResult clean = new LofNoiseFilter(settings
			.projectionDim(), settings.lofNeighbors(), settings.noiseDropFraction(),
			settings.effectiveNoiseThreshold(), lofSeed).filter(features, Progress
				.none());
		final long[] cleanPicks = select(features, clean.keptIndices(), weights,
			headSeed);
		final int[] cleanOrigins = origins(cleanPicks, locations);
		final FitSummary summary = FitSummary.of(features.imageCount(), features
			.patchCount(), clean.droppedCount(), null, 0, cleanPicks.length);
		if (settings.method() == Method.SOFTPATCH) {
			final float[] lof = new float[cleanPicks.length];
			for (int i = 0; i < lof.length; i++)
				lof[i] = clean.score(cleanPicks[i]);
			return model(features, new MemoryBank(features.gather(cleanPicks),
				scoreWeights(importance, cleanOrigins, lof), 0), cleanOrigins, backbone,
				summary, importance);
		}
		if (tail == null) return model(features, new MemoryBank(features.gather(
			cleanPicks), scoreWeights(importance, cleanOrigins, null), 0),
			cleanOrigins, backbone, summary, importance);
		// Q: the tail images, then all their views, held at once
		final PatchFeatures pool = new PatchFeatures(features.grid());
		final int[] poolOrigins = new int[tail.tailIndices().length * (1 + settings
			.tailAugmentation().viewCount())];
		for (final int i : tail.tailIndices()) {
			poolOrigins[pool.imageCount()] = i;
			pool.add(features.patches(i), null);
		}
		if (settings.tailAugmentation().viewCount() > 0) for (final int i : tail
			.tailIndices())
			for (final float[] view : views.views(i, settings.tailAugmentation())) {
				poolOrigins[pool.imageCount()] = i;
				pool.add(view, null);
			}
		final int[] origins = Arrays.copyOf(poolOrigins, pool.imageCount());
		final long[] tailPicks = select(pool, null, importance == null ? null
			: importance.weightsOf(origins), tailSeed);
		final int[] memoryOrigins = new int[tailPicks.length + cleanPicks.length];
		for (int i = 0; i < tailPicks.length; i++)
			memoryOrigins[i] = origins[(int) (tailPicks[i] / locations)];
		System.arraycopy(cleanOrigins, 0, memoryOrigins, tailPicks.length,
			cleanOrigins.length);
		return model(features, new MemoryBank(FeatureMatrix.concatRows(pool.gather(
			tailPicks), features.gather(cleanPicks)), scoreWeights(importance,
				memoryOrigins, null), tailPicks.length), memoryOrigins, backbone,
			FitSummary.of(features.imageCount(), features.patchCount(), clean
				.droppedCount(), tail, tailPicks.length, cleanPicks.length),
			importance);
	}

	/**
	 * S<sub>core</sub> as the official code runs it: project the candidates
	 * with the seed's map, pick ⌊r · n⌋ greedily from the seed's start.
	 */
	private long[] select(final PatchFeatures pool, final long[] candidates,
		final double[] imageWeights, final long seed)
	{
		final int n = candidates == null ? (int) pool.patchCount()
			: candidates.length;
		if (n == 0) return new long[0];
		final int locations = pool.grid().locations();
		final SplittableRandom random = new SplittableRandom(seed);
		final RandomProjection projection = RandomProjection.reducing(pool.grid()
			.dims(), settings.projectionDim(), random.nextLong());
		final FeatureMatrix points = candidates == null ? projection.apply(pool)
			: projection.apply(pool.gather(candidates));
		CoresetSampler sampler = CoresetSampler.fastest();
		if (imageWeights != null) {
			final double[] w = new double[n];
			for (int i = 0; i < n; i++)
				w[i] = imageWeights[(int) ((candidates == null ? i : candidates[i]) /
					locations)];
			sampler = CoresetSampler.fastestWeighted(w);
		}
		final int[] picks = CoresetFraction.select(sampler, points, settings
			.coresetRatio(), random.nextLong(), Progress.none());
		return IntStream.of(picks).mapToLong(i -> candidates == null ? i
			: candidates[i]).toArray();
	}

	private ImageImportance importance(final PatchFeatures features,
		final long seed)
	{
		final long[] picks = select(features, null, null, seed);
		final double[] s = leaveOneOut(new MemoryBank(features.gather(picks), null,
			0), origins(picks, features.grid().locations()), features, IntStream
				.range(0, features.imageCount()).toArray(), r -> {
					double sum = 0;
					for (final float v : r.patchScores())
						sum += v;
					return sum / r.patchScores().length;
				});
		return new ImageImportance(s, ImportanceWeights.defaults().weights(s));
	}

	private float[] scoreWeights(final ImageImportance importance,
		final int[] origins, final float[] base)
	{
		if (importance == null || !settings.importanceWeighting().weighsScores())
			return base;
		return importance.scoreWeights(origins, base);
	}

	/** The model, with the default leave-one-image-out threshold. */
	private TailedCoreModel model(final PatchFeatures features,
		final MemoryBank memory, final int[] origins, final BackboneId backbone,
		final FitSummary summary, final ImageImportance importance)
	{
		final int[] images = sample(features.imageCount(), origins);
		final Threshold threshold = images.length == 0 ? null : new Threshold(
			Quantile.of(leaveOneOut(memory, origins, features, images,
				AnomalyResult::imageScore), LeaveOneOutThreshold.DEFAULT_QUANTILE),
			"reference");
		return new TailedCoreModel(settings, backbone, features.grid(), memory,
			importance == null ? summary : summary.withImportance(importance
				.scores(), importance.weights()), threshold);
	}

	/**
	 * The images the threshold scores: up to 16 that do not own every row,
	 * drawn by a partial Fisher–Yates shuffle from the fit's seed.
	 */
	private int[] sample(final int imageCount, final int[] origins) {
		final int max = LeaveOneOutThreshold.DEFAULT_MAX_IMAGES;
		final int[] candidates = IntStream.range(0, imageCount).filter(i -> IntStream
			.of(origins).anyMatch(o -> o != i)).toArray();
		if (candidates.length <= max) return candidates;
		final SplittableRandom random = new SplittableRandom(settings.seed());
		for (int i = 0; i < max; i++) {
			final int j = i + random.nextInt(candidates.length - i);
			final int t = candidates[i];
			candidates[i] = candidates[j];
			candidates[j] = t;
		}
		final int[] chosen = Arrays.copyOf(candidates, max);
		Arrays.sort(chosen);
		return chosen;
	}

	/** Each image scored against a copy of the memory without its rows. */
	private double[] leaveOneOut(final MemoryBank memory, final int[] origins,
		final PatchFeatures features, final int[] images,
		final ToDoubleFunction<AnomalyResult> score)
	{
		final double[] scores = new double[images.length];
		for (int k = 0; k < images.length; k++) {
			final int image = images[k];
			final int[] rows = IntStream.range(0, origins.length).filter(
				r -> origins[r] != image).toArray();
			float[] weights = null;
			if (memory.weights() != null) {
				weights = new float[rows.length];
				for (int i = 0; i < rows.length; i++)
					weights[i] = memory.weights()[rows[i]];
			}
			final MemoryBank without = new MemoryBank(memory.vectors().selectRows(
				rows), weights, 0);
			scores[k] = score.applyAsDouble(new AnomalyScorer(without, features
				.grid(), settings.gaussianSigma()).score(features.patches(image)));
		}
		return scores;
	}

	private static int[] origins(final long[] picks, final int locations) {
		return LongStream.of(picks).mapToInt(g -> (int) (g / locations)).toArray();
	}
}
