package io.github.tailedcore.memory;

import io.github.tailedcore.Progress;
import io.github.tailedcore.feature.PatchFeatures;
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
	 * Picks the coreset of the given candidates.
	 *
	 * @param pool the patches
	 * @param candidates global indices {@code image · L + location} of the
	 *          patches to choose from, ascending, or {@code null} for all
	 * @param seed draws the projection and the start index
	 * @return the picked global indices, in pick order
	 */
	public long[] select(final PatchFeatures pool, final long[] candidates,
		final long seed, final Progress progress)
	{
		return select(pool, candidates, null, seed, progress);
	}

	/**
	 * Picks the coreset of the given candidates, weighted by image.
	 *
	 * @param pool the patches
	 * @param candidates global indices {@code image · L + location} of the
	 *          patches to choose from, ascending, or {@code null} for all
	 * @param imageWeights the importance weight of each image of the pool, or
	 *          {@code null} for the unweighted coreset
	 * @param seed draws the projection and the start index
	 * @return the picked global indices, in pick order
	 */
	public long[] select(final PatchFeatures pool, final long[] candidates,
		final double[] imageWeights, final long seed, final Progress progress)
	{
		final long n = candidates == null ? pool.patchCount() : candidates.length;
		if (n > Integer.MAX_VALUE) throw new IllegalArgumentException(
			"A coreset pool holds at most 2^31 patches, got " + n +
				"; use fewer training images.");
		if (n == 0) return new long[0];
		final SplittableRandom random = new SplittableRandom(seed);
		final RandomProjection projection = RandomProjection.reducing(pool.grid()
			.dims(), projectionDim, random.nextLong());
		final int[] picks = CoresetFraction.select(imageWeights == null ? sampler
			: CoresetSampler.fastestWeighted(patchWeights(pool, candidates,
				imageWeights, (int) n)), project(pool, candidates, projection), ratio,
			random.nextLong(), progress);
		final long[] global = new long[picks.length];
		for (int i = 0; i < picks.length; i++)
			global[i] = candidates == null ? picks[i] : candidates[picks[i]];
		return global;
	}

	/** Each candidate's weight: that of its image. */
	private static double[] patchWeights(final PatchFeatures pool,
		final long[] candidates, final double[] imageWeights, final int n)
	{
		if (imageWeights.length != pool.imageCount())
			throw new IllegalArgumentException("Need one importance weight per " +
				"image of the pool: " + imageWeights.length + " for " + pool
					.imageCount() + " images.");
		final int locations = pool.grid().locations();
		final double[] w = new double[n];
		for (int i = 0; i < n; i++)
			w[i] = imageWeights[(int) ((candidates == null ? i : candidates[i]) /
				locations)];
		return w;
	}

	/** The candidates' projected vectors, in candidate order. */
	private static FeatureMatrix project(final PatchFeatures pool,
		final long[] candidates, final RandomProjection projection)
	{
		if (candidates == null) return projection.apply(pool);
		final int locations = pool.grid().locations();
		final int d = projection.outputDims();
		final float[] out = new float[Math.multiplyExact(candidates.length, d)];
		int next = 0;
		while (next < candidates.length) {
			final int image = (int) (candidates[next] / locations);
			final FeatureMatrix p = projection.apply(pool.patchMatrix(image));
			for (; next < candidates.length && candidates[next] /
				locations == image; next++)
			{
				final int location = (int) (candidates[next] % locations);
				System.arraycopy(p.data(), location * d, out, next * d, d);
			}
		}
		return new FeatureMatrix(candidates.length, d, out);
	}
}
