package io.github.tailedcore.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;

import org.junit.jupiter.api.Test;

class CodeDotProductKernelTest {

	/** The build and the tests run with the module, so the fast path is tested. */
	@Test
	void theVectorKernelIsChosenWhenTheModuleIsLoaded() {
		assertEquals(VectorApi.usable(), CodeDotProductKernel
			.fastest() instanceof VectorCodeDotProduct);
		System.setProperty(VectorApi.PORTABLE_PROPERTY, "true");
		try {
			assertSame(CodeDotProductKernel.SCALAR, CodeDotProductKernel.fastest());
		}
		finally {
			System.clearProperty(VectorApi.PORTABLE_PROPERTY);
		}
	}

	/** Two rows of three codes in a block of width 2, column-major. */
	@Test
	void theScalarLoopByHand() {
		final byte[] codes = { 9, 1, 1, 63, 2, 1, -63, -63 };
		final int[] out = new int[2];
		CodeDotProductKernel.SCALAR.dotProducts(codes, 2, 3, 2, new short[] { 1,
			-63, 4 }, out);
		// row 0: (1, 2, −63) · p = 1 − 126 − 252; row 1: (63, 1, −63) · p
		assertArrayEquals(new int[] { 1 - 126 - 252, 63 - 63 - 252 }, out);
	}

	/**
	 * The Vector API kernel equals the scalar loop for every column count up
	 * to 130 (not only multiples of 8), at the extreme codes ±63 where the
	 * 16-bit sums come closest to overflowing, and at random codes.
	 */
	@Test
	void theVectorKernelEqualsTheScalarLoop() {
		final CodeDotProductKernel vector = VectorCodeDotProduct.INSTANCE;
		final int width = vector.width();
		final Random random = new Random(3);
		for (int cols = 1; cols <= 130; cols++)
			for (final boolean extreme : new boolean[] { true, false }) {
				final byte[] codes = new byte[5 + 2 * width * cols];
				final short[] p = new short[cols];
				for (int i = 0; i < codes.length; i++)
					codes[i] = (byte) (extreme ? (i % 3 == 0 ? -63 : 63) : random
						.nextInt(127) - 63);
				for (int j = 0; j < cols; j++)
					p[j] = (short) (extreme ? (j % 2 == 0 ? 63 : -63) : random.nextInt(
						127) - 63);
				for (final int offset : new int[] { 0, 5, width * cols }) {
					final int[] expected = new int[width];
					final int[] actual = new int[width];
					CodeDotProductKernel.SCALAR.dotProducts(codes, offset, cols, width,
						p, expected);
					vector.dotProducts(codes, offset, cols, width, p, actual);
					assertArrayEquals(expected, actual, cols + " columns, offset " +
						offset);
				}
			}
		assertThrows(IllegalArgumentException.class, () -> vector.dotProducts(
			new byte[64], 0, 1, width + 1, new short[1], new int[width + 1]));
	}
}
