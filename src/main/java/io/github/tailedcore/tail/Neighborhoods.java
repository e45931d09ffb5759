package io.github.tailedcore.tail;

import io.github.tailedcore.linalg.FeatureMatrix;

/**
 * The per-image neighbourhoods N(i) = { j : S<sub>ij</sub> ≥ th<sub>i</sub> }
 * of the TailSampler (spec §5.2, step 5): a similarity matrix S together
 * with one adaptive threshold th<sub>i</sub> per row, as chosen by
 * {@link AdaptiveThreshold}.
 * <p>
 * Membership is read off S on demand, so the sets take no memory beyond S.
 * N(i) is not symmetric: j ∈ N(i) does not imply i ∈ N(j), because every
 * row has its own threshold.
 * </p>
 */
public final class Neighborhoods {

	private final FeatureMatrix similarities;
	private final float[] thresholds;
	private final int[] sizes;
	private final int rowsWithoutHalfAngleRegion;

	/**
	 * @param similarities the N × N matrix S
	 * @param thresholds th<sub>i</sub> for each row, taken over (not copied)
	 * @param rowsWithoutHalfAngleRegion how many rows fell back to their top
	 *          similarity bin because their half-angle region H was empty
	 */
	Neighborhoods(final FeatureMatrix similarities, final float[] thresholds,
		final int rowsWithoutHalfAngleRegion)
	{
		final int n = similarities.rows();
		if (similarities.cols() != n || thresholds.length != n)
			throw new IllegalArgumentException("Neighbourhoods need a square " +
				"similarity matrix and one threshold per row, got " + n + " × " +
				similarities.cols() + " and " + thresholds.length + " thresholds.");
		this.similarities = similarities;
		this.thresholds = thresholds;
		this.rowsWithoutHalfAngleRegion = rowsWithoutHalfAngleRegion;
		sizes = new int[n];
		for (int i = 0; i < n; i++)
			for (int j = 0; j < n; j++)
				if (contains(i, j)) sizes[i]++;
	}

	/** N, the number of images. */
	public int count() {
		return thresholds.length;
	}

	/** Whether j ∈ N(i), i.e. S<sub>ij</sub> ≥ th<sub>i</sub>. */
	public boolean contains(final int i, final int j) {
		return similarities.get(i, j) >= thresholds[i];
	}

	/** |N(i)|, the neighbourhood size image i votes with. */
	public int size(final int i) {
		return sizes[i];
	}

	/** |N(i)| for every image i (a copy). */
	public int[] sizes() {
		return sizes.clone();
	}

	/** The adaptive threshold th<sub>i</sub> of row i. */
	public float threshold(final int i) {
		return thresholds[i];
	}

	/**
	 * How many rows had no half-angle region H (all their similarities so
	 * close together that, quantised to steps of 1/N, none lies above the
	 * half-angle threshold: a tight class of few images, N = 1, identical or
	 * zero embeddings) and so use their top similarity bin as N(i); see
	 * {@link AdaptiveThreshold}.
	 */
	public int rowsWithoutHalfAngleRegion() {
		return rowsWithoutHalfAngleRegion;
	}
}
