package io.github.tailedcore.linalg;

import java.util.stream.IntStream;

/**
 * A 7-bit copy of a {@link FeatureMatrix} that bounds the squared distances
 * of the original rows from below, reading a quarter of their bytes.
 * <p>
 * Each row is centred on the column means μ, z<sub>r</sub> = x<sub>r</sub> − μ,
 * and coded with its own scale: z<sub>r</sub> ≈ s<sub>r</sub> q<sub>r</sub>
 * with integer codes q<sub>r</sub> in [−63, 63] and
 * s<sub>r</sub> = max |z<sub>r</sub>| / 63. The row keeps its exact
 * ‖z<sub>r</sub>‖², its coding error e<sub>r</sub> ≥ ‖z<sub>r</sub> −
 * s<sub>r</sub> q<sub>r</sub>‖ and a<sub>r</sub> ≥ ‖s<sub>r</sub>
 * q<sub>r</sub>‖. Since
 * z<sub>a</sub> · z<sub>b</sub> = s<sub>a</sub> s<sub>b</sub> q<sub>a</sub> · q<sub>b</sub>
 * + s<sub>a</sub> q<sub>a</sub> · (z<sub>b</sub> − s<sub>b</sub> q<sub>b</sub>)
 * + (z<sub>a</sub> − s<sub>a</sub> q<sub>a</sub>) · z<sub>b</sub>,
 * Cauchy–Schwarz gives
 * ‖x<sub>a</sub> − x<sub>b</sub>‖² ≥ ‖z<sub>a</sub>‖² + ‖z<sub>b</sub>‖² −
 * 2 (s<sub>a</sub> s<sub>b</sub> q<sub>a</sub> · q<sub>b</sub> +
 * a<sub>a</sub> e<sub>b</sub> + e<sub>a</sub> ‖z<sub>b</sub>‖), from one
 * exact integer dot product ({@link CodeDotProductKernel}).
 * </p>
 * <p>
 * A scale per row fits each row's own range (rows of small norm get fine
 * codes), which makes this bound tighter on CNN patch features than a
 * distance of codes with one global 8-bit scale. The codes are stored in
 * blocks of {@link #width()} rows, column-major within a block, so that a
 * kernel handles one row per vector lane; the rows of the last block past
 * {@link #rows()} are zero. The greedy coreset uses the bound to skip exact
 * distances that cannot lower a point's distance to the coreset; it only
 * decides what to skip, so the results stay exact.
 * </p>
 */
public final class QuantizedMatrix {

	private static final int LEVELS = CodeDotProductKernel.LEVELS;
	/**
	 * Relative slack of the bound, on ‖z<sub>a</sub>‖² + ‖z<sub>b</sub>‖²:
	 * covers the double rounding of the centring, the norms and the bound,
	 * about 10⁻¹⁵ of it.
	 */
	private static final double SLACK = 1e-9;

	private final int rows;
	private final int cols;
	private final int width;
	private final byte[] codes;
	private final float[] scales;
	private final float[] errors;
	private final float[] codeNorms;
	private final double[] squaredNorms;

	private QuantizedMatrix(final int rows, final int cols, final int width) {
		this.rows = rows;
		this.cols = cols;
		this.width = width;
		final int blocks = (rows + width - 1) / width;
		codes = new byte[Math.multiplyExact(blocks * width, cols)];
		scales = new float[rows];
		errors = new float[rows];
		codeNorms = new float[rows];
		squaredNorms = new double[rows];
	}

	/**
	 * Codes {@code points} (finite values) in blocks of {@code width} rows,
	 * in parallel on the common fork-join pool.
	 *
	 * @throws IllegalArgumentException if {@code width} is below 1
	 */
	public static QuantizedMatrix of(final FeatureMatrix points,
		final int width)
	{
		if (width < 1) throw new IllegalArgumentException(
			"A block needs at least one row, got " + width + ".");
		final QuantizedMatrix q = new QuantizedMatrix(points.rows(), points.cols(),
			width);
		final double[] mean = columnMeans(points);
		IntStream.range(0, (q.rows + width - 1) / width).parallel().forEach(
			block -> {
				final double[] z = new double[q.cols];
				for (int r = block * width; r < Math.min(q.rows, (block + 1) *
					width); r++)
					q.code(r, points, mean, z);
			});
		return q;
	}

