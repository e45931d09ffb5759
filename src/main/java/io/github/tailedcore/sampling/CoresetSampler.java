package io.github.tailedcore.sampling;

import io.github.tailedcore.Progress;
import io.github.tailedcore.linalg.FeatureMatrix;
import io.github.tailedcore.linalg.VectorApi;

/**
 * Chooses a small subset of points that covers all of them: the memory
 * bank's coreset S<sub>core</sub> (PatchCore, spec §3).
 * <p>
 * Implementations must be exact ports of greedy k-center selection: start at
 * {@code start}, keep every point's distance to the nearest chosen point
 * (Euclidean, not squared), and repeatedly pick the farthest point, the
 * first index on ties. Faster implementations must return the same picks as
 * {@link GreedyCoresetSampler}, the brute-force reference.
 * </p>
 */
public interface CoresetSampler {

	/**
	 * @param points the (usually projected) points, one per row
	 * @param count how many to pick, 0 ≤ count ≤ rows
	 * @param start the first pick
	 * @param progress reports picks made; checked for cancellation
	 * @return the picked row indices, in the order they were picked
	 */
	int[] select(FeatureMatrix points, int count, int start, Progress progress);

	/**
	 * The fastest exact sampler on this JVM: the
	 * {@link QuantizedGreedyCoresetSampler} when the Vector API is
	 * {@link VectorApi#usable() usable} (its integer kernel is what makes the
	 * bounds pay), else the {@link GreedyCoresetSampler}. Both give the same
	 * picks.
	 */
	static CoresetSampler fastest() {
		return VectorApi.usable() ? new QuantizedGreedyCoresetSampler()
			: new GreedyCoresetSampler();
	}

	/**
	 * The fastest exact importance-weighted sampler on this JVM, for points
	 * with the given weights: {@link QuantizedGreedyCoresetSampler#weighted}
	 * when the Vector API is usable, else the
	 * {@link WeightedGreedyCoresetSampler}. Both give the same picks.
	 *
	 * @param weights w<sub>x</sub> of each point, finite and &gt; 0
	 */
	static CoresetSampler fastestWeighted(final double[] weights) {
		return VectorApi.usable() ? QuantizedGreedyCoresetSampler.weighted(weights)
			: new WeightedGreedyCoresetSampler(weights);
	}
}
