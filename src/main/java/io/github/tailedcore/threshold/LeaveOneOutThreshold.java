package io.github.tailedcore.threshold;

import io.github.tailedcore.Progress;
import io.github.tailedcore.Threshold;
import io.github.tailedcore.feature.FeatureGrid;
import io.github.tailedcore.feature.PatchFeatures;
import io.github.tailedcore.linalg.Quantile;
import io.github.tailedcore.memory.MemoryBank;
import io.github.tailedcore.scoring.AnomalyResult;
import io.github.tailedcore.scoring.AnomalyScorer;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

/**
 * A label-free default decision threshold: the fitted memory scores its own
 * training images, each against the memory without the vectors that came
 * from that image (leave one image out), and the threshold is a high
 * quantile of those image scores.
 * <p>
 * Scoring a training image against the full memory would give it a score
 * near 0 (its own patches are in M); leaving its vectors out makes it look
 * like an unseen normal image. Images of rare classes (a class of one image
 * loses all support) and defective training images score high, so the
 * quantile, not the maximum, is used. At most {@code maxImages} images,
 * drawn with the seed, are scored, because each costs as much as scoring a
 * test image.
 * </p>
 */
public final class LeaveOneOutThreshold {

	/** Images scored by default. */
	public static final int DEFAULT_MAX_IMAGES = 16;
	/** The quantile of their scores taken by default. */
	public static final double DEFAULT_QUANTILE = 0.95;

	private final int maxImages;
	private final double quantile;
	private final long seed;

	/**
	 * @param maxImages at most this many training images are scored
	 * @param quantile the quantile of their scores that becomes the threshold
	 * @param seed draws the images when there are more than {@code maxImages}
	 */
	public LeaveOneOutThreshold(final int maxImages, final double quantile,
		final long seed)
	{
		if (maxImages < 1) throw new IllegalArgumentException(
			"Score at least one image for a threshold, got " + maxImages + ".");
		if (!(quantile >= 0 && quantile <= 1)) throw new IllegalArgumentException(
			"The threshold quantile must be in [0, 1], got " + quantile + ".");
		this.maxImages = maxImages;
		this.quantile = quantile;
		this.seed = seed;
	}

	/**
	 * The threshold, or {@code null} if no image can be left out (every
	 * memory vector came from one image).
	 *
	 * @param memory the fitted memory bank M
	 * @param origins for each memory row, the training image it came from
	 *          (augmented views count as their image)
	 * @param features the training features, in the order {@code origins}
	 *          refers to
	 * @param sigma the Gaussian σ of the model's maps
	 */
	public Threshold estimate(final MemoryBank memory, final int[] origins,
		final PatchFeatures features, final double sigma, final Progress progress)
	{
		final int[] images = sample(features.imageCount(), origins);
		if (images.length == 0) return null;
		final double[] scores = scores(memory, origins, features, images, sigma,
			progress);
		return new Threshold(Quantile.of(scores, quantile), String.format(
			"%.2f quantile of the leave-one-image-out scores of %d of the %d " +
				"training images", quantile, images.length, features.imageCount()));
	}

	/**
	 * The leave-one-image-out image score of each given training image: the
	 * image score of its patches against M without the rows whose origin is
	 * that image.
	 */
	public static double[] scores(final MemoryBank memory, final int[] origins,
		final PatchFeatures features, final int[] images, final double sigma,
		final Progress progress)
	{
		return leaveOneOut(memory, origins, features, images, sigma, progress,
			AnomalyResult::imageScore);
	}

	/**
	 * The mean leave-one-image-out patch score of each given training image:
	 * the mean over its patches, scored against M without the rows whose
	 * origin is that image. Unlike the image score (the max), a small defect
	 * barely moves it.
	 */
	public static double[] meanPatchScores(final MemoryBank memory,
		final int[] origins, final PatchFeatures features, final int[] images,
		final double sigma, final Progress progress)
	{
		return leaveOneOut(memory, origins, features, images, sigma, progress,
			r -> {
				double sum = 0;
				for (final float v : r.patchScores())
					sum += v;
				return sum / r.patchScores().length;
			});
	}

	private static double[] leaveOneOut(final MemoryBank memory,
		final int[] origins, final PatchFeatures features, final int[] images,
		final double sigma, final Progress progress,
		final ToDoubleFunction<AnomalyResult> score)
	{
		if (origins.length != memory.size()) throw new IllegalArgumentException(
			"Need one origin per memory row: " + origins.length + " for " + memory
				.size() + " rows.");
		final FeatureGrid grid = features.grid();
		final double[] scores = new double[images.length];
		for (int k = 0; k < images.length; k++) {
			progress.checkCanceled();
			final MemoryBank without = without(memory, origins, images[k]);
			scores[k] = score.applyAsDouble(new AnomalyScorer(without, grid, sigma)
				.score(features.patches(images[k])));
			progress.update(k + 1, images.length);
		}
		return scores;
	}

	/** Up to maxImages images that do not own every memory row, ascending. */
	private int[] sample(final int imageCount, final int[] origins) {
		final int[] candidates = IntStream.range(0, imageCount).filter(
			i -> ownsLessThanAll(origins, i)).toArray();
		if (candidates.length <= maxImages) return candidates;
		final SplittableRandom random = new SplittableRandom(seed);
		for (int i = 0; i < maxImages; i++) { // partial Fisher–Yates
			final int j = i + random.nextInt(candidates.length - i);
			final int t = candidates[i];
			candidates[i] = candidates[j];
			candidates[j] = t;
		}
		final int[] chosen = Arrays.copyOf(candidates, maxImages);
		Arrays.sort(chosen);
		return chosen;
	}

	private static boolean ownsLessThanAll(final int[] origins, final int image) {
		for (final int o : origins)
			if (o != image) return true;
		return false;
	}

	private static MemoryBank without(final MemoryBank memory,
		final int[] origins, final int image)
	{
		final int[] rows = IntStream.range(0, origins.length).filter(
			r -> origins[r] != image).toArray();
		final float[] weights = memory.weights();
		float[] kept = null;
		if (weights != null) {
			kept = new float[rows.length];
			for (int i = 0; i < rows.length; i++)
				kept[i] = weights[rows[i]];
		}
		return new MemoryBank(memory.vectors().selectRows(rows), kept, 0);
	}
}
