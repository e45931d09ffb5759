package io.github.tailedcore.importance;

import java.util.Arrays;

/**
 * The importance weight of each training image from its leave-one-image-out
 * score s<sub>i</sub> (our formulation of Zhang et al., IJCNN 2025; see the
 * package documentation):
 * <ol>
 * <li>r<sub>i</sub> = q(s<sub>i</sub>) / p(s<sub>i</sub>), with p the
 * Gaussian kernel density of the scores ({@link KernelDensity}, Silverman
 * bandwidth) and q the robust two-piece Gaussian target with its right side
 * broadened by β and reaching the highest score
 * ({@link TwoPieceGaussian#robust});</li>
 * <li>r is divided by its mean, clipped to [w<sub>min</sub>,
 * w<sub>max</sub>], and divided by its mean again, so that the weights
 * w<sub>i</sub> have mean 1 (the bounds hold before this last step).</li>
 * </ol>
 * <p>
 * Where scores are dense (the common normal images), p is large and w
 * small; where they are sparse in the right tail (rare normal variants that
 * the memory covers badly), w is large. The weighted histogram of the
 * scores then follows q rather than p. The clipping keeps a few isolated
 * scores from taking all the weight. If the scores have no spread (all
 * equal, or a MAD of 0) every weight is 1.
 * </p>
 */
public final class ImportanceWeights {

	/** w<sub>min</sub>: no image loses more than a factor 10. */
	public static final double DEFAULT_MIN_WEIGHT = 0.1;
	/** w<sub>max</sub>: no image gains more than a factor 10. */
	public static final double DEFAULT_MAX_WEIGHT = 10;
	/** β: the target's right spread is three robust standard deviations. */
	public static final double DEFAULT_RIGHT_BROADENING = 3;

	private final double minWeight;
	private final double maxWeight;
	private final double rightBroadening;

	/**
	 * @param minWeight w<sub>min</sub> &gt; 0
	 * @param maxWeight w<sub>max</sub> ≥ w<sub>min</sub>
	 * @param rightBroadening β ≥ 1 of the target q
	 */
	public ImportanceWeights(final double minWeight, final double maxWeight,
		final double rightBroadening)
	{
		if (!(minWeight > 0 && maxWeight >= minWeight &&
			maxWeight < Double.POSITIVE_INFINITY))
			throw new IllegalArgumentException(
				"Weight bounds need 0 < w_min ≤ w_max < ∞, got [" + minWeight + ", " +
					maxWeight + "].");
		if (!(rightBroadening >= 1 && rightBroadening < Double.POSITIVE_INFINITY))
			throw new IllegalArgumentException(
				"The right broadening β must be finite and at least 1, got " +
					rightBroadening + ".");
		this.minWeight = minWeight;
		this.maxWeight = maxWeight;
		this.rightBroadening = rightBroadening;
	}

	/** w<sub>min</sub> = 0.1, w<sub>max</sub> = 10, β = 3. */
	public static ImportanceWeights defaults() {
		return new ImportanceWeights(DEFAULT_MIN_WEIGHT, DEFAULT_MAX_WEIGHT,
			DEFAULT_RIGHT_BROADENING);
	}

	/**
	 * The target q of these scores (for plots and reports).
	 *
	 * @throws IllegalArgumentException if the scores' MAD is 0
	 */
	public TwoPieceGaussian target(final double[] scores) {
		return TwoPieceGaussian.robust(scores, rightBroadening);
	}

	/**
	 * w<sub>i</sub> for each score s<sub>i</sub>.
	 *
	 * @throws IllegalArgumentException if there are no scores or one is not
	 *           finite
	 */
	public double[] weights(final double[] scores) {
		if (scores.length == 0) throw new IllegalArgumentException(
			"Importance weights need at least one score.");
		for (final double s : scores)
			if (!Double.isFinite(s)) throw new IllegalArgumentException(
				"Importance weights need finite scores, got " + s + ".");
		final double[] w = new double[scores.length];
		Arrays.fill(w, 1);
		final double bandwidth = KernelDensity.silvermanBandwidth(scores);
		if (bandwidth == 0 || TwoPieceGaussian.medianAbsoluteDeviation(
			scores) == 0) return w;
		final KernelDensity p = new KernelDensity(scores, bandwidth);
		final TwoPieceGaussian q = target(scores);
		for (int i = 0; i < w.length; i++)
			w[i] = q.density(scores[i]) / p.density(scores[i]);
		divideByMean(w);
		for (int i = 0; i < w.length; i++)
			w[i] = Math.min(maxWeight, Math.max(minWeight, w[i]));
		divideByMean(w);
		return w;
	}

	private static void divideByMean(final double[] w) {
		double sum = 0;
		for (final double v : w)
			sum += v;
		final double mean = sum / w.length;
		for (int i = 0; i < w.length; i++)
			w[i] /= mean;
	}
}
