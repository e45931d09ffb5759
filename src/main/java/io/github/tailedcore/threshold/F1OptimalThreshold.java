package io.github.tailedcore.threshold;

import io.github.tailedcore.Threshold;

import java.util.Arrays;
import java.util.Locale;

/**
 * The image threshold that best separates labelled normal and anomalous
 * images: the τ maximising F1 = 2·TP / (2·TP + FP + FN), where an image is
 * called anomalous when its score s ≥ τ (as {@link Threshold#isAnomalous}
 * does).
 * <p>
 * Only the distinct scores need to be tried: between two neighbouring
 * scores the verdicts do not change. Images with equal scores get the same
 * verdict, whatever their labels. When several thresholds reach the best
 * F1, the highest one is taken, so that the fewest images are flagged. This
 * is the usual calibration when a few labelled images exist (e.g. the
 * {@code test} folder of an MVTec class); without labels a model keeps its
 * {@link LeaveOneOutThreshold}.
 * </p>
 */
public final class F1OptimalThreshold {

	private F1OptimalThreshold() {}

	/**
	 * The chosen threshold with its counts on the labelled images.
	 *
	 * @param value τ, one of the scores
	 * @param truePositives anomalous images with s ≥ τ
	 * @param falsePositives normal images with s ≥ τ
	 * @param falseNegatives anomalous images with s &lt; τ
	 * @param images how many labelled images were scored
	 */
	public record Choice(double value, int truePositives, int falsePositives,
		int falseNegatives, int images)
	{

		public double f1() {
			return 2.0 * truePositives / (2.0 * truePositives + falsePositives +
				falseNegatives);
		}

		public double precision() {
			return truePositives / (double) (truePositives + falsePositives);
		}

		public double recall() {
			return truePositives / (double) (truePositives + falseNegatives);
		}

		/** τ with a sentence saying how it was chosen and how well it did. */
		public Threshold threshold() {
			return new Threshold(value, String.format(Locale.ROOT,
				"F1-optimal on %d labelled images (%d anomalous): F1 %.3f, " +
					"precision %.3f, recall %.3f", images, truePositives +
						falseNegatives, f1(), precision(), recall()));
		}
	}

	/**
	 * Finds the F1-optimal threshold.
	 *
	 * @param scores image scores
	 * @param anomalous for each image, whether it is labelled anomalous
	 * @throws IllegalArgumentException if the arrays differ in length, a
	 *           score is not finite, or there is no anomalous or no normal
	 *           image
	 */
	public static Choice choose(final double[] scores,
		final boolean[] anomalous)
	{
		if (scores.length != anomalous.length) throw new IllegalArgumentException(
			"Need one label per score: " + anomalous.length + " labels for " +
				scores.length + " scores.");
		int positives = 0;
		for (int i = 0; i < scores.length; i++) {
			if (!Double.isFinite(scores[i])) throw new IllegalArgumentException(
				"Image " + (i + 1) + " has the score " + scores[i] +
					"; every score must be finite.");
			if (anomalous[i]) positives++;
		}
		if (positives == 0 || positives == scores.length)
			throw new IllegalArgumentException("A threshold needs both normal and " +
				"anomalous labelled images; got " + positives + " anomalous of " +
				scores.length + ".");
		final Integer[] order = new Integer[scores.length];
		Arrays.setAll(order, i -> i);
		Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
		// Lower τ one group of equal scores at a time, from the highest score.
		Choice best = null;
		int tp = 0;
		int fp = 0;
		for (int k = 0; k < order.length;) {
			final double tau = scores[order[k]];
			for (; k < order.length && scores[order[k]] == tau; k++)
				if (anomalous[order[k]]) tp++;
				else fp++;
			final Choice c = new Choice(tau, tp, fp, positives - tp, scores.length);
			if (best == null || c.f1() > best.f1()) best = c;
		}
		return best;
	}
}
