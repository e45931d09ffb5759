package io.github.tailedcore.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** Tests {@link SquaredDistance} against its documented definition. */
public class SquaredDistanceTest {

	@Test
	public void testSmallIntegerVectors() {
		final float[] a = { 1, 2, 3, 4, 5 };
		final float[] b = { 0, 0, 0, 0, 0, 1, 2, 3, 4, 7 };
		// (1−1)² + … + (4−4)² + (5−7)² = 4
		assertEquals(4, SquaredDistance.between(a, 0, b, 5, 5));
		// 1 + 4 + 9 + 16 + 25 = 55
		assertEquals(55, SquaredDistance.between(a, 0, b, 0, 5));
		assertEquals(0, SquaredDistance.between(a, 0, b, 0, 0));
	}

	@Test
	public void testRowsOfAMatrix() {
		final FeatureMatrix m = new FeatureMatrix(2, 2, new float[] { 0, 0, 3,
			4 });
		assertEquals(25, SquaredDistance.betweenRows(m, 0, 1));
		assertEquals(25, SquaredDistance.betweenRows(m, 1, 0));
	}

	/**
	 * Bit for bit the documented order (float differences, four partial sums
	 * over i mod 4, the remainder into s0, then (s0 + s1) + (s2 + s3)),
	 * written here with an array of sums; and close to a plain sum.
	 */
	@Test
	public void testDocumentedAccumulationOrder() {
		final Random random = new Random(7);
		for (int length = 0; length <= 131; length++) {
			final float[] a = new float[length + 3];
			final float[] b = new float[length];
			for (int i = 0; i < a.length; i++)
				a[i] = (float) random.nextGaussian();
			for (int i = 0; i < b.length; i++)
				b[i] = (float) random.nextGaussian() * 100;
			final double[] s = new double[4];
			double plain = 0;
			for (int i = 0; i < length; i++) {
				final float difference = a[3 + i] - b[i];
				final double square = (double) difference * difference;
				s[i < (length / 4) * 4 ? i % 4 : 0] += square;
				plain += (double) (a[3 + i] - b[i]) * (a[3 + i] - b[i]);
			}
			final double expected = (s[0] + s[1]) + (s[2] + s[3]);
			final double actual = SquaredDistance.between(a, 3, b, 0, length);
			assertEquals(Double.doubleToLongBits(expected), Double
				.doubleToLongBits(actual), "length " + length);
			assertEquals(plain, actual, 1e-12 * plain);
		}
	}
}
