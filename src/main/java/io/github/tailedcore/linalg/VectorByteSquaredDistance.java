package io.github.tailedcore.linalg;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ByteSquaredDistanceKernel} on the Vector API: as many bytes of each
 * row as the preferred int vector has lanes (16 with AVX-512, 8 with AVX2)
 * are widened to ints, subtracted, squared and summed per lane; the exact
 * integer result equals the scalar loop's. Shapes the CPU lacks would run
 * as slow Java fallbacks, so both follow the preferred vector size. Load
 * only through
 * {@link ByteSquaredDistanceKernel#fastest()}.
 */
final class VectorByteSquaredDistance implements ByteSquaredDistanceKernel {

	/** The instance {@link ByteSquaredDistanceKernel#fastest()} returns. */
	public static final VectorByteSquaredDistance INSTANCE =
		new VectorByteSquaredDistance();

	private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_PREFERRED;
	/** As many bytes as {@link #INTS} has lanes, so that they widen in one step. */
	private static final VectorSpecies<Byte> BYTES = VectorSpecies.of(byte.class,
		VectorShape.forBitSize(INTS.length() * Byte.SIZE));

	private VectorByteSquaredDistance() {}

	@Override
	public int between(final byte[] a, final int aOffset, final byte[] b,
		final int bOffset, final int length)
	{
		IntVector sums = IntVector.zero(INTS);
		final int lanes = INTS.length();
		final int blocked = length - length % lanes;
		int i = 0;
		for (; i < blocked; i += lanes) {
			final IntVector d = (IntVector) ByteVector.fromArray(BYTES, a, aOffset +
				i).convertShape(VectorOperators.B2I, INTS, 0).sub(ByteVector
					.fromArray(BYTES, b, bOffset + i).convertShape(VectorOperators.B2I,
						INTS, 0));
			sums = sums.add(d.mul(d));
		}
		int sum = sums.reduceLanes(VectorOperators.ADD);
		for (; i < length; i++) {
			final int d = a[aOffset + i] - b[bOffset + i];
			sum += d * d;
		}
		return sum;
	}
}
