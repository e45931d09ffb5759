package io.github.tailedcore.benchmark.split;

/**
 * The class sizes of a Pareto tail (spec §8, official
 * {@code get_discrete_pareto_pmf} and {@code redistribute_num_class_samples}).
 * <p>
 * A Pareto law with shape b = {@value #SHAPE} (hard-coded in the official
 * code; the paper says 0.6) is cut into C bins: C + 1 points linearly spaced
 * from its 1 % to its 99 % quantile, the bin masses being differences of the
 * CDF F(x) = 1 − x<sup>−b</sup> (x ≥ 1). The masses, permuted over the
 * classes, are scaled so that the class that gets the largest mass keeps
 * all its images, and rounded half-to-even.
 * </p>
 */
public final class ParetoProfile {

	/** Shape b of the Pareto law. */
	public static final double SHAPE = 6.0;

	/** Probability cut at each end of the law (quantiles ε and 1 − ε). */
	public static final double EPSILON = 0.01;

	/** The fewest images a class keeps, unless it has fewer to begin with. */
	public static final int MIN_IMAGES = 5;

	private ParetoProfile() {}

	/**
	 * The bin masses of C classes, largest first (the law decreases).
	 *
	 * @param classes C ≥ 1
	 */
	public static double[] pmf(final int classes) {
		if (classes < 1) throw new IllegalArgumentException(
			"A Pareto profile needs at least one class, got " + classes + ".");
		final double lo = quantile(EPSILON);
		final double hi = quantile(1 - EPSILON);
		final double step = (hi - lo) / classes;
		final double[] pmf = new double[classes];
		double previous = cdf(lo);
		for (int i = 0; i < classes; i++) {
			// numpy.linspace: lo + i·step, the last point exactly hi
			final double x = i + 1 == classes ? hi : lo + (i + 1) * step;
			final double current = cdf(x);
			pmf[i] = current - previous;
			previous = current;
		}
		return pmf;
	}

	/**
	 * Training images each class keeps:
	 * {@code min(n_c, max(5, round_half_even(pmf_c · n_m / pmf_m)))} where m
	 * is the (first) class with the largest mass, n the classes' image counts.
	 *
	 * @param trainCounts images each class has, n_c
	 * @param pmf the masses as assigned to the classes (already permuted)
	 */
	public static int[] targets(final int[] trainCounts, final double[] pmf) {
		if (trainCounts.length != pmf.length) throw new IllegalArgumentException(
			"Need one mass per class: " + trainCounts.length + " classes, " +
				pmf.length + " masses.");
		int largest = 0;
		for (int c = 1; c < pmf.length; c++)
			if (pmf[c] > pmf[largest]) largest = c;
		final double factor = trainCounts[largest] / pmf[largest];
		final int[] targets = new int[pmf.length];
		for (int c = 0; c < pmf.length; c++) {
			final int desired = (int) Math.rint(pmf[c] * factor);
			targets[c] = Math.min(trainCounts[c], Math.max(MIN_IMAGES, desired));
		}
		return targets;
	}

	private static double quantile(final double q) {
		return Math.pow(1 - q, -1 / SHAPE);
	}

	private static double cdf(final double x) {
		return 1 - Math.pow(x, -SHAPE);
	}
}
