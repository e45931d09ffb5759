package io.github.tailedcore.threshold;

import io.github.tailedcore.Progress;
import io.github.tailedcore.Threshold;
import io.github.tailedcore.feature.FeatureGrid;
import io.github.tailedcore.feature.ImagePatches;
import io.github.tailedcore.linalg.FeatureMatrix;
import io.github.tailedcore.linalg.Quantile;
import io.github.tailedcore.memory.MemoryBank;
import io.github.tailedcore.preprocess.TileOwners;
import io.github.tailedcore.scoring.ImageNeighbors;
import io.github.tailedcore.search.NearestNeighborSearch;
import io.github.tailedcore.search.NearestNeighborSearches;
import io.github.tailedcore.search.SubBankSearch;

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
 * <p>
 * Under class-aware scoring the threshold conditions the same way: a left-out
 * image is compared only with the rows of its nearest other training images
 * ({@link ImageNeighbors#nearest} with the image itself excluded), as a
 * test image of its kind would be; tiled, each tile of a left-out image is
 * compared with the rows of its nearest tiles of other images.
 * </p>
 */
public final class LeaveOneOutThreshold {

	/** Images scored by default. */
	public static final int DEFAULT_MAX_IMAGES = 16;
	/** The quantile of their scores taken by default. */
	public static final double DEFAULT_QUANTILE = 0.95;
	/** How a class-aware threshold's description ends. */
	private static final String CLASS_AWARE =
		", each against its nearest training images (class-aware)";
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
		return threshold(scores(memory, origins, features, images, progress),
			images.length, features.imageCount(), "");
	}

	/**
	 * The threshold for the scoring a model uses, or {@code null} if no
	 * image can be left out.
	 *
	 * @param memory the fitted memory bank M, whose rows know their origin
	 * @param features the training features, in the order of the origins
	 * @param neighbors the training embeddings under class-aware scoring, or
	 *          {@code null} for global scoring
	 * @param leastNeighbors K of class-aware scoring
	 */
	public Threshold estimate(final MemoryBank memory,
		final ImagePatches features, final ImageNeighbors neighbors,
		final int leastNeighbors, final Progress progress)
	{
		if (neighbors == null) return estimate(memory, memory.origins(), features,
			progress);
		final int[] images = sample(features.imageCount(), memory.origins());
		if (images.length == 0) return null;
		return threshold(conditionedScores(memory, features, neighbors,
			leastNeighbors, images, images, IntStream.of(images).map(i -> i + 1)
				.toArray(), progress), images.length, features.imageCount(),
			CLASS_AWARE);
	}

	private Threshold threshold(final double[] scores, final int scored,
		final int imageCount, final String how)
	{
		return new Threshold(Quantile.of(scores, quantile), String.format(
			"%.2f quantile of the leave-one-image-out scores of %d of the %d " +
				"training images%s", quantile, scored, imageCount, how));
	}

	/**
	 * The class-aware leave-one-out score of each given training unit: its
	 * patches against the rows of its nearest training units outside
	 * {@code [excludedFrom[k], excludedTo[k])} (the unit itself, or all tiles
	 * of its image).
	 */
	private static double[] conditionedScores(final MemoryBank memory,
		final ImagePatches features, final ImageNeighbors neighbors,
		final int least, final int[] units, final int[] excludedFrom,
		final int[] excludedTo, final Progress progress)
	{
		final FeatureGrid grid = features.grid();
		final int locations = grid.locations();
		final double[] scores = new double[units.length];
		for (int k = 0; k < units.length; k++) {
			progress.checkCanceled();
			final int[] rows = neighbors.rows(memory, neighbors.embeddings().row(
				units[k]), excludedFrom[k], excludedTo[k], least);
			if (rows.length == 0) scores[k] = Double.POSITIVE_INFINITY;
			else {
				final float[] s = new float[locations];
				final int[] nearest = new int[locations];
				new SubBankSearch(memory.vectors(), rows,
					NearestNeighborSearches::fastest).search(new FeatureMatrix(locations,
						grid.dims(), features.patches(units[k])), s, nearest);
				scores[k] = max(weighted(s, nearest, memory.weights(), 0));
			}
			progress.update(k + 1, units.length);
		}
		return scores;
	}

	/**
	 * As {@link #estimate(MemoryBank, int[], ImagePatches, Progress)} for a
	 * tiled fit, whose units are tiles: tile u belongs to image i when
	 * {@code firstInputs[i] ≤ u < firstInputs[i + 1]}. Each drawn image is
	 * left out with all its tiles (its overlapping neighbours would otherwise
	 * vouch for it), and its score is the largest over all its tiles, as
	 * scoring a tiled image gives; a threshold on tile scores would sit below
	 * every normal image's score.
	 */
	public Threshold estimate(final MemoryBank memory, final int[] origins,
		final ImagePatches features, final int[] firstInputs,
		final Progress progress)
	{
		return tiled(memory, origins, features, firstInputs, null, 0, progress);
	}

	/**
	 * The threshold for the scoring a tiled model uses: as
	 * {@link #estimate(MemoryBank, int[], ImagePatches, int[], Progress)},
	 * and under class-aware scoring each tile of a left-out image is compared
	 * only with the rows of its nearest training tiles of other images.
	 *
	 * @param memory the fitted memory bank M, whose rows know their tile
	 * @param neighbors the training tiles' embeddings under class-aware
	 *          scoring, or {@code null} for global scoring
	 * @param leastNeighbors K of class-aware scoring
	 */
	public Threshold estimate(final MemoryBank memory,
		final ImagePatches features, final int[] firstInputs,
		final ImageNeighbors neighbors, final int leastNeighbors,
		final Progress progress)
	{
		return tiled(memory, memory.origins(), features, firstInputs, neighbors,
			leastNeighbors, progress);
	}

	private Threshold tiled(final MemoryBank memory, final int[] origins,
		final ImagePatches features, final int[] firstInputs,
		final ImageNeighbors neighbors, final int leastNeighbors,
		final Progress progress)
	{
		final TileOwners tiles = new TileOwners(firstInputs);
		final int imageCount = tiles.imageCount();
		final int[] imageOrigins = tiles.owners(origins);
		final int[] images = sample(imageCount, imageOrigins);
		if (images.length == 0) return null;
		final int[] units = tiles.tilesOf(images);
		final int[] unitOwners = tiles.owners(units);
		final double[] unitScores = neighbors == null ? leaveOneOut(memory,
			imageOrigins, features, units, unitOwners, progress,
			LeaveOneOutThreshold::max) : conditionedScores(memory, features,
				neighbors, leastNeighbors, units, Arrays.stream(unitOwners).map(
					tiles::first).toArray(), Arrays.stream(unitOwners).map(tiles::end)
						.toArray(), progress);
		final double[] scores = new double[images.length];
		Arrays.fill(scores, Double.NEGATIVE_INFINITY);
		for (int u = 0, i = 0; u < units.length; u++) {
			while (images[i] != unitOwners[u])
				i++;
			scores[i] = Double.isNaN(scores[i]) || Double.isNaN(unitScores[u])
				? Double.NaN : Math.max(scores[i], unitScores[u]);
		}
		return new Threshold(Quantile.of(scores, quantile), String.format(
			"%.2f quantile of the leave-one-image-out scores (the maximum over " +
				"each image's tiles) of %d of the %d training images%s", quantile,
			images.length, imageCount, neighbors == null ? "" : CLASS_AWARE));
	}

	/** The image score: max of the patch scores, NaN if any is NaN. */
	private static double max(final float[] s) {
		float max = s[0];
		for (final float v : s) {
			if (Float.isNaN(v)) return Double.NaN;
			if (v > max) max = v;
		}
		return max;
	}

	/**
	 * The leave-one-image-out image score of each given training image: the
	 * image score (max<sub>h,w</sub> s, NaN if any s is) of its patches
	 * against M without the rows whose origin is that image.
	 */
	public static double[] scores(final MemoryBank memory, final int[] origins,
		final ImagePatches features, final int[] images, final Progress progress)
	{
		return leaveOneOut(memory, origins, features, images, images, progress,
			LeaveOneOutThreshold::max);
	}

	/**
	 * The patch scores {@code s} of one image, weighted as
	 * {@link io.github.tailedcore.scoring.AnomalyScorer} weighs them by the
	 * nearest rows {@code nearest[from…]}.
	 */
	private static float[] weighted(final float[] s, final int[] nearest,
		final float[] weights, final int from)
	{
		if (weights != null) for (int p = 0; p < s.length; p++)
			s[p] = (float) ((double) s[p] * weights[nearest[from + p]]);
		return s;
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
		return leaveOneOut(memory, origins, features, images, images, progress,
			LeaveOneOutThreshold::mean);
	}

	/**
	 * The mean patch score of every unit of a fit (an image, or a tile of a
	 * tiled fit), scored against M without the rows of the unit's whole
	 * image: a tile left out alone would find its overlapping neighbours'
	 * rows, which show the same pixels.
	 *
	 * @param origins for each row of M, the unit it came from
	 * @param tiles the image of each unit
	 */
	public static double[] meanPatchScores(final MemoryBank memory,
		final int[] origins, final ImagePatches features, final TileOwners tiles,
		final Progress progress)
	{
		final int[] units = IntStream.range(0, tiles.tileCount()).toArray();
		return leaveOneOut(memory, tiles.owners(origins), features, units, tiles
			.owners(units), progress, LeaveOneOutThreshold::mean);
	}

	private static double mean(final float[] s) {
		double sum = 0;
		for (final float v : s)
			sum += v;
		return sum / s.length;
	}

	/**
	 * One search over M for {@value #IMAGES_PER_SEARCH} images at a time, each
	 * patch of {@code images[i]} ignoring the rows whose origin is
	 * {@code leftOut[i]}, its own image
	 * ({@link NearestNeighborSearch#searchExcluding}): the patch scores that
	 * a scorer of M without those rows gives (weighted as
	 * {@link io.github.tailedcore.scoring.AnomalyScorer} weighs them), with
	 * one copy of M for all images instead of one per image.
	 */
	private static double[] leaveOneOut(final MemoryBank memory,
		final int[] origins, final ImagePatches features, final int[] images,
		final int[] leftOut, final Progress progress,
		final ToDoubleFunction<float[]> score)
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
					leftOut[from + k]);
			}
			final float[] distances = new float[queryOrigins.length];
			final int[] nearest = new int[queryOrigins.length];
			search.searchExcluding(new FeatureMatrix(queryOrigins.length, grid
				.dims(), queries), queryOrigins, origins, distances, nearest);
			for (int k = 0; k < count; k++) {
				scores[from + k] = score.applyAsDouble(weighted(Arrays.copyOfRange(
					distances, k * locations, (k + 1) * locations), nearest, weights, k *
						locations));
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
