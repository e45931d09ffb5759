package io.github.tailedcore.search;

import io.github.tailedcore.linalg.FeatureMatrix;

/**
 * Exact 1-nearest-neighbour search in a fixed memory bank M under squared
 * Euclidean distance, the patch score of PatchCore-style detectors
 * (faiss {@code IndexFlatL2}, k = 1; spec §7).
 * <p>
 * Distances are <em>squared</em> L2: {@code ‖q − m‖²}, never square-rooted.
 * Implementations are built once per memory bank and may be called from
 * several threads.
 * </p>
 */
public interface NearestNeighborSearch {

	/** Number of memory vectors. */
	int size();

	/** Dimensions of each memory vector. */
	int dims();

	/**
	 * For each query row q<sub>i</sub>, writes
	 * {@code squaredDistances[i] = min_j ‖q_i − m_j‖²} and the index j of that
	 * nearest memory row (the first on ties) into {@code indices[i]}.
	 *
	 * @param queries one query vector per row, {@link #dims()} columns
	 * @param squaredDistances output, length ≥ {@code queries.rows()}
	 * @param indices output, length ≥ {@code queries.rows()}
	 */
	void search(FeatureMatrix queries, float[] squaredDistances, int[] indices);

	/**
	 * As {@link #search}, but query i ignores the memory rows r whose origin
	 * {@code rowOrigins[r]} is its own, {@code queryOrigins[i]}: the distance
	 * and row that {@link #search} would give over a bank without those rows,
	 * with the row's index in the whole bank (+∞ and −1 if every row is
	 * ignored). Leave-one-image-out scores of many images come from one such
	 * search instead of a copy of the bank per image.
	 *
	 * @param queryOrigins the origin of each query, length ≥ its rows
	 * @param rowOrigins the origin of each memory row, length {@link #size()}
	 * @throws IllegalArgumentException if an array is too short
	 */
	void searchExcluding(FeatureMatrix queries, int[] queryOrigins,
		int[] rowOrigins, float[] squaredDistances, int[] indices);

	/**
	 * Checks the arguments of {@link #search}.
	 *
	 * @throws IllegalArgumentException if the queries do not have
	 *           {@link #dims()} columns or an output is shorter than the queries
	 */
	default void checkShapes(final FeatureMatrix queries,
		final float[] squaredDistances, final int[] indices)
	{
		if (queries.cols() != dims()) throw new IllegalArgumentException(
			"Queries of " + queries.cols() + " dims cannot be compared with " +
				"memory vectors of " + dims() + " dims.");
		if (squaredDistances.length < queries.rows() || indices.length < queries
			.rows()) throw new IllegalArgumentException("Outputs of length " +
				squaredDistances.length + " and " + indices.length + " cannot hold " +
				queries.rows() + " results.");
	}

	/**
	 * Checks the arguments of {@link #searchExcluding}.
	 *
	 * @throws IllegalArgumentException if {@link #checkShapes} does, or an
	 *           origin array is too short
	 */
	default void checkOrigins(final FeatureMatrix queries,
		final int[] queryOrigins, final int[] rowOrigins)
	{
		if (queryOrigins.length < queries.rows() || rowOrigins.length != size())
			throw new IllegalArgumentException("Need an origin per query and per " +
				"memory row: " + queryOrigins.length + " for " + queries.rows() +
				" queries, " + rowOrigins.length + " for " + size() + " rows.");
	}
}
