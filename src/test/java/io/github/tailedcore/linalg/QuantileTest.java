package io.github.tailedcore.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Tests {@link Quantile} against numpy's documented examples and by hand. */
public class QuantileTest {

	/**
	 * The example of {@code numpy.quantile}'s documentation:
	 * {@code a = [[10, 7, 4], [3, 2, 1]]}; {@code np.quantile(a, 0.5)} is 3.5,
	 * along axis 0 it is [6.5, 4.5, 2.5], along axis 1 [7., 2.].
	 */
	@Test
	public void testNumpyDocumentationExample() {
		assertEquals(3.5, Quantile.of(new double[] { 10, 7, 4, 3, 2, 1 }, 0.5));
		assertEquals(6.5, Quantile.of(new double[] { 10, 3 }, 0.5));
		assertEquals(4.5, Quantile.of(new double[] { 7, 2 }, 0.5));
		assertEquals(2.5, Quantile.of(new double[] { 4, 1 }, 0.5));
		assertEquals(7, Quantile.of(new double[] { 10, 7, 4 }, 0.5));
		assertEquals(2, Quantile.of(new double[] { 3, 2, 1 }, 0.5));
	}

	/** h = (n − 1)·q and linear interpolation, worked out by hand. */
	@Test
	public void testLinearInterpolation() {
		// h = 3 · 0.85 = 2.55: 3 + 0.55 · (4 − 3) = 3.55
		assertEquals(3.55, Quantile.of(new double[] { 4, 1, 3, 2 }, 0.85), 1e-12);
		// h = 1 · 0.25: 0 + 0.25 · 10 = 2.5; h = 0.75: 10 − 0.25 · 10 = 7.5
		assertEquals(2.5, Quantile.of(new double[] { 0, 10 }, 0.25));
		assertEquals(7.5, Quantile.of(new double[] { 10, 0 }, 0.75));
		// h = 4 · 0.1 = 0.4 between 1 and 2 of {1, 2, 2, 5, 9}: 1.4
		assertEquals(1.4, Quantile.of(new double[] { 9, 2, 1, 5, 2 }, 0.1),
			1e-12);
	}

	/**
	 * numpy interpolates from the lower value below t = 0.5 and from the
	 * upper one from t = 0.5 on ({@code numpy.lib._function_base_impl._lerp}),
	 * which decides the last bit: numpy 2.4 gives exactly these values.
	 */
	@Test
	public void testInterpolationSideMatchesNumpyBitForBit() {
		// t = 0.5: from the upper value (from the lower: 0.6666666666666667)
		assertEquals(0.6666666666666666, Quantile.of(new double[] { 1.0 / 3, 1 },
			0.5));
		// t = 0.3: from the lower value (from the upper: 0.27999999999999997)
		assertEquals(0.28, Quantile.of(new double[] { 0.7, 0.1 }, 0.3));
		// t = 0.6: from the upper value (from the lower: 0.64)
		assertEquals(0.6399999999999999, Quantile.of(new double[] { 1, 0.1 },
			0.6));
	}

	@Test
	public void testEndsAreMinimumAndMaximumExactly() {
		final double[] values = { 0.3, 0.1, 0.7 };
		assertEquals(0.1, Quantile.of(values, 0));
		assertEquals(0.7, Quantile.of(values, 1));
		assertEquals(42, Quantile.of(new double[] { 42 }, 0.85));
	}

	@Test
	public void testFloatValuesAndInputUnchanged() {
		final float[] values = { 4, 1, 3, 2 };
		assertEquals(3.55, Quantile.of(values, 0.85), 1e-12);
		assertArrayEquals(new float[] { 4, 1, 3, 2 }, values);
		final double[] doubles = { 4, 1, 3, 2 };
		Quantile.of(doubles, 0.5);
		assertArrayEquals(new double[] { 4, 1, 3, 2 }, doubles);
	}

	@Test
	public void testInvalidInputIsRejected() {
		assertThrows(IllegalArgumentException.class, () -> Quantile.of(
			new double[0], 0.5));
		assertThrows(IllegalArgumentException.class, () -> Quantile.of(
			new double[] { 1 }, 1.5));
		assertThrows(IllegalArgumentException.class, () -> Quantile.of(
			new double[] { 1 }, Double.NaN));
		assertThrows(IllegalArgumentException.class, () -> Quantile.of(
			new double[] { 1, Double.NaN }, 0.5));
	}
}
