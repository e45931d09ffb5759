package io.github.tailedcore.sampling;

import io.github.tailedcore.linalg.VectorApi;

/**
 * The product of {@link RandomProjection}: y<sub>r,j</sub> =
 * Σ<sub>c</sub> x<sub>r,c</sub> W<sub>jc</sub> for a run of rows, each sum
 * accumulated in {@code float} in ascending c as y ← y + x · w (the product
 * rounded, then the sum; never fused), so that every kernel gives the same
 * values bit for bit, whatever the blocking.
 */
interface ProjectionKernel {

	/** Rows that share each load of a weight row in {@link #SCALAR}. */
	int ROWS_AT_ONCE = 4;

	/**
	 * Plain loops, four rows at a time, d running sums per row in the inner
	 * loop so that it may vectorize. About 1.5 times faster than row by row,
	 * but the running sums go through memory: 1–3 GFLOP/s per core.
	 */
	ProjectionKernel SCALAR = new ProjectionKernel() {

		@Override
		public void project(final float[] weightsT, final int inputDims,
			final int outputDims, final float[] x, final int xOffset,
			final int rows, final float[] y, final int yOffset)
		{
			for (int r = 0; r < rows; r += ROWS_AT_ONCE) {
				final int count = Math.min(ROWS_AT_ONCE, rows - r);
				final int xr = xOffset + r * inputDims;
				final int yr = yOffset + r * outputDims;
				if (count == ROWS_AT_ONCE) fourRows(weightsT, inputDims, outputDims, x,
					xr, y, yr);
				else for (int i = 0; i < count; i++)
					outputs(weightsT, inputDims, outputDims, 0, outputDims, x, xr + i *
						inputDims, y, yr + i * outputDims);
			}
		}
	};

	/**
	 * Projects {@code rows} consecutive rows of D values from
	 * {@code x[xOffset …]} into d values each from {@code y[yOffset …]}.
	 *
	 * @param weightsT W transposed: {@code weightsT[c · d + j] = W[j][c]}
	 */
	void project(float[] weightsT, int inputDims, int outputDims, float[] x,
		int xOffset, int rows, float[] y, int yOffset);

	/**
	 * Outputs {@code from ≤ j < to} of one row, y[j] ← y[j] + x[c] · W[j][c]
	 * in ascending c, from y = 0.
	 */
	static void outputs(final float[] weightsT, final int inputDims,
		final int outputDims, final int from, final int to, final float[] x,
		final int xOffset, final float[] y, final int yOffset)
	{
		for (int j = from; j < to; j++)
			y[yOffset + j] = 0;
		for (int c = 0; c < inputDims; c++) {
			final float value = x[xOffset + c];
			final int w = c * outputDims;
			for (int j = from; j < to; j++)
				y[yOffset + j] += value * weightsT[w + j];
		}
	}

	/** All outputs of four consecutive rows, in the same order. */
	private static void fourRows(final float[] weightsT, final int dims,
		final int d, final float[] x, final int xOffset, final float[] y,
		final int yOffset)
	{
		java.util.Arrays.fill(y, yOffset, yOffset + 4 * d, 0);
		for (int c = 0; c < dims; c++) {
			final float x0 = x[xOffset + c];
			final float x1 = x[xOffset + dims + c];
			final float x2 = x[xOffset + 2 * dims + c];
			final float x3 = x[xOffset + 3 * dims + c];
			final int w = c * d;
			for (int j = 0; j < d; j++) {
				final float weight = weightsT[w + j];
				y[yOffset + j] += x0 * weight;
				y[yOffset + d + j] += x1 * weight;
				y[yOffset + 2 * d + j] += x2 * weight;
				y[yOffset + 3 * d + j] += x3 * weight;
			}
		}
	}

	/**
	 * The Vector API kernel if {@link VectorApi#usable()}, else
	 * {@link #SCALAR}; the Vector class is loaded by name only after the
	 * module was found.
	 */
	static ProjectionKernel fastest() {
		return VectorApi.instanceOr(ProjectionKernel.class,
			"io.github.tailedcore.sampling.VectorProjectionKernel", SCALAR);
	}
}
