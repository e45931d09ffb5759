package io.github.tailedcore.linalg;

import java.util.Arrays;

/**
 * The q-quantile of a sample with linear interpolation, the default method of
 * {@code numpy.quantile} and {@code torch.quantile} (numpy's
 * {@code method="linear"}, type 7 of Hyndman and Fan).
 * <p>
 * For sorted values x<sub>0</sub> ≤ … ≤ x<sub>n−1</sub> the position is
 * h = (n − 1)·q, and the quantile interpolates between x<sub>⌊h⌋</sub> and
 * x<sub>⌊h⌋+1</sub> with weight t = h − ⌊h⌋. Like numpy and torch it
 * computes a + t·(b − a) for t &lt; 0.5 and b − (1 − t)·(b − a) otherwise,
 * so that q = 1 gives the maximum exactly. The noise filter's threshold
 * τ = Q<sub>0.85</sub>(LOF scores) and the score thresholds elsewhere are
 * computed with it.
 * </p>
 */
public final class Quantile {

	private Quantile() {}

	/**
	 * The q-quantile of {@code values}, which are not changed.
	 *
	 * @throws IllegalArgumentException if {@code values} is empty or holds NaN,
	 *           or q is outside [0, 1]
	 */
	public static double of(final double[] values, final double q) {
		final double[] sorted = values.clone();
		Arrays.sort(sorted);
		return ofSorted(sorted, q);
	}

	/** The q-quantile of {@code float} values, computed in double precision. */
	public static double of(final float[] values, final double q) {
		final double[] sorted = new double[values.length];
		for (int i = 0; i < values.length; i++)
			sorted[i] = values[i];
		Arrays.sort(sorted);
		return ofSorted(sorted, q);
	}

	/**
	 * The q-quantile of values already sorted in ascending order.
	 *
	 * @throws IllegalArgumentException if {@code sorted} is empty or holds NaN
	 *           (which {@link Arrays#sort(double[])} puts last), or q is
	 *           outside [0, 1]
	 */
	public static double ofSorted(final double[] sorted, final double q) {
		if (!(q >= 0 && q <= 1)) throw new IllegalArgumentException(
			"A quantile level must be in [0, 1], got " + q + ".");
		final int n = sorted.length;
		if (n == 0) throw new IllegalArgumentException(
			"Cannot take a quantile of no values.");
		if (Double.isNaN(sorted[n - 1])) throw new IllegalArgumentException(
			"Cannot take a quantile of values that contain NaN; check the input " +
				"features for NaN.");
		final double h = (n - 1) * q;
		final int lower = (int) Math.floor(h);
		if (lower >= n - 1) return sorted[n - 1];
		final double t = h - lower;
		final double a = sorted[lower];
		final double b = sorted[lower + 1];
		final double diff = b - a;
		return t < 0.5 ? a + t * diff : b - (1 - t) * diff;
	}
}
