package io.github.tailedcore.linalg;

/**
 * The squared Euclidean distance Σ (a<sub>i</sub> − b<sub>i</sub>)² of two
 * rows of 8-bit integers, as an exact {@code int}: the distance between two
 * rows of a {@link QuantizedMatrix}. Integer sums have no rounding, so every
 * kernel returns the same value.
 * <p>
 * {@link #fastest()} returns a Vector API kernel (16 bytes widened to 16
 * ints per step) when the {@code jdk.incubator.vector} module is loaded, else
 * the scalar loop. Rows of up to 33,000 values cannot overflow
 * (254² · 33,000 &lt; 2³¹).
 * </p>
 */
@FunctionalInterface
public interface ByteSquaredDistanceKernel {

	/** The scalar loop, the reference. */
	ByteSquaredDistanceKernel SCALAR = (a, aOffset, b, bOffset, length) -> {
		int sum = 0;
		for (int i = 0; i < length; i++) {
			final int d = a[aOffset + i] - b[bOffset + i];
			sum += d * d;
		}
		return sum;
	};

	/** Σ (a<sub>i</sub> − b<sub>i</sub>)² over {@code length} values. */
	int between(byte[] a, int aOffset, byte[] b, int bOffset, int length);

	/**
	 * The Vector API kernel if {@link VectorApi#usable()}, else
	 * {@link #SCALAR}.
	 */
	static ByteSquaredDistanceKernel fastest() {
		return VectorApi.instanceOr(ByteSquaredDistanceKernel.class,
			"io.github.tailedcore.linalg.VectorByteSquaredDistance", SCALAR);
	}
}
