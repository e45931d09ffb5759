package io.github.tailedcore.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Random;

import org.junit.jupiter.api.Test;

class ByteSquaredDistanceKernelTest {

	/** The build and the tests run with the module, so the fast path is tested. */
	@Test
	void theVectorKernelIsChosenWhenTheModuleIsLoaded() {
		assertEquals(VectorApi.usable(), ByteSquaredDistanceKernel
			.fastest() instanceof VectorByteSquaredDistance);
		System.setProperty(VectorApi.PORTABLE_PROPERTY, "true");
		try {
			assertSame(ByteSquaredDistanceKernel.SCALAR, ByteSquaredDistanceKernel
				.fastest());
		}
		finally {
			System.clearProperty(VectorApi.PORTABLE_PROPERTY);
		}
	}

	@Test
	void theScalarLoopByHand() {
		final byte[] a = { 0, 127, -127, 3 };
		final byte[] b = { 5, -127, 127, 3, 9 };
		// 5² + 254² + 254² + 0
		assertEquals(25 + 2 * 64516, ByteSquaredDistanceKernel.SCALAR.between(a, 0,
			b, 0, 4));
		assertEquals(2 * 64516 + 254 * 254, ByteSquaredDistanceKernel.SCALAR
			.between(a, 1, b, 1, 2) + 254 * 254);
	}

	@Test
	void theVectorKernelEqualsTheScalarLoop() {
		final Random random = new Random(3);
		final byte[] a = new byte[400];
		final byte[] b = new byte[400];
		random.nextBytes(a);
		random.nextBytes(b);
		for (int i = 0; i < a.length; i++) {
			a[i] = (byte) Math.max(-127, a[i]);
			b[i] = (byte) Math.max(-127, b[i]);
		}
		for (int length = 0; length <= 130; length++)
			for (final int offset : new int[] { 0, 1, 5, 16 })
				assertEquals(ByteSquaredDistanceKernel.SCALAR.between(a, offset, b, 2 *
					offset, length), VectorByteSquaredDistance.INSTANCE.between(a,
						offset, b, 2 * offset, length), "length " + length + " offset " +
							offset);
	}
}
