package io.github.tailedcore.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Random;

import org.junit.jupiter.api.Test;

class SquaredDistanceKernelTest {

	/** The build and the tests run with the module, so the fast path is tested. */
	@Test
	void theVectorKernelIsChosenWhenTheModuleIsLoaded() {
		assertEquals(VectorApi.usable(), SquaredDistanceKernel
			.fastest() instanceof VectorSquaredDistance);
		System.setProperty(VectorApi.PORTABLE_PROPERTY, "true");
		try {
			assertSame(SquaredDistanceKernel.SCALAR, SquaredDistanceKernel.fastest());
		}
		finally {
			System.clearProperty(VectorApi.PORTABLE_PROPERTY);
		}
	}

	@Test
	void theVectorKernelEqualsTheDefinitionBitForBit() {
		final Random random = new Random(5);
		final float[] a = new float[300];
		final float[] b = new float[300];
		for (int i = 0; i < a.length; i++) {
			a[i] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(6) -
				3));
			b[i] = (float) random.nextGaussian();
		}
		for (int length = 0; length <= 41; length++)
			for (final int offset : new int[] { 0, 1, 3, 7 }) {
				final double expected = SquaredDistance.between(a, offset, b, 2 *
					offset, length);
				final double actual = VectorSquaredDistance.INSTANCE.between(a, offset,
					b, 2 * offset, length);
				assertEquals(Double.doubleToLongBits(expected), Double
					.doubleToLongBits(actual), "length " + length + " offset " + offset);
			}
	}
}
