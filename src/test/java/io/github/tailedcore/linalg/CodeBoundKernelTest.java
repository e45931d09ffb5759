package io.github.tailedcore.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;

import org.junit.jupiter.api.Test;

class CodeBoundKernelTest {

	/** The build and the tests run with the module, so the fast path is tested. */
	@Test
	void theVectorKernelIsChosenWhenTheModuleIsLoaded() {
		assertEquals(VectorApi.usable(), CodeBoundKernel
			.fastest() instanceof VectorCodeBound);
		System.setProperty(VectorApi.PORTABLE_PROPERTY, "true");
		try {
			assertSame(CodeBoundKernel.SCALAR, CodeBoundKernel.fastest());
		}
		finally {
			System.clearProperty(VectorApi.PORTABLE_PROPERTY);
		}
	}

	/**
	 * The Vector API kernel decides the same rows as the scalar loop, for
	 * column counts up to 130 (not only multiples of 8), at the extreme codes
	 * ±63 where the 16-bit sums come closest to overflowing, and for limits
	 * that leave some rows undecided, in every block including the padded
	 * last one.
	 */
	@Test
	void theVectorKernelEqualsTheScalarLoop() {
		final CodeBoundKernel vector = VectorCodeBound.INSTANCE;
		final int width = vector.width();
		final Random random = new Random(3);
		for (int cols = 1; cols <= 130; cols++)
			for (final boolean extreme : new boolean[] { true, false }) {
				final int rows = 2 * width + 3;
				final float[] data = new float[rows * cols];
				for (int i = 0; i < data.length; i++)
					data[i] = extreme ? (i % 3 == 0 ? -1 : 1) * (i / cols % 2 * 2 - 1)
						: (float) random.nextGaussian();
				final QuantizedMatrix q = QuantizedMatrix.of(new FeatureMatrix(rows,
					cols, data), width);
				final int b = random.nextInt(rows);
				final float[] limits = q.rowLimits();
				for (int a = 0; a < rows; a++)
					limits[a] = q.rowLimit(a, random.nextDouble() * 4 * cols);
				int undecided = 0;
				for (int first = 0; first < rows; first += width) {
					final long expected = CodeBoundKernel.SCALAR.undecided(q.boundsTo(b),
						first, limits);
					assertEquals(expected, vector.undecided(q.boundsTo(b), first,
						limits), cols + " columns, block " + first);
					undecided += Long.bitCount(expected);
				}
				if (cols > 4 && !extreme) assertTrue(undecided > 0 &&
					undecided < rows, cols + " columns: " + undecided + " undecided");
			}
		final QuantizedMatrix other = QuantizedMatrix.of(new FeatureMatrix(1, 1,
			new float[1]), width + 1);
		assertThrows(IllegalArgumentException.class, () -> vector.undecided(other
			.boundsTo(0), 0, other.rowLimits()));
	}

	private static void assertTrue(final boolean condition, final String message) {
		org.junit.jupiter.api.Assertions.assertTrue(condition, message);
	}
}
