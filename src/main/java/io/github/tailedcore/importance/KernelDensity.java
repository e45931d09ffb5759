package io.github.tailedcore.importance;

/**
 * p(s): the Gaussian kernel density estimate of a sample of scores,
 * p(s) = 1/(n·h) · Σ<sub>j</sub> φ((s − s<sub>j</sub>) / h), with φ the
 * standard normal density. It is the density of the training images'
 * leave-one-image-out scores that importance weighting divides by: where
 * scores are sparse, p is small and the weight q/p large.
 * <p>
 * {@link #silverman(double[])} chooses h by Silverman's normal-reference
 * rule (Silverman 1986, eq. 3.28), h = 1.06 · σ̂ · n<sup>−1/5</sup>, σ̂ the
 * sample standard deviation with n − 1. His robust variant
 * 0.9 · min(σ̂, IQR / 1.34) · n<sup>−1/5</sup> is not used on purpose: with a
 * long right tail the IQR is that of the bulk alone, p then resolves the
 * gaps between a few bulk scores, and q/p gives those gaps the weight that
 * the sparse tail should get.
 * </p>
 */
public final class KernelDensity {

	private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

	private final double[] sample;
	private final double bandwidth;

	/**
	 * @param sample the scores s<sub>j</sub> (copied)
	 * @param bandwidth h &gt; 0
	 */
	public KernelDensity(final double[] sample, final double bandwidth) {
		if (sample.length == 0) throw new IllegalArgumentException(
			"A kernel density needs at least one score.");
		if (!(bandwidth > 0 && bandwidth < Double.POSITIVE_INFINITY))
			throw new IllegalArgumentException(
				"A kernel bandwidth must be positive and finite, got " + bandwidth +
					".");
		this.sample = sample.clone();
		this.bandwidth = bandwidth;
	}

	/**
	 * The estimate with Silverman's normal-reference bandwidth.
	 *
	 * @throws IllegalArgumentException if fewer than two scores are given or
	 *           all are equal (there is no spread to estimate h from)
	 */
	public static KernelDensity silverman(final double[] sample) {
		return new KernelDensity(sample, silvermanBandwidth(sample));
	}

	/** h = 1.06 · σ̂ · n<sup>−1/5</sup>, or 0 if the scores have no spread. */
	public static double silvermanBandwidth(final double[] sample) {
		final int n = sample.length;
		if (n < 2) return 0;
		double mean = 0;
		for (final double s : sample)
			mean += s;
		mean /= n;
		double squares = 0;
		for (final double s : sample)
			squares += (s - mean) * (s - mean);
		return 1.06 * Math.sqrt(squares / (n - 1)) * Math.pow(n, -0.2);
	}

	public double bandwidth() {
		return bandwidth;
	}

	/** p(s). */
	public double density(final double s) {
		double sum = 0;
		for (final double sj : sample) {
			final double z = (s - sj) / bandwidth;
			sum += Math.exp(-0.5 * z * z);
		}
		return sum * INV_SQRT_2PI / (sample.length * bandwidth);
	}
}
