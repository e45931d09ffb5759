package io.github.tailedcore.linalg;

/**
 * The integer dot products q<sub>r</sub> · p of one block of rows of
 * 7-bit codes with one row p: the products that {@link QuantizedMatrix}
 * bounds distances with. A block holds {@code width} rows stored
 * column-major, so that code j of row {@code first + i} is at
 * {@code offset + j * width + i}; every code and every p<sub>j</sub> is in
 * [−63, 63]. Integer sums have no rounding, so every kernel returns the same
 * values.
 * <p>
 * {@link #fastest()} returns a Vector API kernel when the
 * {@code jdk.incubator.vector} module is loaded (one vector lane per row:
 * the codes of {@code width} rows are widened to 16-bit lanes, multiplied
 * by p<sub>j</sub> and summed for 8 columns before they are widened to
 * 32 bits, which is exact since 8 · 63² &lt; 2¹⁵), else the scalar loop.
 * </p>
 */
public interface CodeDotProductKernel {

	/** The largest code magnitude: 7-bit codes. */
	int LEVELS = 63;

	/** The scalar loop, the reference, for blocks of any width. */
	CodeDotProductKernel SCALAR = new CodeDotProductKernel() {

		@Override
		public int width() {
			return 16;
		}

		@Override
		public void dotProducts(final byte[] codes, final int offset,
			final int cols, final int width, final short[] p, final int[] out)
		{
			for (int i = 0; i < width; i++) {
				int sum = 0;
				for (int j = 0; j < cols; j++)
					sum += codes[offset + j * width + i] * p[j];
				out[i] = sum;
			}
		}
	};

	/** The block width this kernel is fastest with. */
	int width();

	/**
	 * Writes q<sub>i</sub> · p for the {@code width} rows of the block that
	 * starts at {@code offset} into {@code out[0, width)}.
	 *
	 * @param cols the number of codes per row, and of values in p
	 * @throws IllegalArgumentException if this kernel cannot handle
	 *           {@code width}
	 */
	void dotProducts(byte[] codes, int offset, int cols, int width, short[] p,
		int[] out);

	/**
	 * The Vector API kernel if {@link VectorApi#usable()}, else
	 * {@link #SCALAR}.
	 */
	static CodeDotProductKernel fastest() {
		return VectorApi.instanceOr(CodeDotProductKernel.class,
			"io.github.tailedcore.linalg.VectorCodeDotProduct", SCALAR);
	}
}
