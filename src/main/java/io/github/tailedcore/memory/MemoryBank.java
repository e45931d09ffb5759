package io.github.tailedcore.memory;

import io.github.tailedcore.linalg.FeatureMatrix;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;

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
 * <p>
 * Each row may know its origin: the training image it came from (a tail
 * view's rows count as their image's). Class-aware scoring and the
 * leave-one-image-out threshold search only the rows of chosen origins
 * ({@link #rowsOf}). Models saved before origins were recorded have none.
 * </p>
 */
public final class MemoryBank {

	private final FeatureMatrix vectors;
	private final float[] weights;
	private final int tailSize;
	private final int[] origins;

	/** A bank whose rows do not know their origin. */
	public MemoryBank(final FeatureMatrix vectors, final float[] weights,
		final int tailSize)
	{
		this(vectors, weights, tailSize, null);
	}

	/**
	 * @param vectors the memory vectors, one per row
	 * @param weights one weight per vector, or {@code null} for unweighted
	 *          scoring (TailedCore, PatchCore)
	 * @param tailSize how many leading rows came from the tail branch
	 * @param origins the training image (0-based) each row came from, or
	 *          {@code null} if unknown (shared, not copied)
	 */
	public MemoryBank(final FeatureMatrix vectors, final float[] weights,
		final int tailSize, final int[] origins)
	{
		if (vectors.rows() == 0) throw new IllegalArgumentException(
			"A memory bank needs at least one vector.");
		if (weights != null && weights.length != vectors.rows())
			throw new IllegalArgumentException("A memory bank of " + vectors.rows() +
				" vectors needs as many weights, got " + weights.length + ".");
		if (tailSize < 0 || tailSize > vectors.rows())
			throw new IllegalArgumentException("Tail size " + tailSize +
				" is outside 0.." + vectors.rows() + ".");
		if (origins != null && origins.length != vectors.rows())
			throw new IllegalArgumentException("A memory bank of " + vectors.rows() +
				" vectors needs as many origins, got " + origins.length + ".");
		if (origins != null && Arrays.stream(origins).anyMatch(o -> o < 0))
			throw new IllegalArgumentException("Origins are image indices (≥ 0).");
		this.vectors = vectors;
		this.weights = weights;
		this.tailSize = tailSize;
		this.origins = origins;
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

	/**
	 * The training image each row came from (shared, not a copy), or
	 * {@code null} if the bank does not know.
	 */
	public int[] origins() {
		return origins;
	}

	/**
	 * The rows whose origin is one of {@code images}, ascending.
	 *
	 * @throws IllegalStateException if the rows do not know their origin
	 */
	public int[] rowsOf(final int[] images) {
		if (origins == null) throw new IllegalStateException(
			"This memory bank does not know which image each row came from.");
		final Set<Integer> chosen = new HashSet<>();
		for (final int i : images)
			chosen.add(i);
		return IntStream.range(0, origins.length).filter(r -> chosen.contains(
			origins[r])).toArray();
	}

	/** |M<sub>tail</sub>|: rows {@code [0, tailSize)} came from the tail branch. */
	public int tailSize() {
		return tailSize;
	}
}
