package io.github.tailedcore.sampling;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link TileKernel} on the Vector API: a block is two vectors of points
 * (16 with AVX2, 32 with AVX-512), and up to six picks are broadcast
 * against it, so that per dimension two loads and six broadcasts feed
 * twelve fused multiply-adds into twelve accumulators (which, with the two
 * point vectors and the broadcast, fit the 16 registers of AVX2). The dot
 * products go to a small array and the test then runs on their lanes. Load
 * only through {@link TileKernel#fastest()}.
 */
final class VectorTileKernel implements TileKernel {

	/** The instance {@link TileKernel#fastest()} returns. */
	static final VectorTileKernel INSTANCE = new VectorTileKernel();

	private static final VectorSpecies<Float> FLOATS =
		FloatVector.SPECIES_PREFERRED;
	private static final int LANES = FLOATS.length();

	static {
		if (2 * LANES > Long.SIZE) throw new IllegalStateException("Blocks of " +
			2 * LANES + " points do not fit a long mask.");
	}

	private VectorTileKernel() {}

	@Override
	public int width() {
		return 2 * LANES;
	}

	@Override
	public void undecided(final PointBlocks points, final int firstPoint,
		final float[] picks, final int firstPick, final int count,
		final float[] pickLimits, final float[] rowLimits, final long[] masks)
	{
		if (points.width() != width()) throw new IllegalArgumentException(
			"This kernel needs blocks of " + width() + " points, got " + points
				.width() + ".");
		final float[] dots = new float[2 * LANES * MAX_PICKS];
		six(points, firstPoint, picks, firstPick, count, dots);
		for (int j = 0; j < count; j++)
			masks[j] = test(dots, j, rowLimits, firstPoint, pickLimits[firstPick +
				j]);
	}

	/**
	 * The dot products of a block with six picks, into {@code dots} (two
	 * vectors per pick); with fewer picks the last is repeated, so that one
	 * method does all the work and is compiled early (the Vector API runs
	 * many times slower until the JIT compiles it). No vector leaves the
	 * method: the JIT keeps them in registers only while it can inline every
	 * vector operation.
	 */
	private static void six(final PointBlocks points, final int firstPoint,
		final float[] picks, final int firstPick, final int count,
		final float[] dots)
	{
		final float[] v = points.values();
		final int dims = points.dims();
		final int width = 2 * LANES;
		final int block = points.blockOffset(firstPoint);
		final int p0 = firstPick * dims;
		final int p1 = p0 + Math.min(1, count - 1) * dims;
		final int p2 = p0 + Math.min(2, count - 1) * dims;
		final int p3 = p0 + Math.min(3, count - 1) * dims;
		final int p4 = p0 + Math.min(4, count - 1) * dims;
		final int p5 = p0 + Math.min(5, count - 1) * dims;
		FloatVector a0 = FloatVector.zero(FLOATS), a1 = a0, a2 = a0, a3 = a0,
				a4 = a0, a5 = a0;
		FloatVector b0 = a0, b1 = a0, b2 = a0, b3 = a0, b4 = a0, b5 = a0;
		for (int k = 0; k < dims; k++) {
			final FloatVector lo = FloatVector.fromArray(FLOATS, v, block + k *
				width);
			final FloatVector hi = FloatVector.fromArray(FLOATS, v, block + k *
				width + LANES);
			FloatVector s = FloatVector.broadcast(FLOATS, picks[p0 + k]);
			a0 = s.fma(lo, a0);
			b0 = s.fma(hi, b0);
			s = FloatVector.broadcast(FLOATS, picks[p1 + k]);
			a1 = s.fma(lo, a1);
			b1 = s.fma(hi, b1);
			s = FloatVector.broadcast(FLOATS, picks[p2 + k]);
			a2 = s.fma(lo, a2);
			b2 = s.fma(hi, b2);
			s = FloatVector.broadcast(FLOATS, picks[p3 + k]);
			a3 = s.fma(lo, a3);
			b3 = s.fma(hi, b3);
			s = FloatVector.broadcast(FLOATS, picks[p4 + k]);
			a4 = s.fma(lo, a4);
			b4 = s.fma(hi, b4);
			s = FloatVector.broadcast(FLOATS, picks[p5 + k]);
			a5 = s.fma(lo, a5);
			b5 = s.fma(hi, b5);
		}
		a0.intoArray(dots, 0);
		b0.intoArray(dots, LANES);
		a1.intoArray(dots, 2 * LANES);
		b1.intoArray(dots, 3 * LANES);
		a2.intoArray(dots, 4 * LANES);
		b2.intoArray(dots, 5 * LANES);
		a3.intoArray(dots, 6 * LANES);
		b3.intoArray(dots, 7 * LANES);
		a4.intoArray(dots, 8 * LANES);
		b4.intoArray(dots, 9 * LANES);
		a5.intoArray(dots, 10 * LANES);
		b5.intoArray(dots, 11 * LANES);
	}

	/** The undecided points of the block for the dot products in slot j. */
	private static long test(final float[] dots, final int j,
		final float[] rowLimits, final int firstPoint, final float pickLimit)
	{
		final VectorMask<Float> provenLo = FloatVector.fromArray(FLOATS, dots, 2 *
			j * LANES).mul(2f).lt(FloatVector.fromArray(FLOATS, rowLimits,
				firstPoint).add(pickLimit));
		final VectorMask<Float> provenHi = FloatVector.fromArray(FLOATS, dots, (2 *
			j + 1) * LANES).mul(2f).lt(FloatVector.fromArray(FLOATS, rowLimits,
				firstPoint + LANES).add(pickLimit));
		// toLong is not compiled to one instruction on every JDK; allTrue is
		if (provenLo.allTrue() && provenHi.allTrue()) return 0;
		return provenLo.not().toLong() | provenHi.not().toLong() << LANES;
	}
}
