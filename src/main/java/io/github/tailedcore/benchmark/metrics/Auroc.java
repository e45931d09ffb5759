package io.github.tailedcore.benchmark.metrics;

import java.util.Arrays;

/**
 * Area under the ROC curve of scores against binary labels, computed as
 * the Mann–Whitney statistic: the share of (defective, defect-free) pairs
 * whose defective member scores higher, ties counting one half. This equals
 * {@code sklearn.metrics.roc_auc_score(labels, scores)}, which the official
 * code uses for image AUROC (spec §9).
 * <p>
 * Sorting both groups costs O(n log n); it also serves as the simple
 * reference for the pixel-level {@link PixelEvaluation}.
 * </p>
 */
public final class Auroc {

	private Auroc() {}

	/**
	 * The AUROC of {@code scores}, {@code anomalous[i]} telling whether item
	 * i is defective (the positive class).
	 *
	 * @throws IllegalArgumentException if the lengths differ, a score is NaN,
	 *           or one of the two classes is missing (AUROC is undefined)
	 */
	public static double of(final double[] scores, final boolean[] anomalous) {
		if (scores.length != anomalous.length) throw new IllegalArgumentException(
			"Need one label per score: " + scores.length + " scores, " +
				anomalous.length + " labels.");
		int positives = 0;
		for (final boolean a : anomalous)
			if (a) positives++;
		final double[] pos = new double[positives];
		final double[] neg = new double[scores.length - positives];
		int p = 0;
		int n = 0;
		for (int i = 0; i < scores.length; i++) {
			if (Double.isNaN(scores[i])) throw new IllegalArgumentException(
				"Score " + i + " is NaN; AUROC needs real scores.");
			if (anomalous[i]) pos[p++] = scores[i];
			else neg[n++] = scores[i];
		}
		return ofGroups(pos, neg);
	}

	/**
	 * The AUROC of defective scores {@code positives} against defect-free
	 * scores {@code negatives} (the arrays are not changed).
	 *
	 * @throws IllegalArgumentException if either group is empty
	 */
	public static double ofGroups(final double[] positives,
		final double[] negatives)
	{
		if (positives.length == 0 || negatives.length == 0)
			throw new IllegalArgumentException("AUROC needs defective and " +
				"defect-free items; got " + positives.length + " defective and " +
				negatives.length + " defect-free.");
		final double[] pos = positives.clone();
		final double[] neg = negatives.clone();
		Arrays.sort(pos);
		Arrays.sort(neg);
		// twice the count of won pairs, ties counting 1: stays exact in a long
		long twiceWins = 0;
		int below = 0;
		int notAbove = 0;
		for (final double s : pos) {
			while (below < neg.length && neg[below] < s)
				below++;
			if (notAbove < below) notAbove = below;
			while (notAbove < neg.length && neg[notAbove] <= s)
				notAbove++;
			twiceWins += below + notAbove;
		}
		return twiceWins / (2.0 * pos.length * neg.length);
	}
}
