package io.github.tailedcore.memory;

import io.github.tailedcore.linalg.FeatureMatrix;

/**
 * The memory bank M of a fitted detector: the full-dimensional patch vectors
 * that test patches are compared with, and for SoftPatch one weight per
 * vector (its LOF score), by which the nearest-neighbour distance is
 * multiplied at test time.
 * <p>
 * TailedCore's bank is M = M<sub>tail</sub> ∪ M<sub>clean</sub>; the first
 * {@link #tailSize()} rows are the tail branch's, the rest the clean (head)
 * branch's, concatenated without deduplication as in the official code.
 * </p>
 */
public final class MemoryBank {

	private final FeatureMatrix vectors;
	private final float[] weights;
	private final int tailSize;

	/**
	 * @param vectors the memory vectors, one per row
	 * @param weights one weight per vector, or {@code null} for unweighted
	 *          scoring (TailedCore, PatchCore)
	 * @param tailSize how many leading rows came from the tail branch
	 */
	public MemoryBank(final FeatureMatrix vectors, final float[] weights,
		final int tailSize)
	{
		if (vectors.rows() == 0) throw new IllegalArgumentException(
			"A memory bank needs at least one vector.");
		if (weights != null && weights.length != vectors.rows())
			throw new IllegalArgumentException("A memory bank of " + vectors.rows() +
				" vectors needs as many weights, got " + weights.length + ".");
		if (tailSize < 0 || tailSize > vectors.rows())
			throw new IllegalArgumentException("Tail size " + tailSize +
				" is outside 0.." + vectors.rows() + ".");
		this.vectors = vectors;
		this.weights = weights;
		this.tailSize = tailSize;
	}

	/** The memory vectors (shared, not a copy). */
	public FeatureMatrix vectors() {
		return vectors;
	}

	/** Per-vector score weights, or {@code null} if unweighted. */
	public float[] weights() {
		return weights;
	}

	/** Number of vectors |M|. */
	public int size() {
		return vectors.rows();
	}

	/** Dimensions D of each vector. */
	public int dims() {
		return vectors.cols();
	}

	/** |M<sub>tail</sub>|: rows {@code [0, tailSize)} came from the tail branch. */
	public int tailSize() {
		return tailSize;
	}
}
