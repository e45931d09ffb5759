package io.github.tailedcore.memory;

import io.github.tailedcore.Progress;
import io.github.tailedcore.linalg.FeatureMatrix;
import io.github.tailedcore.sampling.CoresetFraction;
import io.github.tailedcore.sampling.CoresetSampler;
import io.github.tailedcore.sampling.RandomProjection;

import java.util.SplittableRandom;

/**
 * S<sub>core</sub>: the greedy k-center coreset of a pool of patches, as
 * PatchCore and both TailedCore branches build it (spec §3). The candidates
 * are projected with a random map D → d drawn from the seed,
 * {@code floor(ratio·n)} of them are picked greedily from a random start,
 * and the picks are returned as global patch indices so that the memory
 * keeps the original D-dimensional vectors.
 * <p>
 * The caller projects the pool ({@link #projection}) before selecting, so
 * that a fit can project its patches as they stream past and never hold
 * them in full dimension.
 * </p>
 * <p>
 * With importance weights per image, every candidate patch has the weight
 * of its image and the picks maximise w · distance
 * ({@link CoresetSampler#fastestWeighted}) instead of using the configured
 * sampler; weights all 1 give the same picks.
 * </p>
 */
public final class CoresetSelection {

	private final double ratio;
	private final int projectionDim;
	private final CoresetSampler sampler;

	/**
	 * @param ratio fraction of the candidates to keep (0.1 in the paper)
	 * @param projectionDim d of the random projection (128 in the paper)
	 * @param sampler the greedy k-center implementation
	 */
	public CoresetSelection(final double ratio, final int projectionDim,
		final CoresetSampler sampler)
	{
		this.ratio = ratio;
		this.projectionDim = projectionDim;
		this.sampler = sampler;
	}

	/**
	 * The random map D → d that {@link #select} expects the pool to be
	 * projected with for this seed.
	 *
	 * @param dims D, the dimension of the patch features
	 */
	public RandomProjection projection(final int dims, final long seed) {
		return RandomProjection.reducing(dims, projectionDim, new SplittableRandom(
			seed).nextLong());
	}

	/**
	 * Picks the coreset of the given candidates, weighted by image.
	 *
	 * @param projected every patch of the pool, projected with
	 *          {@link #projection(int, long) projection(D, seed)}: row g for
	 *          the patch g = image · L + location
	 * @param candidates global indices of the patches to choose from,
	 *          ascending, or {@code null} for all
	 * @param imageWeights the importance weight of each image of the pool, or
	 *          {@code null} for the unweighted coreset
	 * @param locations L, to find a patch's image
	 * @param seed the seed of the projection; also draws the start index
	 * @return the picked global indices, in pick order
	 */
	public long[] select(final FeatureMatrix projected, final long[] candidates,
		final double[] imageWeights, final int locations, final long seed,
		final Progress progress)
	{
		final int n = candidates == null ? projected.rows() : candidates.length;
		if (n == 0) return new long[0];
		if (imageWeights != null && (long) imageWeights.length *
			locations != projected.rows()) throw new IllegalArgumentException(
				"Need one importance weight per image of the pool: " +
					imageWeights.length + " weights for " + projected.rows() / locations +
					" images.");
		final SplittableRandom random = new SplittableRandom(seed);
		random.nextLong(); // the projection's seed
		final int[] picks = CoresetFraction.select(imageWeights == null ? sampler
			: CoresetSampler.fastestWeighted(patchWeights(imageWeights, candidates,
				n, locations)), projected, candidates, ratio, random.nextLong(),
			progress);
		final long[] global = new long[picks.length];
		for (int i = 0; i < picks.length; i++)
			global[i] = candidates == null ? picks[i] : candidates[picks[i]];
		return global;
	}

	/** Each candidate's weight: that of its image. */
	private static double[] patchWeights(final double[] imageWeights,
		final long[] candidates, final int n, final int locations)
	{
		final double[] w = new double[n];
		for (int i = 0; i < n; i++)
			w[i] = imageWeights[(int) ((candidates == null ? i : candidates[i]) /
				locations)];
		return w;
	}
}
