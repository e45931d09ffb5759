package io.github.tailedcore.tail;

import io.github.tailedcore.TailedCoreSettings;

/**
 * The extra cap on the tail class size, K_pct, the authors'
 * {@code _predict_max_K_max_within_percnetile} (spec §5.6; in the code, not
 * in the paper). Tail classes may hold at most a fraction f of all images:
 * <ol>
 * <li>budget = ⌊f·N⌋ with N = Σ η;</li>
 * <li>k = the number of smallest classes whose running sum stays
 * ≤ budget;</li>
 * <li>K_pct = the k-th smallest η, or the smallest η when k = 0.</li>
 * </ol>
 * The TailSampler uses K_max = min(K_elbow, K_pct). When all classes have
 * the same size, K_pct is that size and every image counts as tail, which
 * the reference does by design.
 */
public final class TailCap {

	private final double fraction;

	/** The reference's f = {@value TailedCoreSettings#DEFAULT_TAIL_CAP_FRACTION}. */
	public TailCap() {
		this(TailedCoreSettings.DEFAULT_TAIL_CAP_FRACTION);
	}

	/** @param fraction f ∈ (0, 1], the largest share of images in tail classes */
	public TailCap(final double fraction) {
		if (!(fraction > 0 && fraction <= 1)) throw new IllegalArgumentException(
			"The tail cap must be in (0, 1], got " + fraction + ".");
		this.fraction = fraction;
	}

	/** f. */
	public double fraction() {
		return fraction;
	}

	/**
	 * ⌊f·N⌋, multiplied in float32 as the reference does (exact for any
	 * realistic N, where the decimal f·N is an integer or at least 0.05 away
	 * from one).
	 */
	public int budget(final long imageCount) {
		return (int) ((float) imageCount * (float) fraction);
	}

	/**
	 * @param classCounts η, descending, not empty
	 * @return K_pct, one of the η
	 * @throws IllegalArgumentException if η is empty or not descending
	 */
	public int of(final int[] classCounts) {
		Elbow.requireDescending(classCounts);
		long total = 0;
		for (final int count : classCounts)
			total += count;
		final int budget = budget(total);
		final int classes = classCounts.length;
		int k = 0;
		long runningSum = 0;
		for (int x = classes - 1; x >= 0; x--) {
			runningSum += classCounts[x];
			if (runningSum > budget) break;
			k++;
		}
		return classCounts[Math.min(classes - k, classes - 1)];
	}
}
