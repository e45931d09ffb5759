package io.github.tailedcore.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Tests {@link FeatureMatrix}: its layout, copies and argument checks. */
public class FeatureMatrixTest {

	/** 3 × 2: rows (1, 2), (3, 4), (5, 6). */
	private static FeatureMatrix threeByTwo() {
		return new FeatureMatrix(3, 2, new float[] { 1, 2, 3, 4, 5, 6 });
	}

	@Test
	public void testRowMajorLayoutOverTheSharedArray() {
		final float[] data = { 1, 2, 3, 4, 5, 6 };
		final FeatureMatrix m = new FeatureMatrix(3, 2, data);
		assertEquals(3, m.rows());
		assertEquals(2, m.cols());
		assertSame(data, m.data());
		assertEquals(4, m.offset(2));
		assertArrayEquals(new float[] { 3, 4 }, m.row(1));
		assertArrayEquals(new float[] { 5, 6 }, m.row(2));
		assertEquals(4, m.get(1, 1));
		assertEquals(5, m.get(2, 0));
		// a row is a copy
		m.row(0)[0] = 99;
		assertEquals(1, data[0]);
	}

	@Test
	public void testEmptySizesAreValidNegativeOnesAreNot() {
		assertEquals(0, new FeatureMatrix(0, 4, new float[0]).rows());
		assertEquals(0, new FeatureMatrix(4, 0, new float[0]).cols());
		assertThrows(IllegalArgumentException.class, () -> new FeatureMatrix(-1,
			0, new float[0]));
		assertThrows(IllegalArgumentException.class, () -> new FeatureMatrix(0,
			-1, new float[0]));
		assertThrows(IllegalArgumentException.class, () -> new FeatureMatrix(2, 2,
			new float[3]));
		final IllegalArgumentException e = assertThrows(
			IllegalArgumentException.class, () -> new FeatureMatrix(2, 3,
				new float[5]));
		assertEquals("A 2 × 3 feature matrix needs 6 values, got 5.", e
			.getMessage());
	}

	@Test
	public void testZeros() {
		final FeatureMatrix z = FeatureMatrix.zeros(2, 3);
		assertEquals(2, z.rows());
		assertEquals(3, z.cols());
		assertArrayEquals(new float[6], z.data());
		// the largest array Java allocates is Integer.MAX_VALUE - 8 values
		final IllegalArgumentException e = assertThrows(
			IllegalArgumentException.class, () -> FeatureMatrix.zeros(65536,
				32768));
		assertEquals("A 65536 × 32768 matrix is larger than one Java array can " +
			"hold (2^31 values).", e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> FeatureMatrix.zeros(1,
			Integer.MAX_VALUE - 7));
	}

	@Test
	public void testSelectRowsInTheGivenOrderWithRepeats() {
		final FeatureMatrix picked = threeByTwo().selectRows(new int[] { 2, 0,
			2 });
		assertEquals(3, picked.rows());
		assertEquals(2, picked.cols());
		assertArrayEquals(new float[] { 5, 6, 1, 2, 5, 6 }, picked.data());
		assertEquals(0, threeByTwo().selectRows(new int[0]).rows());
	}

	@Test
	public void testConcatRows() {
		final FeatureMatrix second = new FeatureMatrix(1, 2, new float[] { 7,
			8 });
		final FeatureMatrix both = FeatureMatrix.concatRows(threeByTwo(), second);
		assertEquals(4, both.rows());
		assertEquals(2, both.cols());
		assertArrayEquals(new float[] { 1, 2, 3, 4, 5, 6, 7, 8 }, both.data());
		assertThrows(IllegalArgumentException.class, () -> FeatureMatrix
			.concatRows(threeByTwo(), new FeatureMatrix(1, 3, new float[3])));
	}

	/** Squares beyond float range are summed in double. */
	@Test
	public void testSquaredNormsInDouble() {
		final FeatureMatrix m = new FeatureMatrix(3, 2, new float[] { 3, 4, 1e20f,
			0, -1, 0.5f });
		final double[] norms = m.squaredNorms();
		assertEquals(3, norms.length);
		assertEquals(25, norms[0]);
		assertEquals((double) 1e20f * 1e20f, norms[1]);
		assertEquals(1.25, norms[2]);
		assertEquals(0, new FeatureMatrix(0, 2, new float[0]).squaredNorms().length);
	}
}
