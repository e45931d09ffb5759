package io.github.tailedcore.sampling;

import io.github.tailedcore.linalg.VectorApi;

/**
 * The distance test of {@link TiledGreedyCoresetSampler} for one block of
 * points against up to {@value #MAX_PICKS} picks at once: which points x of
 * the block it cannot prove to be farther from pick p than their limit.
 * <p>
 * For each point and pick the kernel accumulates the dot product
 * s = x · p in {@code float}, one fused multiply-add per dimension in
 * ascending order, and proves the point farther iff
 * 2 s &lt; L<sub>x</sub> + L<sub>p</sub> (one float addition), with the row
 * limit L<sub>x</sub> and the pick limit L<sub>p</sub> of
 * {@link TiledGreedyCoresetSampler}. Every kernel makes these operations,
 * so every kernel returns the same points.
 * </p>
 */
interface TileKernel {

	/** The most picks one call tests. */
	int MAX_PICKS = 6;

	/** The scalar loop, the reference, for blocks of 16 points. */
	TileKernel SCALAR = new TileKernel() {

		@Override
		public int width() {
			return 16;
		}

		@Override
		public void undecided(final PointBlocks points, final int firstPoint,
			final float[] picks, final int firstPick, final int count,
			final float[] pickLimits, final float[] rowLimits, final long[] masks)
		{
			final int width = points.width();
			final int dims = points.dims();
			final float[] values = points.values();
			final int block = points.blockOffset(firstPoint);
			for (int j = 0; j < count; j++) {
				final int pick = (firstPick + j) * dims;
				long undecided = 0;
				for (int i = 0; i < width; i++) {
					float s = 0;
					for (int k = 0; k < dims; k++)
						s = Math.fma(picks[pick + k], values[block + k * width + i], s);
					if (!(2 * s < rowLimits[firstPoint + i] + pickLimits[firstPick + j]))
						undecided |= 1L << i;
				}
				masks[j] = undecided;
			}
		}
	};

	/** The number of points per block this kernel handles; at most 64. */
	int width();

	/**
	 * Writes into {@code masks[j]}, for each pick j &lt; {@code count}, the
	 * points of the block that starts at point {@code firstPoint} that the
	 * test cannot prove farther from pick {@code firstPick + j}: bit i for
	 * point {@code firstPoint + i}.
	 *
	 * @param points the points, in blocks of {@link #width()}
	 * @param picks the picks' values, d per pick
	 * @param count 1 to {@value #MAX_PICKS}
	 * @param pickLimits L<sub>p</sub> of each pick
	 * @param rowLimits L<sub>x</sub> of each point, padded to whole blocks
	 *          with +∞
	 */
	void undecided(PointBlocks points, int firstPoint, float[] picks,
		int firstPick, int count, float[] pickLimits, float[] rowLimits,
		long[] masks);

	/**
	 * The Vector API kernel if {@link VectorApi#usable()}, else
	 * {@link #SCALAR}; the Vector class is loaded by name only after the
	 * module was found.
	 */
	static TileKernel fastest() {
		return VectorApi.instanceOr(TileKernel.class,
			"io.github.tailedcore.sampling.VectorTileKernel", SCALAR);
	}
}
