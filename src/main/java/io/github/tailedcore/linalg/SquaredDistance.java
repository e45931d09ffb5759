package io.github.tailedcore.linalg;

/**
 * The one squared Euclidean distance ‖a − b‖² that the greedy coreset and
 * the LOF noise filter are defined with.
 * <p>
 * Exact k-center selection is a chain of argmax decisions, so a faster
 * coreset sampler can only return the same picks as the brute-force
 * reference if it computes every distance it compares bit for bit the same
 * way. This class fixes that way, and both must call it:
 * </p>
 * <ol>
 * <li>each difference d<sub>i</sub> = a<sub>i</sub> − b<sub>i</sub> is
 * computed in {@code float} and then widened to {@code double};</li>
 * <li>d<sub>i</sub>² is computed in {@code double} (exact, since a float has
 * 24 significant bits);</li>
 * <li>the squares are added, in ascending i, into four partial sums:
 * s<sub>m</sub> takes the i ≡ m (mod 4) of the first 4⌊n/4⌋ elements, and
 * the remaining n mod 4 squares are added to s<sub>0</sub>;</li>
 * <li>the result is (s<sub>0</sub> + s<sub>1</sub>) + (s<sub>2</sub> +
 * s<sub>3</sub>).</li>
 * </ol>
 * <p>
 * The four independent sums let the CPU overlap the additions (about three
 * times faster than one running sum) while the order stays fixed by the
 * definition above, not by the JIT or the thread count.
 * </p>
 */
public final class SquaredDistance {

	private SquaredDistance() {}

	/**
	 * ‖a − b‖² over {@code length} values starting at {@code aOffset} in
	 * {@code a} and {@code bOffset} in {@code b}, in the fixed order described
	 * in the class documentation.
	 */
	public static double between(final float[] a, final int aOffset,
		final float[] b, final int bOffset, final int length)
	{
		double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
		final int blocked = length & ~3;
		int i = 0;
		for (; i < blocked; i += 4) {
			final double d0 = a[aOffset + i] - b[bOffset + i];
			final double d1 = a[aOffset + i + 1] - b[bOffset + i + 1];
			final double d2 = a[aOffset + i + 2] - b[bOffset + i + 2];
			final double d3 = a[aOffset + i + 3] - b[bOffset + i + 3];
			s0 += d0 * d0;
			s1 += d1 * d1;
			s2 += d2 * d2;
			s3 += d3 * d3;
		}
		for (; i < length; i++) {
			final double d = a[aOffset + i] - b[bOffset + i];
			s0 += d * d;
		}
		return (s0 + s1) + (s2 + s3);
	}

	/** ‖row<sub>i</sub> − row<sub>j</sub>‖² of one matrix. */
	public static double betweenRows(final FeatureMatrix points, final int i,
		final int j)
	{
		return between(points.data(), points.offset(i), points.data(), points
			.offset(j), points.cols());
	}
}
