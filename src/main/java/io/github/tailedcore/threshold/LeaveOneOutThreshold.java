package io.github.tailedcore.threshold;

import io.github.tailedcore.Progress;
import io.github.tailedcore.Threshold;
import io.github.tailedcore.feature.FeatureGrid;
import io.github.tailedcore.feature.ImagePatches;
import io.github.tailedcore.linalg.FeatureMatrix;
import io.github.tailedcore.linalg.Quantile;
import io.github.tailedcore.memory.MemoryBank;
import io.github.tailedcore.search.NearestNeighborSearch;
import io.github.tailedcore.search.NearestNeighborSearches;

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
 * test image. All of them are scored by one search over M that skips, for
 * each patch, the rows of its own image; M is never copied.
 * </p>
 */
public final class LeaveOneOutThreshold {

	/** Images scored by default. */
	public static final int DEFAULT_MAX_IMAGES = 16;
	/** The quantile of their scores taken by default. */
	public static final double DEFAULT_QUANTILE = 0.95;
	/** Training images whose patches share one search. */
	static final int IMAGES_PER_SEARCH = 16;

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
	 */
	public Threshold estimate(final MemoryBank memory, final int[] origins,
		final ImagePatches features, final Progress progress)
	{
		final int[] images = sample(features.imageCount(), origins);
		if (images.length == 0) return null;
		final double[] scores = scores(memory, origins, features, images,
			progress);
		return new Threshold(Quantile.of(scores, quantile), String.format(
			"%.2f quantile of the leave-one-image-out scores of %d of the %d " +
				"training images", quantile, images.length, features.imageCount()));
	}

	/**
	 * The leave-one-image-out image score of each given training image: the
	 * image score (max<sub>h,w</sub> s, NaN if any s is) of its patches
	 * against M without the rows whose origin is that image.
	 */
	public static double[] scores(final MemoryBank memory, final int[] origins,
		final ImagePatches features, final int[] images, final Progress progress)
	{
		return leaveOneOut(memory, origins, features, images, progress, s -> {
			float max = s[0];
			for (final float v : s) {
				if (Float.isNaN(v)) return Double.NaN;
				if (v > max) max = v;
			}
			return max;
		});
	}

	/**
	 * The mean leave-one-image-out patch score of each given training image:
	 * the mean over its patches, scored against M without the rows whose
	 * origin is that image. Unlike the image score (the max), a small defect
	 * barely moves it.
	 */
	public static double[] meanPatchScores(final MemoryBank memory,
		final int[] origins, final ImagePatches features, final int[] images,
		final Progress progress)
	{
		return leaveOneOut(memory, origins, features, images, progress, s -> {
			double sum = 0;
			for (final float v : s)
				sum += v;
			return sum / s.length;
		});
	}

	/**
	 * One search over M for {@value #IMAGES_PER_SEARCH} images at a time, each
	 * patch ignoring the rows of its own image
	 * ({@link NearestNeighborSearch#searchExcluding}): the patch scores that
	 * a scorer of M without those rows gives (weighted as
	 * {@link io.github.tailedcore.scoring.AnomalyScorer} weighs them), with
	 * one copy of M for all images instead of one per image.
	 */
	private static double[] leaveOneOut(final MemoryBank memory,
		final int[] origins, final ImagePatches features, final int[] images,
		final Progress progress, final ToDoubleFunction<float[]> score)
	{
		if (origins.length != memory.size()) throw new IllegalArgumentException(
			"Need one origin per memory row: " + origins.length + " for " + memory
				.size() + " rows.");
		final FeatureGrid grid = features.grid();
		final int locations = grid.locations();
		final int values = locations * grid.dims();
		final NearestNeighborSearch search = NearestNeighborSearches.fastest(memory
			.vectors());
		final float[] weights = memory.weights();
		final double[] scores = new double[images.length];
		for (int from = 0; from < images.length; from += IMAGES_PER_SEARCH) {
			progress.checkCanceled();
			final int count = Math.min(IMAGES_PER_SEARCH, images.length - from);
			final float[] queries = new float[count * values];
			final int[] queryOrigins = new int[count * locations];
			for (int k = 0; k < count; k++) {
				System.arraycopy(features.patches(images[from + k]), 0, queries, k *
					values, values);
				Arrays.fill(queryOrigins, k * locations, (k + 1) * locations,
					images[from + k]);
			}
			final float[] distances = new float[queryOrigins.length];
			final int[] nearest = new int[queryOrigins.length];
			search.searchExcluding(new FeatureMatrix(queryOrigins.length, grid
				.dims(), queries), queryOrigins, origins, distances, nearest);
			for (int k = 0; k < count; k++) {
				final float[] s = Arrays.copyOfRange(distances, k * locations, (k + 1) *
					locations);
				if (weights != null) for (int p = 0; p < locations; p++)
					s[p] = (float) ((double) s[p] * weights[nearest[k * locations + p]]);
				scores[from + k] = score.applyAsDouble(s);
			}
			progress.update(from + count, images.length);
		}
		return scores;
	}

	/**
	 * Up to maxImages images that do not own every memory row, ascending:
	 * all of them, or a uniform draw without replacement by the seed
	 * (package-private for the tests).
	 */
	int[] sample(final int imageCount, final int[] origins) {
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
}