	/** μ, summed in fixed blocks of rows and then in block order. */
	private static double[] columnMeans(final FeatureMatrix points) {
		final int cols = points.cols();
		final int blockRows = 4096;
		final int blocks = (points.rows() + blockRows - 1) / blockRows;
		final double[][] sums = new double[blocks][];
		IntStream.range(0, blocks).parallel().forEach(b -> {
			final double[] s = new double[cols];
			for (int r = b * blockRows; r < Math.min(points.rows(), (b + 1) *
				blockRows); r++)
			{
				final int offset = points.offset(r);
				for (int c = 0; c < cols; c++)
					s[c] += points.data()[offset + c];
			}
			sums[b] = s;
		});
		final double[] mean = new double[cols];
		for (final double[] s : sums)
			for (int c = 0; c < cols; c++)
				mean[c] += s[c];
		for (int c = 0; c < cols; c++)
			mean[c] /= Math.max(1, points.rows());
		return mean;
	}

	/** Codes row r; {@code z} is scratch space of {@code cols} values. */
	private void code(final int r, final FeatureMatrix points,
		final double[] mean, final double[] z)
	{
		final int offset = points.offset(r);
		double maxAbs = 0;
		double norm = 0;
		for (int c = 0; c < cols; c++) {
			z[c] = points.data()[offset + c] - mean[c];
			maxAbs = Math.max(maxAbs, Math.abs(z[c]));
			norm += z[c] * z[c];
		}
		final float scale = maxAbs / LEVELS > 0 ? (float) (maxAbs / LEVELS) : 1;
		final int block = codeOffset(r);
		double squaredError = 0;
		double squaredCodes = 0;
		for (int c = 0; c < cols; c++) {
			final long code = Math.max(-LEVELS, Math.min(LEVELS, Math.round(z[c] /
				scale)));
			codes[block + c * width] = (byte) code;
			final double e = z[c] - (double) scale * code;
			squaredError += e * e;
			squaredCodes += code * code;
		}
		scales[r] = scale;
		squaredNorms[r] = norm;
		errors[r] = roundUp(Math.sqrt(squaredError) * (1 + SLACK));
		codeNorms[r] = roundUp(scale * Math.sqrt(squaredCodes) * (1 + SLACK));
	}

	/** The smallest float ≥ v. */
	private static float roundUp(final double v) {
		final float f = (float) v;
		return f < v ? Math.nextUp(f) : f;
	}

	public int rows() {
		return rows;
	}

	public int cols() {
		return cols;
	}

	/** Rows per block of codes. */
	public int width() {
		return width;
	}

	/** The codes, block after block, each block column-major. */
	public byte[] codes() {
		return codes;
	}

	/**
	 * Where the block that holds row {@code row} starts in {@link #codes()};
	 * the row's code j is at {@code codeOffset(row) + j * width()}.
	 */
	public int codeOffset(final int row) {
		return row / width * width * cols + row % width;
	}

	/** ‖z<sub>row</sub>‖². */
	public double squaredNorm(final int row) {
		return squaredNorms[row];
	}

	/** The bounds of the distances to row {@code b}. */
	public BoundsTo boundsTo(final int b) {
		return new BoundsTo(b);
	}

	/**
	 * Lower bounds of the squared distances to one row b, with the
	 * quantities of b computed once: what a pass of the greedy coreset needs
	 * for its new pick.
	 */
	public final class BoundsTo {

		private final short[] codes;
		private final double scale;
		private final double squaredNorm;
		private final double error;
		private final double norm;

		private BoundsTo(final int b) {
			codes = new short[cols];
			final int offset = codeOffset(b);
			for (int c = 0; c < cols; c++)
				codes[c] = QuantizedMatrix.this.codes[offset + c * width];
			scale = scales[b];
			squaredNorm = squaredNorms[b];
			error = errors[b];
			norm = Math.sqrt(squaredNorm) * (1 + SLACK);
		}

		/** q<sub>b</sub>, widened for {@link CodeDotProductKernel}. */
		public short[] codes() {
			return codes;
		}

		/**
		 * A lower bound of ‖x<sub>a</sub> − x<sub>b</sub>‖² (possibly
		 * negative).
		 *
		 * @param codeDot q<sub>a</sub> · q<sub>b</sub>, e.g. from a
		 *          {@link CodeDotProductKernel}
		 */
		public double lowerBound(final int a, final int codeDot) {
			final double norms = squaredNorms[a] + squaredNorm;
			final double cross = scales[a] * scale * codeDot + codeNorms[a] *
				error + errors[a] * norm;
			return norms - 2 * cross - SLACK * norms;
		}
	}
}
