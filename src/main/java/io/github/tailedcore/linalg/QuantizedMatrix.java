package io.github.tailedcore.linalg;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * A 7-bit copy of a {@link FeatureMatrix} that proves squared distances of
 * its rows to exceed a limit while reading a quarter of their bytes.
 * <p>
 * Each row is centred on the column means μ, z<sub>r</sub> = x<sub>r</sub> − μ,
 * and coded with its own scale: z<sub>r</sub> ≈ s<sub>r</sub> q<sub>r</sub>
 * with integer codes q<sub>r</sub> in [−63, 63] and
 * s<sub>r</sub> = max |z<sub>r</sub>| / 63. The row keeps n<sub>r</sub> =
 * ‖z<sub>r</sub>‖², its coding error e<sub>r</sub> ≥ ‖z<sub>r</sub> −
 * s<sub>r</sub> q<sub>r</sub>‖ and a<sub>r</sub> ≥ ‖s<sub>r</sub>
 * q<sub>r</sub>‖. Since
 * z<sub>a</sub> · z<sub>b</sub> = s<sub>a</sub> s<sub>b</sub> q<sub>a</sub> · q<sub>b</sub>
 * + s<sub>a</sub> q<sub>a</sub> · (z<sub>b</sub> − s<sub>b</sub> q<sub>b</sub>)
 * + (z<sub>a</sub> − s<sub>a</sub> q<sub>a</sub>) · z<sub>b</sub>,
 * Cauchy–Schwarz bounds the dot product by
 * X = s<sub>a</sub> s<sub>b</sub> q<sub>a</sub> · q<sub>b</sub> +
 * a<sub>a</sub> e<sub>b</sub> + e<sub>a</sub> ‖z<sub>b</sub>‖, and
 * ‖x<sub>a</sub> − x<sub>b</sub>‖² = n<sub>a</sub> + n<sub>b</sub> −
 * 2 z<sub>a</sub> · z<sub>b</sub> exceeds D whenever
 * X &lt; L<sub>a</sub>(D) + L<sub>b</sub> with the row limit
 * L<sub>a</sub>(D) = ((1 − σ) n<sub>a</sub> − D) / 2 and the pick limit
 * L<sub>b</sub> = (1 − σ) n<sub>b</sub> / 2. The slack σ = 10⁻⁵ (of
 * n<sub>a</sub> + n<sub>b</sub>) covers the rounding of the centring, of
 * the stored quantities and of evaluating the test in {@code float}, which
 * is at most about 2 · 10⁻⁶ of it; every stored quantity is rounded in the
 * direction that keeps the test a proof. {@link CodeBoundKernel} evaluates
 * the test from one exact integer dot product per row.
 * </p>
 * <p>
 * A scale per row fits each row's own range (rows of small norm get fine
 * codes), which on CNN patch features makes this test decide more rows than
 * a distance of codes with one global 8-bit scale. The codes are stored in
 * blocks of {@link #width()} rows, column-major within a block, so that a
 * kernel handles one row per vector lane; the rows of the last block past
 * {@link #rows()} are zero, with every per-row quantity zero. The greedy
 * coreset uses the test to skip exact distances that cannot lower a point's
 * distance to the coreset; it only decides what to skip, so the results
 * stay exact.
 * </p>
 */
public final class QuantizedMatrix {

	/** The largest code magnitude: 7-bit codes. */
	static final int LEVELS = 63;
	/** σ, relative to n<sub>a</sub> + n<sub>b</sub>. */
	static final double SLACK = 1e-5;

	private final int rows;
	private final int cols;
	private final int width;
	private final byte[] codes;
	/** Per row, padded to whole blocks: s, a and e as floats. */
	final float[] scales;
	final float[] codeNorms;
	final float[] errors;
	private final double[] squaredNorms;

	private QuantizedMatrix(final int rows, final int cols, final int width) {
		this.rows = rows;
		this.cols = cols;
		this.width = width;
		final int padded = Math.multiplyExact((rows + width - 1) / width, width);
		codes = new byte[Math.multiplyExact(padded, cols)];
		scales = new float[padded];
		codeNorms = new float[padded];
		errors = new float[padded];
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

	/**
	 * Codes row r; {@code z} is scratch space of {@code cols} values. The
	 * codes need not be the nearest ones (z · (1/s) may round differently
	 * from z / s): e and a are computed from the codes chosen.
	 */
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
		final double inverse = 1.0 / scale;
		final int block = codeOffset(r);
		double squaredError = 0;
		double squaredCodes = 0;
		for (int c = 0; c < cols; c++) {
			final int code = Math.max(-LEVELS, Math.min(LEVELS, (int) Math.rint(
				z[c] * inverse)));
			codes[block + c * width] = (byte) code;
			final double e = z[c] - (double) scale * code;
			squaredError += e * e;
			squaredCodes += code * code;
		}
		scales[r] = scale;
		squaredNorms[r] = norm;
		errors[r] = roundUp(Math.sqrt(squaredError) * (1 + 1e-9));
		codeNorms[r] = roundUp(scale * Math.sqrt(squaredCodes) * (1 + 1e-9));
	}

	/** The smallest float ≥ v. */
	private static float roundUp(final double v) {
		final float f = (float) v;
		return f < v ? Math.nextUp(f) : f;
	}

	/** The largest float ≤ v. */
	private static float roundDown(final double v) {
		final float f = (float) v;
		return f > v ? Math.nextDown(f) : f;
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

	/** n<sub>row</sub> = ‖z<sub>row</sub>‖². */
	public double squaredNorm(final int row) {
		return squaredNorms[row];
	}

	/**
	 * Row limits L<sub>a</sub>(+∞) = −∞, one per row (no distance is proven
	 * to exceed +∞), padded to whole blocks with +∞ (a padding row is never
	 * undecided): the limits before any D is known.
	 */
	public float[] rowLimits() {
		final float[] limits = new float[scales.length];
		Arrays.fill(limits, 0, rows, Float.NEGATIVE_INFINITY);
		Arrays.fill(limits, rows, limits.length, Float.POSITIVE_INFINITY);
		return limits;
	}

	/**
	 * L<sub>a</sub>(D), rounded down: −∞ for D = +∞, so that no row is
	 * proven farther than +∞.
	 *
	 * @param squaredDistance D, the squared distance to prove exceeded
	 */
	public float rowLimit(final int a, final double squaredDistance) {
		return roundDown(((1 - SLACK) * squaredNorms[a] - squaredDistance) / 2);
	}

	/** The test's quantities of row {@code b}. */
	public BoundsTo boundsTo(final int b) {
		return new BoundsTo(b);
	}

	/**
	 * The quantities of one row b that the test uses, computed once: what a
	 * pass of the greedy coreset needs for its new pick.
	 */
	public final class BoundsTo {

		/** q<sub>b</sub>, widened. */
		final short[] codes;
		/** s<sub>b</sub>. */
		final float scale;
		/** e<sub>b</sub>, rounded up. */
		final float error;
		/** ‖z<sub>b</sub>‖, rounded up. */
		final float norm;
		/** L<sub>b</sub>, rounded down. */
		final float limit;

		private BoundsTo(final int b) {
			codes = new short[cols];
			final int offset = codeOffset(b);
			for (int c = 0; c < cols; c++)
				codes[c] = QuantizedMatrix.this.codes[offset + c * width];
			scale = scales[b];
			error = errors[b];
			norm = roundUp(Math.sqrt(squaredNorms[b]) * (1 + 1e-9));
			limit = roundDown((1 - SLACK) * squaredNorms[b] / 2);
		}

		/** The matrix of the row. */
		public QuantizedMatrix matrix() {
			return QuantizedMatrix.this;
		}
	}
}
