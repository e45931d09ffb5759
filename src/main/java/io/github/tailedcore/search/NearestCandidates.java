package io.github.tailedcore.search;

import io.github.tailedcore.linalg.FeatureMatrix;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The few memory rows per query that a fast, approximate distance ranks
 * nearest, kept so that they can be re-ranked with the reference distance.
 * <p>
 * The blocked kernels rank memory rows by ‖m‖² − 2 q·m in {@code float},
 * which is fast but loses digits when the distance is small next to the
 * norms. Keeping the {@value #CAPACITY} best rows per query and then
 * computing their exact distances with
 * {@link BruteForceSearch#squaredDistance} gives the reference's distance
 * for the reference's row unless more than {@value #CAPACITY} rows are
 * within rounding of the nearest one, a near-tie where any of them is as
 * good to 1e-4 relative.
 * </p>
 * <p>
 * Not thread-safe: each thread fills its own list, and the lists are then
 * merged with {@link #addAll}.
 * </p>
 */
final class NearestCandidates {

	/** Rows kept per query. */
	static final int CAPACITY = 8;

	private final int queries;
	/** Per query, ascending approximate keys; +∞ marks an empty slot. */
	private final float[] keys;
	private final int[] rows;
	/** The origin of each query and memory row, or {@code null} for none. */
	private final int[] queryOrigins;
	private final int[] rowOrigins;

	/** Empty lists for {@code queries} queries. */
	NearestCandidates(final int queries) {
		this(queries, null, null);
	}

	/**
	 * Empty lists for {@code queries} queries that never admit a row of the
	 * query's own origin ({@code rowOrigins[row] == queryOrigins[q]}).
	 */
	NearestCandidates(final int queries, final int[] queryOrigins,
		final int[] rowOrigins)
	{
		this.queries = queries;
		this.queryOrigins = queryOrigins;
		this.rowOrigins = rowOrigins;
		keys = new float[queries * CAPACITY];
		rows = new int[queries * CAPACITY];
		Arrays.fill(keys, Float.POSITIVE_INFINITY);
		Arrays.fill(rows, Integer.MAX_VALUE);
	}

	/** Whether these lists refuse the rows of each query's own origin. */
	boolean excludes() {
		return rowOrigins != null;
	}

	/** The origin of query {@code q}; only if {@link #excludes()}. */
	int queryOrigin(final int q) {
		return queryOrigins[q];
	}

	/** The origin of memory row {@code row}; only if {@link #excludes()}. */
	int rowOrigin(final int row) {
		return rowOrigins[row];
	}

	/**
	 * The key a row must beat to enter the list of query {@code q}; +∞ until
	 * the list is full.
	 */
	float threshold(final int q) {
		return keys[q * CAPACITY + CAPACITY - 1];
	}

	/**
	 * Adds row {@code row} with approximate key {@code key} to the list of
	 * query {@code q} if it ranks among the best, by key and then by row.
	 * NaN keys, and rows of the query's own origin, are never added.
	 */
	void offer(final int q, final float key, final int row) {
		final int first = q * CAPACITY;
		int slot = first + CAPACITY - 1;
		if (!(key < keys[slot] || key == keys[slot] && row < rows[slot])) return;
		if (rowOrigins != null && rowOrigins[row] == queryOrigins[q]) return;
		while (slot > first && (key < keys[slot - 1] || key == keys[slot - 1] &&
			row < rows[slot - 1]))
		{
			keys[slot] = keys[slot - 1];
			rows[slot] = rows[slot - 1];
			slot--;
		}
		keys[slot] = key;
		rows[slot] = row;
	}

	/**
	 * The rows in the list of query {@code q}, nearest first by key (for the
	 * tests: which rows the kernel offered).
	 */
	int[] rows(final int q) {
		int count = 0;
		while (count < CAPACITY && rows[q * CAPACITY + count] != Integer.MAX_VALUE)
			count++;
		return Arrays.copyOfRange(rows, q * CAPACITY, q * CAPACITY + count);
	}

	/** Offers every row of {@code other}'s lists to these. */
	void addAll(final NearestCandidates other) {
		for (int q = 0; q < queries; q++)
			for (int s = q * CAPACITY; s < (q + 1) * CAPACITY && other.rows[s] !=
				Integer.MAX_VALUE; s++)
				offer(q, other.keys[s], other.rows[s]);
	}

	/**
	 * Writes, for each query, the candidate with the smallest reference
	 * distance (the first row on ties) and that distance. A query with no
	 * candidate (a NaN query, keys that overflowed to +∞, or every row of
	 * its own origin) is compared with every memory row it may use, as the
	 * reference does. Queries are resolved in parallel on the common
	 * fork-join pool.
	 */
	void resolve(final FeatureMatrix queryRows, final FeatureMatrix memory,
		final float[] squaredDistances, final int[] indices)
	{
		IntStream.range(0, queries).parallel().forEach(i -> resolve(queryRows, i,
			memory, squaredDistances, indices));
	}

	private void resolve(final FeatureMatrix queryRows, final int i,
		final FeatureMatrix memory, final float[] squaredDistances,
		final int[] indices)
	{
		double best = Double.NaN;
		int bestRow = Integer.MAX_VALUE;
		for (int s = i * CAPACITY; s < (i + 1) * CAPACITY; s++) {
			final int row = rows[s];
			if (row == Integer.MAX_VALUE) break;
			final double d = BruteForceSearch.squaredDistance(queryRows.data(),
				queryRows.offset(i), memory.data(), memory.offset(row), memory.cols());
			if (bestRow == Integer.MAX_VALUE || d < best || d == best &&
				row < bestRow)
			{
				best = d;
				bestRow = row;
			}
		}
		if (bestRow == Integer.MAX_VALUE) {
			new BruteForceSearch(memory).nearest(queryRows, i, queryOrigins == null
				? -1 : queryOrigins[i], rowOrigins, squaredDistances, indices);
			return;
		}
		squaredDistances[i] = (float) best;
		indices[i] = bestRow;
	}
}
