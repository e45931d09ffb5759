package io.github.tailedcore.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class QuantizedMatrixTest {

	@Test
	void codesAndLayoutByHand() {
		final QuantizedMatrix q = QuantizedMatrix.of(new FeatureMatrix(3, 2,
			new float[] { 0, 3, 2, -3, 1, 0 }), 2);
		// μ = (1, 0): z = (−1, 3), (1, −3), (0, 0); scales 3/63 and, for the
		// zero row, 1. Blocks of 2 rows, column-major: block 0 holds rows 0
		// and 1, block 1 holds row 2 and a zero row.
		final byte[] c = q.codes();
		assertEquals(8, c.length);
		assertEquals(-21, c[0]); // row 0, column 0
		assertEquals(21, c[1]); // row 1, column 0
		assertEquals(63, c[2]); // row 0, column 1
		assertEquals(-63, c[3]); // row 1, column 1
		assertEquals(0, c[4] | c[5] | c[6] | c[7]);
		assertEquals(0, q.codeOffset(0));
		assertEquals(1, q.codeOffset(1));
		assertEquals(4, q.codeOffset(2));
		assertEquals(10, q.squaredNorm(0), 1e-12);
		assertEquals(0, q.squaredNorm(2));
		// the codes are exact, so the test decides up to the slack: row 0 is
		// 2² + 6² = 40 from row 1
		assertEquals(0b10, undecided(q, 1, 39.999)); // row 1 is 0 from itself
		assertEquals(0b11, undecided(q, 1, 40.001));
		assertEquals(Float.NEGATIVE_INFINITY, q.rowLimit(0,
			Double.POSITIVE_INFINITY));
		assertEquals(Float.POSITIVE_INFINITY, q.rowLimits()[3]);
		assertThrows(IllegalArgumentException.class, () -> QuantizedMatrix.of(
			new FeatureMatrix(1, 1, new float[1]), 0));
	}

	/**
	 * The test never decides a distance it should not, on offset,
	 * wide-ranging data with duplicate rows, where it decides most pairs at
	 * 0.9 of their distance, and with an outlier that moves the mean far
	 * from every row.
	 */
	@Test
	void theTestIsAProof() {
		assertTrue(checkProofs(false) > 0.8, "decided at 0.9");
		checkProofs(true);
	}

	/**
	 * Asserts that no distance is proven to exceed a limit it does not
	 * exceed, for limits just below and above each distance; returns the
	 * fraction of pairs proven to exceed 0.9 of their distance.
	 */
	private static double checkProofs(final boolean outlier) {
		final Random random = new Random(8);
		final int rows = 300;
		final int dims = 37;
		final float[] data = new float[rows * dims];
		for (int i = 0; i < data.length; i++)
			data[i] = (float) (1000 + random.nextGaussian() * Math.pow(10, random
				.nextInt(3) - 1));
		if (outlier) data[5 * dims] = 1e5f;
		System.arraycopy(data, 9 * dims, data, 10 * dims, dims);
		final QuantizedMatrix q = QuantizedMatrix.of(new FeatureMatrix(rows, dims,
			data), 16);
		final double[][] exact = new double[rows][rows];
		for (int a = 0; a < rows; a++)
			for (int b = 0; b < rows; b++)
				exact[a][b] = SquaredDistance.between(data, a * dims, data, b * dims,
					dims);
		int close = 0;
		for (final double factor : new double[] { 0.9, 1 - 1e-7, 1 + 1e-7 })
			for (int b = 0; b < rows; b++) {
				final float[] limits = q.rowLimits();
				for (int a = 0; a < rows; a++)
					limits[a] = q.rowLimit(a, factor * exact[a][b]);
				for (int first = 0; first < rows; first += 16) {
					final long undecided = CodeBoundKernel.SCALAR.undecided(q.boundsTo(b),
						first, limits);
					for (int a = first; a < Math.min(rows, first + 16); a++) {
						final boolean proven = (undecided >>> a - first & 1) == 0;
						assertTrue(!proven || factor < 1, a + ", " + b + " at " + factor);
						if (proven && factor == 0.9) close++;
					}
				}
			}
		return (double) close / rows / rows;
	}

	/** The undecided rows of block 0 for limit D to row b. */
	private static long undecided(final QuantizedMatrix q, final int b,
		final double limit)
	{
		final float[] limits = q.rowLimits();
		for (int a = 0; a < q.rows(); a++)
			limits[a] = q.rowLimit(a, limit);
		return CodeBoundKernel.SCALAR.undecided(q.boundsTo(b), 0, limits);
	}
}
