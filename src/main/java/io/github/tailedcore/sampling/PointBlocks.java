package io.github.tailedcore.sampling;

import io.github.tailedcore.linalg.FeatureMatrix;

import java.util.stream.IntStream;

/**
 * Points laid out for {@link TileKernel}: blocks of {@link #width()}
 * consecutive points, each block dimension-major (value k of point i of a
 * block at {@code k · width + i}), so that one vector load gives one
 * dimension of a block's points. The last block is padded with zero
 * points. Each point's squared norm is kept, computed in double.
 * <p>
 * The values are those of the source rows, only moved: a point copied out
 * with {@link #copy} is its row, bit for bit.
 * </p>
 */
final class PointBlocks {

	private final int rows;
	private final int dims;
	private final int width;
	private final float[] values;
	private final double[] squaredNorms;

	private PointBlocks(final int rows, final int dims, final int width) {
		this.rows = rows;
		this.dims = dims;
		this.width = width;
		final long padded = (long) blocks(rows, width) * width;
		if (padded * dims > Integer.MAX_VALUE - 8) throw new IllegalArgumentException(
			"Blocks of " + rows + " points of " + dims + " dims need more than " +
				"one Java array holds (2^31 values).");
		values = new float[(int) (padded * dims)];
		squaredNorms = new double[rows];
	}

	/**
	 * The given rows of {@code points} (all, if {@code rows} is
	 * {@code null}) in blocks of {@code width}, copied in parallel.
	 */
	static PointBlocks of(final FeatureMatrix points, final long[] rows,
		final int width)
	{
		final PointBlocks b = new PointBlocks(rows == null ? points.rows()
			: rows.length, points.cols(), width);
		IntStream.range(0, blocks(b.rows, width)).parallel().forEach(block -> {
			for (int i = block * width; i < Math.min(b.rows, (block + 1) *
				width); i++)
				b.put(i, points.data(), points.offset(rows == null ? i : Math.toIntExact(
					rows[i])));
		});
		return b;
	}

	private static int blocks(final int rows, final int width) {
		return (rows + width - 1) / width;
	}

	/** Stores point i from {@code source[offset …]}. */
	private void put(final int i, final float[] source, final int offset) {
		final int base = blockOffset(i) + i % width;
		double norm = 0;
		for (int k = 0; k < dims; k++) {
			final float v = source[offset + k];
			values[base + k * width] = v;
			norm += (double) v * v;
		}
		squaredNorms[i] = norm;
	}

	int rows() {
		return rows;
	}

	int dims() {
		return dims;
	}

	int width() {
		return width;
	}

	/** Number of blocks. */
	int blockCount() {
		return blocks(rows, width);
	}

	/** The blocks' values. */
	float[] values() {
		return values;
	}

	/** Where the block holding point i starts in {@link #values()}. */
	int blockOffset(final int i) {
		return i / width * width * dims;
	}

	/** ‖x<sub>i</sub>‖², in double. */
	double squaredNorm(final int i) {
		return squaredNorms[i];
	}

	/** Copies point i's d values to {@code out[offset …]}. */
	void copy(final int i, final float[] out, final int offset) {
		final int base = blockOffset(i) + i % width;
		for (int k = 0; k < dims; k++)
			out[offset + k] = values[base + k * width];
	}
}
