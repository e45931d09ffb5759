package io.github.tailedcore.linalg;

import java.util.Arrays;

/**
 * A dense row-major matrix of {@code float}s: {@code rows} feature vectors of
 * {@code cols} dimensions each, held in one primitive array.
 * <p>
 * This is the common currency of the algorithm stages: projected patch
 * features for the coreset and LOF, the memory bank M, query patches. It is
 * deliberately minimal (no views, no boxing) so that every kernel can run
 * straight over {@link #data()}; row {@code i} occupies
 * {@code data[i * cols, (i + 1) * cols)}.
 * </p>
 * <p>
 * The array is shared, not copied: a matrix is cheap to wrap around an
 * existing buffer, and callers must not change the buffer while others read
 * it.
 * </p>
 */
public final class FeatureMatrix {

	private final int rows;
	private final int cols;
	private final float[] data;

	/**
	 * Wraps {@code data} as a {@code rows × cols} matrix.
	 *
	 * @throws IllegalArgumentException if the array length is not
	 *           {@code rows * cols} or a size is negative
	 */
	public FeatureMatrix(final int rows, final int cols, final float[] data) {
		if (rows < 0 || cols < 0) throw new IllegalArgumentException(
			"A feature matrix needs non-negative sizes, got " + rows + " × " + cols +
				".");
		if ((long) rows * cols != data.length) throw new IllegalArgumentException(
			"A " + rows + " × " + cols + " feature matrix needs " + (long) rows *
				cols + " values, got " + data.length + ".");
		this.rows = rows;
		this.cols = cols;
		this.data = data;
	}

	/** A new zero-filled {@code rows × cols} matrix. */
	public static FeatureMatrix zeros(final int rows, final int cols) {
		if ((long) rows * cols > Integer.MAX_VALUE - 8)
			throw new IllegalArgumentException("A " + rows + " × " + cols +
				" matrix is larger than one Java array can hold (2^31 values).");
		return new FeatureMatrix(rows, cols, new float[rows * cols]);
	}

	/** Number of vectors. */
	public int rows() {
		return rows;
	}

	/** Dimensions of each vector. */
	public int cols() {
		return cols;
	}

	/** The backing row-major array (shared, not a copy). */
	public float[] data() {
		return data;
	}

	/** Offset of row {@code row} in {@link #data()}. */
	public int offset(final int row) {
		return row * cols;
	}

	/** A copy of row {@code row}. */
	public float[] row(final int row) {
		return Arrays.copyOfRange(data, row * cols, (row + 1) * cols);
	}

	/** Value at ({@code row}, {@code col}). */
	public float get(final int row, final int col) {
		return data[row * cols + col];
	}

	/** A new matrix holding the given rows of this one, in the given order. */
	public FeatureMatrix selectRows(final int[] indices) {
		final float[] out = new float[indices.length * cols];
		for (int i = 0; i < indices.length; i++)
			System.arraycopy(data, indices[i] * cols, out, i * cols, cols);
		return new FeatureMatrix(indices.length, cols, out);
	}

	/** Rows of {@code first} followed by rows of {@code second}. */
	public static FeatureMatrix concatRows(final FeatureMatrix first,
		final FeatureMatrix second)
	{
		if (first.cols != second.cols) throw new IllegalArgumentException(
			"Cannot stack matrices of " + first.cols + " and " + second.cols +
				" columns.");
		final float[] out = Arrays.copyOf(first.data, first.data.length +
			second.data.length);
		System.arraycopy(second.data, 0, out, first.data.length,
			second.data.length);
		return new FeatureMatrix(first.rows + second.rows, first.cols, out);
	}

	/** Squared Euclidean norm of each row, in double precision. */
	public double[] squaredNorms() {
		final double[] norms = new double[rows];
		for (int r = 0; r < rows; r++) {
			double s = 0;
			for (int c = r * cols, end = c + cols; c < end; c++)
				s += (double) data[c] * data[c];
			norms[r] = s;
		}
		return norms;
	}
}
