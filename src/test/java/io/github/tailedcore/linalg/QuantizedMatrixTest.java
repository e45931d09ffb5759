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
		assertEquals(-21 * 21 - 63 * 63, dot(q, 0, 1));
		// exact codes: the bound is the distance 2² + 6² up to the slack
		final double bound = q.boundsTo(1).lowerBound(0, dot(q, 0, 1));
		assertTrue(bound <= 40 && bound > 40 - 1e-6, "bound " + bound);
		assertThrows(IllegalArgumentException.class, () -> QuantizedMatrix.of(
			new FeatureMatrix(1, 1, new float[1]), 0));
	}

	/**
	 * The bound never exceeds the squared distance it bounds, on offset,
	 * wide-ranging data with duplicate rows, where it is close for most
	 * pairs, and with an outlier that moves the mean far from every row.
	 */
	@Test
	void theLowerBoundHolds() {
		assertTrue(checkBounds(false) > 0.8, "close bounds");
		checkBounds(true);
	}

	/** Asserts that the bounds hold; returns the fraction within 10 %. */
	private static double checkBounds(final boolean outlier) {
		final Random random = new Random(8);
		final int rows = 300;
		final int dims = 37;
		final float[] data = new float[rows * dims];
		for (int i = 0; i < data.length; i++)
			data[i] = (float) (1000 + random.nextGaussian() * Math.pow(10, random
				.nextInt(3) - 1));
		if (outlier) data[5 * dims] = 1e5f;
		System.arraycopy(data, 9 * dims, data, 10 * dims, dims);
		final FeatureMatrix points = new FeatureMatrix(rows, dims, data);
		final QuantizedMatrix q = QuantizedMatrix.of(points, 16);
		int close = 0;
		for (int b = 0; b < rows; b++) {
			final QuantizedMatrix.BoundsTo toB = q.boundsTo(b);
			for (int a = 0; a < rows; a++) {
				final double exact = SquaredDistance.between(data, a * dims, data, b *
					dims, dims);
				final double bound = toB.lowerBound(a, dot(q, a, b));
				assertTrue(bound <= exact, a + ", " + b + ": " + bound + " > " +
					exact);
				if (bound > 0.9 * exact) close++;
			}
		}
		return (double) close / rows / rows;
	}

	/** A row's bound to itself is at most 0, also for constant rows. */
	@Test
	void aRowIsNotFarFromItself() {
		final QuantizedMatrix q = QuantizedMatrix.of(new FeatureMatrix(3, 4,
			new float[] { 2, 2, 2, 2, 2, 2, 2, 2, 3, 1, 2, 7 }), 4);
		for (int r = 0; r < 3; r++)
			assertTrue(q.boundsTo(r).lowerBound(r, dot(q, r, r)) <= 0);
	}

	/** q<sub>a</sub> · q<sub>b</sub> by the scalar kernel. */
	static int dot(final QuantizedMatrix q, final int a, final int b) {
		final int[] out = new int[q.width()];
		final int block = a / q.width() * q.width();
		CodeDotProductKernel.SCALAR.dotProducts(q.codes(), q.codeOffset(block), q
			.cols(), q.width(), q.boundsTo(b).codes(), out);
		return out[a - block];
	}
}
