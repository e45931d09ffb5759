package io.github.tailedcore.search;

import io.github.tailedcore.linalg.FeatureMatrix;

import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * What the fast exact searches share: the memory rows are split into
 * contiguous ranges that run in parallel on the common fork-join pool, each
 * range's kernel ranks its rows for every query by the approximate key
 * ‖m‖² − 2 q·m (‖q‖² is the same for all rows of a query and left out),
 * and the best few rows per query are then re-ranked with the reference
 * distance by {@link NearestCandidates}.
 * <p>
 * ‖m‖² is computed once, when the search is built. The ranges are aligned
 * to the kernel's row block and merged in range order, so the result does
 * not depend on the number of threads.
 * </p>
 *
 * @param <Q> the queries as the kernel wants them laid out
 */
abstract class BlockedSearch<Q> implements NearestNeighborSearch {

	/** Ranges per thread, so that uneven threads still finish together. */
	private static final int RANGES_PER_THREAD = 4;

	/** The memory bank M, shared, for the exact re-ranking. */
	final FeatureMatrix memory;
	/** ‖m‖² of every memory row, rounded to float. */
	final float[] squaredNorms;
	private final int rowBlock;

	/**
	 * @param memory M (shared, not copied; it must not change)
	 * @param rowBlock the kernel's memory rows per block; ranges start at
	 *          multiples of it
	 * @throws IllegalArgumentException if the memory has no rows
	 */
	BlockedSearch(final FeatureMatrix memory, final int rowBlock) {
		if (memory.rows() == 0) throw new IllegalArgumentException(
			"A nearest-neighbour search needs at least one memory vector.");
		this.memory = memory;
		this.rowBlock = rowBlock;
		final double[] norms = memory.squaredNorms();
		squaredNorms = new float[norms.length];
		for (int i = 0; i < norms.length; i++)
			squaredNorms[i] = (float) norms[i];
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
		search(queries, null, null, squaredDistances, indices);
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * The kernel ranks every row as {@link #search} does; the candidate
	 * lists refuse the rows of the query's own origin, so the same rows are
	 * re-ranked as for a bank without them.
	 * </p>
	 */
	@Override
	public void searchExcluding(final FeatureMatrix queries,
		final int[] queryOrigins, final int[] rowOrigins,
		final float[] squaredDistances, final int[] indices)
	{
		checkShapes(queries, squaredDistances, indices);
		checkOrigins(queries, queryOrigins, rowOrigins);
		search(queries, queryOrigins, rowOrigins, squaredDistances, indices);
	}

	private void search(final FeatureMatrix queries, final int[] queryOrigins,
		final int[] rowOrigins, final float[] squaredDistances,
		final int[] indices)
	{
		if (queries.rows() == 0) return;
		candidates(queries, queryOrigins, rowOrigins).resolve(queries, memory,
			squaredDistances, indices);
	}

	/**
	 * The kernel's candidate lists of every query, merged over all ranges,
	 * before the exact re-ranking (package-private so that the tests can
	 * check that the kernel, not {@link NearestCandidates#resolve}'s
	 * brute-force fallback, found the nearest rows).
	 */
	NearestCandidates candidates(final FeatureMatrix queries,
		final int[] queryOrigins, final int[] rowOrigins)
	{
		final Q prepared = prepare(queries);
		final int blocks = (size() + rowBlock - 1) / rowBlock;
		final int ranges = Math.min(blocks, RANGES_PER_THREAD * ForkJoinPool
			.getCommonPoolParallelism());
		final NearestCandidates[] found = new NearestCandidates[ranges];
		IntStream.range(0, ranges).parallel().forEach(r -> {
			final int from = (int) ((long) blocks * r / ranges) * rowBlock;
			final int to = Math.min(size(), (int) ((long) blocks * (r + 1) /
				ranges) * rowBlock);
			found[r] = new NearestCandidates(queries.rows(), queryOrigins,
				rowOrigins);
			scan(prepared, queries.rows(), from, to, found[r]);
		});
		for (int r = 1; r < ranges; r++)
			found[0].addAll(found[r]);
		return found[0];
	}

	/** Lays the queries out for {@link #scan}; called once per search. */
	abstract Q prepare(FeatureMatrix queries);

	/**
	 * Offers every memory row in {@code [from, to)} to {@code candidates}
	 * for each of the {@code queryCount} queries, with key ‖m‖² − 2 q·m.
	 */
	abstract void scan(Q queries, int queryCount, int from, int to,
		NearestCandidates candidates);
}
