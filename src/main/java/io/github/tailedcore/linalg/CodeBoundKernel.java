package io.github.tailedcore.linalg;

/**
 * Evaluates the distance test of {@link QuantizedMatrix} for one block of
 * rows against one row b: which rows a of the block it cannot prove to be
 * farther than their limit D<sub>a</sub> from b. The test needs one
 * integer dot product q<sub>a</sub> · q<sub>b</sub> per row (exact, every
 * code in [−63, 63]) and then, in {@code float},
 * X = e<sub>a</sub> ‖z<sub>b</sub>‖ + (a<sub>a</sub> e<sub>b</sub> +
 * s<sub>a</sub> (s<sub>b</sub> q<sub>a</sub> · q<sub>b</sub>)), the sums
 * fused with the products in this order, and the row is proven farther
 * iff X &lt; L<sub>a</sub> + L<sub>b</sub>. Every kernel makes the same
 * operations, so every kernel returns the same rows.
 * <p>
 * {@link #fastest()} returns a Vector API kernel when the
 * {@code jdk.incubator.vector} module is loaded (one vector lane per row:
 * the codes of a block are widened to 16-bit lanes, multiplied by
 * q<sub>b,j</sub> and summed for 8 columns before they are widened to
 * 32 bits, which is exact since 8 · 63² &lt; 2¹⁵), else the scalar loop.
 * </p>
 */
public interface CodeBoundKernel {

	/** The scalar loop, the reference, for blocks of any width up to 64. */
	CodeBoundKernel SCALAR = new CodeBoundKernel() {

		@Override
		public int width() {
			return 16;
		}

		@Override
		public long undecided(final QuantizedMatrix.BoundsTo b, final int first,
			final float[] limits)
		{
			final QuantizedMatrix m = b.matrix();
			final int width = m.width();
			final int offset = m.codeOffset(first);
			long undecided = 0;
			for (int i = 0; i < width; i++) {
				int dot = 0;
				for (int j = 0; j < m.cols(); j++)
					dot += m.codes()[offset + j * width + i] * b.codes[j];
				final int a = first + i;
				final float x = Math.fma(m.errors[a], b.norm, Math.fma(m.codeNorms[a],
					b.error, m.scales[a] * (b.scale * dot)));
				if (!(x < limits[a] + b.limit)) undecided |= 1L << i;
			}
			return undecided;
		}
	};

	/** The block width this kernel is fastest with; at most 64. */
	int width();

	/**
	 * The rows of the block that starts at row {@code first} whose distance
	 * to b the test cannot prove to exceed their limit: bit i stands for row
	 * {@code first + i}.
	 *
	 * @param first a multiple of the matrix's block width
	 * @param limits the row limits L<sub>a</sub>(D<sub>a</sub>), padded as
	 *          {@link QuantizedMatrix#rowLimits()} makes them
	 * @throws IllegalArgumentException if this kernel cannot handle the
	 *           matrix's block width
	 */
	long undecided(QuantizedMatrix.BoundsTo b, int first, float[] limits);

	/**
	 * The Vector API kernel if {@link VectorApi#usable()}, else
	 * {@link #SCALAR}.
	 */
	static CodeBoundKernel fastest() {
		return VectorApi.instanceOr(CodeBoundKernel.class,
			"io.github.tailedcore.linalg.VectorCodeBound", SCALAR);
	}
}
