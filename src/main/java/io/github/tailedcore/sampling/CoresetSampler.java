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
	 * Picks among some rows of {@code points} only: the picks of
	 * {@link #select(FeatureMatrix, int, int, Progress)} on the matrix of
	 * those rows, as positions in {@code rows}. The default copies the rows
	 * into such a matrix; a sampler that lays its points out anyway reads
	 * them in place, so that a pool's candidates are never held twice.
	 *
	 * @param rows the rows to choose from, or {@code null} for all
	 */
	default int[] select(final FeatureMatrix points, final long[] rows,
		final int count, final int start, final Progress progress)
	{
		if (rows == null) return select(points, count, start, progress);
		final int d = points.cols();
		final float[] values = new float[Math.multiplyExact(rows.length, d)];
		for (int i = 0; i < rows.length; i++)
			System.arraycopy(points.data(), Math.toIntExact(rows[i] * d), values, i *
				d, d);
		return select(new FeatureMatrix(rows.length, d, values), count, start,
			progress);
	}

	/**
	 * The fastest exact sampler on this JVM: the
	 * {@link TiledGreedyCoresetSampler} when the Vector API is
	 * {@link VectorApi#usable() usable} (its tile kernel is what makes the
	 * bounds pay), else the {@link GreedyCoresetSampler}. Both give the same
	 * picks.
	 */
	static CoresetSampler fastest() {
		return VectorApi.usable() ? new TiledGreedyCoresetSampler()
			: new GreedyCoresetSampler();
	}

	/**
	 * The fastest exact importance-weighted sampler on this JVM, for points
	 * with the given weights: {@link TiledGreedyCoresetSampler#weighted}
	 * when the Vector API is usable, else the
	 * {@link WeightedGreedyCoresetSampler}. Both give the same picks.
	 *
	 * @param weights w<sub>x</sub> of each point, finite and &gt; 0
	 */
	static CoresetSampler fastestWeighted(final double[] weights) {
		return VectorApi.usable() ? TiledGreedyCoresetSampler.weighted(weights)
			: new WeightedGreedyCoresetSampler(weights);
	}
}
