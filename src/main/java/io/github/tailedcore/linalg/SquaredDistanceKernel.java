package io.github.tailedcore.linalg;

/**
 * Computes {@link SquaredDistance#between} — the same value, bit for bit —
 * possibly faster. The greedy coreset calls it N times per pick, so this is
 * where its time goes.
 * <p>
 * {@link #fastest()} returns a Vector API kernel when the
 * {@code jdk.incubator.vector} module is loaded (its four double lanes are
 * exactly the four partial sums of the definition, and it multiplies and
 * adds without fusing, so the result is identical), else the scalar
 * reference.
 * </p>
 */
@FunctionalInterface
public interface SquaredDistanceKernel {

	/** The scalar reference. */
	SquaredDistanceKernel SCALAR = SquaredDistance::between;

	/** ‖a − b‖² exactly as {@link SquaredDistance#between} defines it. */
	double between(float[] a, int aOffset, float[] b, int bOffset, int length);

	/**
	 * The Vector API kernel if {@link VectorApi#usable()}, else
	 * {@link #SCALAR}.
	 */
	static SquaredDistanceKernel fastest() {
		return VectorApi.instanceOr(SquaredDistanceKernel.class,
			"io.github.tailedcore.linalg.VectorSquaredDistance", SCALAR);
	}
}
