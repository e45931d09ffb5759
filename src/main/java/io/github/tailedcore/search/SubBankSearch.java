package io.github.tailedcore.search;

import io.github.tailedcore.linalg.FeatureMatrix;

import java.util.function.Function;

/**
 * Exact 1-NN search over chosen rows of a memory bank M, e.g. the rows of a
 * test image's nearest training images (class-aware scoring): the rows are
 * gathered into a sub-bank once, any {@link NearestNeighborSearch} runs on
 * it, and the nearest rows are reported as rows of the whole bank.
 * <p>
 * Gathering costs |rows| × D copies, the search |queries| × |rows| × D
 * multiply-adds, so for a 28 × 28 image the copy is below 1/784 of the
 * search, and a search over a fraction of M takes about that fraction of the
 * time of a search over all of it.
 * </p>
 */
public final class SubBankSearch implements NearestNeighborSearch {

	private final int[] rows;
	private final NearestNeighborSearch search;

	/**
	 * @param memory the whole bank M
	 * @param rows the rows to search, distinct (not copied; must not change)
	 * @param searchFactory builds the search over the gathered rows, e.g.
	 *          {@link NearestNeighborSearches#fastest}
	 * @throws IllegalArgumentException if there are no rows or one is not a
	 *           row of {@code memory}
	 */
	public SubBankSearch(final FeatureMatrix memory, final int[] rows,
		final Function<FeatureMatrix, NearestNeighborSearch> searchFactory)
	{
		if (rows.length == 0) throw new IllegalArgumentException(
			"A nearest-neighbour search needs at least one memory vector.");
		for (final int r : rows)
			if (r < 0 || r >= memory.rows()) throw new IllegalArgumentException(
				"Row " + r + " is not a row of a bank of " + memory.rows() + ".");
		this.rows = rows;
		this.search = searchFactory.apply(memory.selectRows(rows));
	}

	/** The number of rows searched (not of the whole bank). */
	@Override
	public int size() {
		return rows.length;
	}

	@Override
	public int dims() {
		return search.dims();
	}

	/** As {@link NearestNeighborSearch#search}; indices are rows of M. */
	@Override
	public void search(final FeatureMatrix queries, final float[] squaredDistances,
		final int[] indices)
	{
		search.search(queries, squaredDistances, indices);
		toBankRows(queries.rows(), indices);
	}

	/**
	 * As {@link NearestNeighborSearch#searchExcluding}; {@code rowOrigins}
	 * has one origin per row searched ({@link #size()}), indices are rows of
	 * M.
	 */
	@Override
	public void searchExcluding(final FeatureMatrix queries,
		final int[] queryOrigins, final int[] rowOrigins,
		final float[] squaredDistances, final int[] indices)
	{
		search.searchExcluding(queries, queryOrigins, rowOrigins,
			squaredDistances, indices);
		toBankRows(queries.rows(), indices);
	}

	private void toBankRows(final int count, final int[] indices) {
		for (int i = 0; i < count; i++)
			if (indices[i] >= 0) indices[i] = rows[indices[i]];
	}

	@Override
	public String toString() {
		return search + " over " + rows.length + " chosen rows";
	}
}
