package io.github.tailedcore.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class QuantizedMatrixTest {

	/** Codes of a hand-made matrix: μ = (1, 0), s = 2 / 127. */
	@Test
	void codesScaleAndErrorsByHand() {
		final QuantizedMatrix q = QuantizedMatrix.of(new FeatureMatrix(2, 2,
			new float[] { 0, 2, 2, -2 }));
		assertEquals(2.0 / 127, q.scale(), 1e-15);
		assertEquals(-63, q.codes()[0]); // −1 / s = −63.5, rounded half up
		assertEquals(127, q.codes()[1]);
		assertEquals(64, q.codes()[2]); // 63.5, rounded half up
		assertEquals(-127, q.codes()[3]);
		// row 0: −1 − (−63 s) = −1/127 in the first column, 0 in the second
		assertEquals(1.0 / 127, q.error(0), 1e-9);
		assertEquals(1.0 / 127, q.error(1), 1e-9);
	}

	/**
	 * The bound never exceeds the distance it bounds, on offset,
	 * wide-ranging data with an outlier, and is close for most pairs.
	 */
	@Test
	void theLowerBoundHolds() {
		final Random random = new Random(8);
		final int rows = 300;
		final int dims = 37;
		final float[] data = new float[rows * dims];
		for (int i = 0; i < data.length; i++)
			data[i] = (float) (1000 + random.nextGaussian() * Math.pow(10, random
				.nextInt(3) - 1));
		data[5 * dims] = 1e5f;
		final FeatureMatrix points = new FeatureMatrix(rows, dims, data);
		final QuantizedMatrix q = QuantizedMatrix.of(points);
		for (int a = 0; a < rows; a++)
			for (int b = 0; b < rows; b++) {
				final double exact = Math.sqrt(SquaredDistance.between(data, a * dims,
					data, b * dims, dims));
				final double bound = q.lowerBound(a, b, ByteSquaredDistanceKernel.SCALAR
					.between(q.codes(), q.offset(a), q.codes(), q.offset(b), dims));
				assertTrue(bound <= exact, a + ", " + b + ": " + bound + " > " + exact);
			}
	}

	@Test
	void identicalRowsGiveZeroCodesAndNoError() {
		final QuantizedMatrix q = QuantizedMatrix.of(new FeatureMatrix(3, 4,
			new float[] { 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2 }));
		assertEquals(1, q.scale());
		for (final byte c : q.codes())
			assertEquals(0, c);
		assertTrue(q.error(1) < 1e-8);
		assertTrue(q.lowerBound(0, 2, 0) <= 0);
	}
}
