package io.github.tailedcore.search;

import io.github.tailedcore.linalg.FeatureMatrix;

import java.util.stream.IntStream;

/**
 * The exact reference for {@link NearestNeighborSearch}: each query is
 * compared with every memory row m<sub>j</sub> by the difference form
 * Σ<sub>d</sub> (q<sub>d</sub> − m<sub>j,d</sub>)², accumulated in
 * {@code double}, and the smallest sum wins (the first row on ties).
 * <p>
 * Written for clarity, not speed: it costs |Q| × |M| × D operations and does
 * no blocking. Queries are spread over the threads of the common fork-join
 * pool; each query is computed by one thread in a fixed order, so results do
 * not depend on the number of threads. A faster search (a blocked
 * ‖q‖² − 2 q·m + ‖m‖² kernel, for instance) must agree with this one to
 * 1e-4 relative on the distances.
 * </p>
 */
public final class BruteForceSearch implements NearestNeighborSearch {

	private final FeatureMatrix memory;

	/**
	 * A search over the rows of {@code memory} (shared, not copied; it must
	 * not change while the search is in use).
	 *
	 * @throws IllegalArgumentException if the memory has no rows
	 */
	public BruteForceSearch(final FeatureMatrix memory) {
		if (memory.rows() == 0) throw new IllegalArgumentException(
			"A nearest-neighbour search needs at least one memory vector.");
		this.memory = memory;
	}

	@Override
	public int size() {
		return memory.rows();
	}

	@Override
	public int dims() {
		return memory.cols();
	}

	@Override
	public void search(final FeatureMatrix queries, final float[] squaredDistances,
		final int[] indices)
	{
		checkShapes(queries, squaredDistances, indices);
		IntStream.range(0, queries.rows()).parallel().forEach(q -> nearest(
			queries, q, -1, null, squaredDistances, indices));
	}

	@Override
	public void searchExcluding(final FeatureMatrix queries,
		final int[] queryOrigins, final int[] rowOrigins,
		final float[] squaredDistances, final int[] indices)
	{
		checkShapes(queries, squaredDistances, indices);
		checkOrigins(queries, queryOrigins, rowOrigins);
		IntStream.range(0, queries.rows()).parallel().forEach(q -> nearest(
			queries, q, queryOrigins[q], rowOrigins, squaredDistances, indices));
	}

	/**
	 * Scans every memory row for query {@code q}, except those of origin
	 * {@code excluded} (when {@code rowOrigins} is given).
	 */
	void nearest(final FeatureMatrix queries, final int q, final int excluded,
		final int[] rowOrigins, final float[] squaredDistances,
		final int[] indices)
	{
		final float[] query = queries.data();
		final float[] rows = memory.data();
		final int dims = dims();
		final int qOffset = queries.offset(q);
		double best = Double.POSITIVE_INFINITY;
		int bestIndex = -1;
		for (int j = 0; j < memory.rows(); j++) {
			if (rowOrigins != null && rowOrigins[j] == excluded) continue;
			final double sum = squaredDistance(query, qOffset, rows, memory.offset(
				j), dims);
			// "bestIndex < 0" keeps a NaN query NaN instead of reporting +∞.
			if (bestIndex < 0 || sum < best) {
				best = sum;
				bestIndex = j;
			}
		}
		squaredDistances[q] = (float) best;
		indices[q] = bestIndex;
	}

	/**
	 * The reference distance Σ<sub>d</sub> (q<sub>d</sub> −
	 * m<sub>d</sub>)², each difference and the running sum in
	 * {@code double}, in ascending d. Faster searches re-rank their candidates
	 * with it, so that they report the reference's value for the same row.
	 */
	static double squaredDistance(final float[] q, final int qOffset,
		final float[] m, final int mOffset, final int dims)
	{
		double sum = 0;
		for (int d = 0; d < dims; d++) {
			final double diff = (double) q[qOffset + d] - m[mOffset + d];
			sum += diff * diff;
		}
		return sum;
	}
}
