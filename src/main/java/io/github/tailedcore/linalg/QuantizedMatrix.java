package io.github.tailedcore.linalg;

/**
 * An 8-bit copy of a {@link FeatureMatrix} that bounds the distances of the
 * original rows from below: x<sub>r</sub> ≈ μ + s · q<sub>r</sub> with the
 * column means μ, one scale s for all columns and codes q<sub>r</sub> in
 * [−127, 127], and for each row the exact error
 * e<sub>r</sub> = ‖x<sub>r</sub> − μ − s · q<sub>r</sub>‖ (rounded up). By
 * the triangle inequality
 * ‖x<sub>a</sub> − x<sub>b</sub>‖ ≥ s · ‖q<sub>a</sub> − q<sub>b</sub>‖ −
 * e<sub>a</sub> − e<sub>b</sub>, and the integer distance of the codes reads
 * a quarter of the bytes of the floats.
 * <p>
 * The greedy coreset uses this to skip exact distances that cannot lower a
 * point's distance to the coreset; the bound only decides what to skip, so
 * the results stay exact.
 * </p>
 */
public final class QuantizedMatrix {

	/** The largest code magnitude. */
	static final int LEVELS = 127;

	private final int rows;
	private final int cols;
	private final byte[] codes;
	private final double scale;
	private final double[] errors;

	private QuantizedMatrix(final int rows, final int cols, final byte[] codes,
		final double scale, final double[] errors)
	{
		this.rows = rows;
		this.cols = cols;
		this.codes = codes;
		this.scale = scale;
		this.errors = errors;
	}

	/** Quantizes {@code points} (finite values) with s = max |x − μ| / 127. */
	public static QuantizedMatrix of(final FeatureMatrix points) {
		final int rows = points.rows();
		final int cols = points.cols();
		final float[] data = points.data();
		final double[] mean = new double[cols];
		for (int r = 0; r < rows; r++)
			for (int c = 0; c < cols; c++)
				mean[c] += data[points.offset(r) + c];
		for (int c = 0; c < cols; c++)
			mean[c] /= Math.max(1, rows);
		double maxAbs = 0;
		for (int r = 0; r < rows; r++)
			for (int c = 0; c < cols; c++)
				maxAbs = Math.max(maxAbs, Math.abs(data[points.offset(r) + c] -
					mean[c]));
		final double scale = maxAbs > 0 ? maxAbs / LEVELS : 1;
		double meanNorm = 0;
		for (final double m : mean)
			meanNorm += m * m;
		// covers the rounding of the centring, the error sums and the bound
		final double slack = 1e-9 * scale + 1e-12 * Math.sqrt(meanNorm);
		final byte[] codes = new byte[rows * cols];
		final double[] errors = new double[rows];
		for (int r = 0; r < rows; r++) {
			double squaredError = 0;
			for (int c = 0; c < cols; c++) {
				final double centred = data[points.offset(r) + c] - mean[c];
				final long code = Math.max(-LEVELS, Math.min(LEVELS, Math.round(
					centred / scale)));
				codes[r * cols + c] = (byte) code;
				final double e = centred - scale * code;
				squaredError += e * e;
			}
			errors[r] = Math.sqrt(squaredError) * (1 + 1e-9) + slack;
		}
		return new QuantizedMatrix(rows, cols, codes, scale, errors);
	}

	public int rows() {
		return rows;
	}

	public int cols() {
		return cols;
	}

	/** The codes q, row after row. */
	public byte[] codes() {
		return codes;
	}

	/** Where row {@code row}'s codes start in {@link #codes()}. */
	public int offset(final int row) {
		return row * cols;
	}

	/** s. */
	public double scale() {
		return scale;
	}

	/** e<sub>r</sub>, an upper bound of ‖x<sub>r</sub> − μ − s · q<sub>r</sub>‖. */
	public double error(final int row) {
		return errors[row];
	}

	/**
	 * A lower bound of ‖x<sub>a</sub> − x<sub>b</sub>‖ (Euclidean, not
	 * squared; possibly negative) from the integer distance of their codes.
	 *
	 * @param codeDistance Σ (q<sub>a</sub> − q<sub>b</sub>)², e.g. from
	 *          {@link ByteSquaredDistanceKernel}
	 */
	public double lowerBound(final int a, final int b, final int codeDistance) {
		return scale * Math.sqrt(codeDistance) - errors[a] - errors[b];
	}
}
