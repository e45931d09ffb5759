package io.github.tailedcore.sampling;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ProjectionKernel} on the Vector API: a tile of four rows × two
 * vectors of outputs keeps its eight running sums in registers for the
 * whole of the D inputs (per input: two weight loads, four broadcasts,
 * eight products and eight sums, never fused), instead of loading and
 * storing the sums for every input as the scalar loop does. Outputs past
 * the last whole pair of vectors, and rows past the last four, go through
 * the scalar loop, with the same operations. Load only through
 * {@link ProjectionKernel#fastest()}.
 */
final class VectorProjectionKernel implements ProjectionKernel {

	/** The instance {@link ProjectionKernel#fastest()} returns. */
	static final VectorProjectionKernel INSTANCE = new VectorProjectionKernel();

	private static final VectorSpecies<Float> FLOATS =
		FloatVector.SPECIES_PREFERRED;
	private static final int LANES = FLOATS.length();

	private VectorProjectionKernel() {}

	@Override
	public void project(final float[] weightsT, final int inputDims,
		final int outputDims, final float[] x, final int xOffset, final int rows,
		final float[] y, final int yOffset)
	{
		final int tiled = outputDims / (2 * LANES) * 2 * LANES;
		int r = 0;
		for (; r + ROWS_AT_ONCE <= rows; r += ROWS_AT_ONCE) {
			final int xr = xOffset + r * inputDims;
			final int yr = yOffset + r * outputDims;
			for (int j = 0; j < tiled; j += 2 * LANES)
				tile(weightsT, inputDims, outputDims, j, x, xr, y, yr);
			if (tiled < outputDims) for (int i = 0; i < ROWS_AT_ONCE; i++)
				ProjectionKernel.outputs(weightsT, inputDims, outputDims, tiled,
					outputDims, x, xr + i * inputDims, y, yr + i * outputDims);
		}
		for (; r < rows; r++)
			ProjectionKernel.outputs(weightsT, inputDims, outputDims, 0, outputDims,
				x, xOffset + r * inputDims, y, yOffset + r * outputDims);
	}

	/**
	 * Outputs j … j + 2·LANES − 1 of four rows. No vector leaves the method:
	 * the JIT keeps them in registers only while it can inline every vector
	 * operation.
	 */
	private static void tile(final float[] weightsT, final int dims, final int d,
		final int j, final float[] x, final int xOffset, final float[] y,
		final int yOffset)
	{
		FloatVector a0 = FloatVector.zero(FLOATS), b0 = a0, a1 = a0, b1 = a0,
				a2 = a0, b2 = a0, a3 = a0, b3 = a0;
		final int x1 = xOffset + dims, x2 = x1 + dims, x3 = x2 + dims;
		for (int c = 0; c < dims; c++) {
			final FloatVector lo = FloatVector.fromArray(FLOATS, weightsT, c * d + j);
			final FloatVector hi = FloatVector.fromArray(FLOATS, weightsT, c * d + j +
				LANES);
			FloatVector v = FloatVector.broadcast(FLOATS, x[xOffset + c]);
			a0 = a0.add(lo.mul(v));
			b0 = b0.add(hi.mul(v));
			v = FloatVector.broadcast(FLOATS, x[x1 + c]);
			a1 = a1.add(lo.mul(v));
			b1 = b1.add(hi.mul(v));
			v = FloatVector.broadcast(FLOATS, x[x2 + c]);
			a2 = a2.add(lo.mul(v));
			b2 = b2.add(hi.mul(v));
			v = FloatVector.broadcast(FLOATS, x[x3 + c]);
			a3 = a3.add(lo.mul(v));
			b3 = b3.add(hi.mul(v));
		}
		a0.intoArray(y, yOffset + j);
		b0.intoArray(y, yOffset + j + LANES);
		a1.intoArray(y, yOffset + d + j);
		b1.intoArray(y, yOffset + d + j + LANES);
		a2.intoArray(y, yOffset + 2 * d + j);
		b2.intoArray(y, yOffset + 2 * d + j + LANES);
		a3.intoArray(y, yOffset + 3 * d + j);
		b3.intoArray(y, yOffset + 3 * d + j + LANES);
	}
}
