package io.github.tailedcore.importance;

import io.github.tailedcore.linalg.Quantile;

/**
 * q(s): the target density of importance weighting, a two-piece (split)
 * Gaussian with mode m, spread σ<sub>L</sub> below it and
 * σ<sub>R</sub> above it:
 * q(s) = √(2/π) / (σ<sub>L</sub> + σ<sub>R</sub>) ·
 * exp(−(s − m)² / (2σ²)), σ = σ<sub>L</sub> for s &lt; m, else
 * σ<sub>R</sub>.
 * <p>
 * {@link #robust(double[], double)} fits it to scores robustly: m = median,
 * σ<sub>L</sub> = 1.4826 · MAD (the normal-consistent median absolute
 * deviation, so the bulk of the normal scores below the median is described
 * as it is), and σ<sub>R</sub> = max(β · σ<sub>L</sub>,
 * (max s − m) / 2): at least β times wider than the bulk, and wide enough
 * that the highest score lies within 2σ<sub>R</sub> of the mode. The target
 * thus spreads the normal scores smoothly up to the highest one instead of
 * piling them up at the median with a thin tail, and q/p up-weights the
 * rare, high-scoring normal images. A symmetric Gaussian centred at the
 * median (q falls faster than p in a far tail) would down-weight exactly
 * those images.
 * </p>
 */
public final class TwoPieceGaussian {

	/** 1 / Φ<sup>−1</sup>(3/4): makes the MAD estimate σ of a normal sample. */
	public static final double MAD_TO_SIGMA = 1.4826;
	/** The highest score lies at most this many σ<sub>R</sub> above m. */
	public static final double MAX_SCORE_DEVIATIONS = 2;

	private final double mode;
	private final double leftSpread;
	private final double rightSpread;

	/**
	 * @param mode m
	 * @param leftSpread σ<sub>L</sub> &gt; 0
	 * @param rightSpread σ<sub>R</sub> &gt; 0
	 */
	public TwoPieceGaussian(final double mode, final double leftSpread,
		final double rightSpread)
	{
		if (!Double.isFinite(mode) || !(leftSpread > 0 && rightSpread > 0) ||
			!Double.isFinite(leftSpread) || !Double.isFinite(rightSpread))
			throw new IllegalArgumentException(
				"A two-piece Gaussian needs a finite mode and positive finite " +
					"spreads, got m = " + mode + ", σL = " + leftSpread + ", σR = " +
					rightSpread + ".");
		this.mode = mode;
		this.leftSpread = leftSpread;
		this.rightSpread = rightSpread;
	}

	/**
	 * The robust target of {@code scores}: m = median, σ<sub>L</sub> = 1.4826
	 * · MAD, σ<sub>R</sub> = max(β · σ<sub>L</sub>, (max s − m) / 2).
	 *
	 * @param rightBroadening β ≥ 1
	 * @throws IllegalArgumentException if the MAD is 0 (more than half of
	 *           the scores are equal)
	 */
	public static TwoPieceGaussian robust(final double[] scores,
		final double rightBroadening)
	{
		if (!(rightBroadening >= 1 && rightBroadening < Double.POSITIVE_INFINITY))
			throw new IllegalArgumentException(
				"The right broadening β must be finite and at least 1, got " +
					rightBroadening + ".");
		final double sigma = MAD_TO_SIGMA * medianAbsoluteDeviation(scores);
		final double median = Quantile.of(scores, 0.5);
		final double max = Quantile.of(scores, 1);
		return new TwoPieceGaussian(median, sigma, Math.max(rightBroadening *
			sigma, (max - median) / MAX_SCORE_DEVIATIONS));
	}

	/** MAD = median |s − median(s)|. */
	public static double medianAbsoluteDeviation(final double[] scores) {
		final double median = Quantile.of(scores, 0.5);
		final double[] deviations = new double[scores.length];
		for (int i = 0; i < scores.length; i++)
			deviations[i] = Math.abs(scores[i] - median);
		return Quantile.of(deviations, 0.5);
	}

	public double mode() {
		return mode;
	}

	public double leftSpread() {
		return leftSpread;
	}

	public double rightSpread() {
		return rightSpread;
	}

	/** q(s). */
	public double density(final double s) {
		final double sigma = s < mode ? leftSpread : rightSpread;
		final double z = (s - mode) / sigma;
		return Math.sqrt(2 / Math.PI) / (leftSpread + rightSpread) * Math.exp(-0.5 *
			z * z);
	}
}
