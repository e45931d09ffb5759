package io.github.tailedcore.noise;

import io.github.tailedcore.Progress;
import io.github.tailedcore.feature.PatchFeatures;
import io.github.tailedcore.linalg.FeatureMatrix;
import io.github.tailedcore.linalg.Quantile;
import io.github.tailedcore.sampling.RandomProjection;

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
 * <li>Keep the patches scoring strictly below τ: about 85 %.</li>
 * </ol>
 * <p>
 * Each location is projected separately; this gives exactly the rows of the
 * full projected matrix but never holds all of it. Two guards differ from the
 * official code, which would remove patches in both cases: a drop fraction of
 * 0 keeps every patch (strictly below the maximum would drop the maximum),
 * and if no score is strictly below τ (all scores equal, e.g. constant
 * features) every patch is kept, since the scores then rank nothing.
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
	private final long seed;

	/**
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
		if (projectionDim < 1) throw new IllegalArgumentException(
			"The projection dimension must be at least 1, got " + projectionDim +
				".");
		if (!(dropFraction >= 0 && dropFraction < 1))
			throw new IllegalArgumentException(
				"The noise drop fraction must be in [0, 1), got " + dropFraction + ".");
		this.projectionDim = projectionDim;
		this.lof = new LocalOutlierFactor(neighbors);
		this.dropFraction = dropFraction;
		this.seed = seed;
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
		final int images = features.imageCount();
		if (images == 0) throw new IllegalArgumentException(
			"The noise filter needs at least one training image.");
		final int locations = features.grid().locations();
		final int dims = features.grid().dims();
		if (features.patchCount() > Integer.MAX_VALUE - 8)
			throw new IllegalArgumentException("The noise filter holds at most " +
				"2^31 patch scores, got " + features.patchCount() +
				" patches; use fewer training images.");
		final RandomProjection projection = RandomProjection.reducing(dims,
			projectionDim, seed);
		final float[] scores = new float[(int) features.patchCount()];
		final int[] done = { 0 };
		IntStream.range(0, locations).parallel().forEach(p -> {
			progress.checkCanceled();
			final double[] s = lof.scores(projection.apply(atLocation(features, p)));
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

	/** τ and the patches strictly below it, with the two guards. */
	private NoiseFilterResult threshold(final float[] scores) {
		final double tau = Quantile.of(scores, 1 - dropFraction);
		int below = 0;
		for (final float s : scores)
			if (s < tau) below++;
		final boolean keepAll = dropFraction == 0 || below == 0;
		final long[] keptIndices = new long[keepAll ? scores.length : below];
		for (int g = 0, k = 0; g < scores.length; g++)
			if (keepAll || scores[g] < tau) keptIndices[k++] = g;
		return new NoiseFilterResult(scores, tau, keptIndices);
	}
}
