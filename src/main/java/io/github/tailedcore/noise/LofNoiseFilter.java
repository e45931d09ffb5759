package io.github.tailedcore.noise;

import io.github.tailedcore.Progress;
import io.github.tailedcore.feature.PatchFeatures;
import io.github.tailedcore.linalg.FeatureMatrix;
import io.github.tailedcore.linalg.Quantile;
import io.github.tailedcore.sampling.RandomProjection;

import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * The head branch's noise discrimination S<sub>clean</sub>: removes the
 * training patches that look like defects by their local outlier factor
 * among the patches at the same location of all other training images
 * (SoftPatch; spec §4, {@code LOFSampler}).
 * <ol>
 * <li>Project the D-dimensional patch features with a fresh seeded
 * {@link RandomProjection} to d dimensions (128 in the paper; none when
 * D = d, as the official code skips it then).</li>
 * <li>For each location p of the L = h × w grid, fit one
 * {@link LocalOutlierFactor} (k = 6) on the N projected vectors of the N
 * training images at p, giving the score of patch g = i · L + p.</li>
 * <li>τ = the (1 − drop fraction) quantile of all N · L scores with linear
 * interpolation (the 0.85 quantile), computed by {@link Quantile}.</li>
 * <li>Keep the patches scoring strictly below τ: about 85 % (the paper's
 * {@linkplain NoiseThreshold#FIXED fixed} rule). The
 * {@linkplain NoiseThreshold#ADAPTIVE adaptive} rule also keeps those of LOF
 * at most {@value NoiseThreshold#OUTLIER_LOF}, so that it drops at most the
 * same share, and nothing from data without outliers.</li>
 * </ol>
 * <p>
 * Each location is projected separately; this gives exactly the rows of the
 * full projected matrix but never holds all of it. A fit that streams over
 * its images projects them as they pass ({@link #projection}) and filters
 * the projected rows instead, with the same result. Two guards differ from the
 * official code, which would remove patches in both cases: a drop fraction of
 * 0 keeps every patch (strictly below the maximum would drop the maximum),
 * and if the rule keeps no patch (all scores equal, e.g. constant features,
 * none is strictly below τ) every patch is kept, since the scores then rank
 * nothing.
 * </p>
 * <p>
 * Locations are processed in parallel on the common fork-join pool (or the
 * pool of the calling fork-join task); the result does not depend on the
 * number of threads.
 * </p>
 */
public final class LofNoiseFilter {

	private final int projectionDim;
	private final LocalOutlierFactor lof;
	private final double dropFraction;
	private final NoiseThreshold rule;
	private final long seed;

	/**
	 * The paper's filter: drops the share {@code dropFraction} of the patches
	 * ({@link NoiseThreshold#FIXED}).
	 *
	 * @param projectionDim d of the random projection (128 in the paper)
	 * @param neighbors LOF's k (6 in the paper)
	 * @param dropFraction the fraction of patches to remove, in [0, 1) (0.15
	 *          in the paper)
	 * @param seed fixes the random projection
	 * @throws IllegalArgumentException if a setting is out of range
	 */
	public LofNoiseFilter(final int projectionDim, final int neighbors,
		final double dropFraction, final long seed)
	{
		this(projectionDim, neighbors, dropFraction, NoiseThreshold.FIXED, seed);
	}

	/**
	 * A filter with the given rule.
	 *
	 * @param dropFraction the fraction of patches to remove, in [0, 1): all
	 *          of it under the fixed rule, at most it under the adaptive one
	 * @param rule which patches of the top {@code dropFraction} are dropped
	 * @throws IllegalArgumentException if a setting is out of range
	 */
	public LofNoiseFilter(final int projectionDim, final int neighbors,
		final double dropFraction, final NoiseThreshold rule, final long seed)
	{
		if (projectionDim < 1) throw new IllegalArgumentException(
			"The projection dimension must be at least 1, got " + projectionDim +
				".");
		if (!(dropFraction >= 0 && dropFraction < 1))
			throw new IllegalArgumentException(
				"The noise drop fraction must be in [0, 1), got " + dropFraction + ".");
		if (rule == null) throw new IllegalArgumentException(
			"Choose a noise threshold (adaptive or fixed).");
		this.projectionDim = projectionDim;
		this.lof = new LocalOutlierFactor(neighbors);
		this.dropFraction = dropFraction;
		this.rule = rule;
		this.seed = seed;
	}

	/**
	 * The random map D → d the filter projects with (the identity when
	 * D = d): the one to project patches with for
	 * {@link #filter(FeatureMatrix, int, Progress)}.
	 *
	 * @param dims D, the dimension of the patch features
	 */
	public RandomProjection projection(final int dims) {
		return RandomProjection.reducing(dims, projectionDim, seed);
	}

	/**
	 * Scores every patch and keeps those below τ.
	 *
	 * @param features the patch features of the N training images
	 * @param progress receives one update per location finished, in
	 *          increasing order; checked for cancellation before each
	 *          location. The caller names the stage.
	 * @throws IllegalArgumentException if there are no images
	 * @throws java.util.concurrent.CancellationException if canceled
	 */
	public NoiseFilterResult filter(final PatchFeatures features,
		final Progress progress)
	{
		final RandomProjection projection = projection(features.grid().dims());
		return filter(features.imageCount(), features.grid().locations(),
			p -> projection.apply(atLocation(features, p)), progress);
	}

	/**
	 * Scores every patch of projected features and keeps those below τ: the
	 * result of {@link #filter(PatchFeatures, Progress)} for the features
	 * that were projected, for a fit that projected its patches as they
	 * streamed past.
	 *
	 * @param projected the N · L patches projected with
	 *          {@link #projection(int)}, row g = image · L + location
	 * @param locations L
	 * @throws IllegalArgumentException if there are no images
	 * @throws java.util.concurrent.CancellationException if canceled
	 */
	public NoiseFilterResult filter(final FeatureMatrix projected,
		final int locations, final Progress progress)
	{
		if (projected.rows() % locations != 0) throw new IllegalArgumentException(
			projected.rows() + " projected patches are not whole images of " +
				locations + " locations.");
		return filter(projected.rows() / locations, locations, p -> atLocation(
			projected, locations, p), progress);
	}

	/**
	 * The filter over the images' projected vectors, given per location p as
	 * an N × d matrix.
	 */
	private NoiseFilterResult filter(final int images, final int locations,
		final IntFunction<FeatureMatrix> projectedAt, final Progress progress)
	{
		if (images == 0) throw new IllegalArgumentException(
			"The noise filter needs at least one training image.");
		if ((long) images * locations > Integer.MAX_VALUE - 8)
			throw new IllegalArgumentException("The noise filter holds at most " +
				"2^31 patch scores, got " + (long) images * locations +
				" patches; use fewer training images.");
		final float[] scores = new float[images * locations];
		final int[] done = { 0 };
		IntStream.range(0, locations).parallel().forEach(p -> {
			progress.checkCanceled();
			final double[] s = lof.scores(projectedAt.apply(p));
			for (int i = 0; i < images; i++)
				scores[i * locations + p] = (float) s[i];
			synchronized (done) {
				progress.update(++done[0], locations);
			}
		});
		return threshold(scores);
	}

	/** The N × D matrix of the vectors at location p, one row per image. */
	private static FeatureMatrix atLocation(final PatchFeatures features,
		final int p)
	{
		final int images = features.imageCount();
		final int dims = features.grid().dims();
		final float[] out = new float[images * dims];
		for (int i = 0; i < images; i++)
			System.arraycopy(features.patches(i), p * dims, out, i * dims, dims);
		return new FeatureMatrix(images, dims, out);
	}

	/** The N × d matrix of the projected rows at location p. */
	private static FeatureMatrix atLocation(final FeatureMatrix projected,
		final int locations, final int p)
	{
		final int images = projected.rows() / locations;
		final int d = projected.cols();
		final float[] out = new float[images * d];
		for (int i = 0; i < images; i++)
			System.arraycopy(projected.data(), (i * locations + p) * d, out, i * d,
				d);
		return new FeatureMatrix(images, d, out);
	}

	/**
	 * τ and the patches the rule keeps, with the two guards
	 * (package-private for the tests).
	 */
	NoiseFilterResult threshold(final float[] scores) {
		final double tau = Quantile.of(scores, 1 - dropFraction);
		int kept = 0;
		for (final float s : scores)
			if (rule.keeps(s, tau)) kept++;
		final boolean keepAll = dropFraction == 0 || kept == 0;
		final long[] keptIndices = new long[keepAll ? scores.length : kept];
		for (int g = 0, k = 0; g < scores.length; g++)
			if (keepAll || rule.keeps(scores[g], tau)) keptIndices[k++] = g;
		return new NoiseFilterResult(scores, rule.threshold(tau), keptIndices);
	}
}
