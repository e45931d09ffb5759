package io.github.tailedcore.noise;

import java.util.Arrays;

/**
 * What the LOF noise filter decided: the LOF score of every training patch,
 * the threshold τ, and the patches it kept, S<sub>clean</sub>(P) (spec §4).
 * <p>
 * Patches are named by their global index g = image · L + location, the row
 * order of the stacked patch matrix P. SoftPatch stores the LOF score of each
 * kept patch as its memory weight ({@link #keptScores()}).
 * </p>
 */
public final class NoiseFilterResult {

	private final float[] scores;
	private final double threshold;
	private final long[] keptIndices;

	/**
	 * @param scores the LOF score of every patch, indexed by g (not copied)
	 * @param threshold τ, patches scoring below it were kept (under the
	 *          adaptive rule, those scoring up to {@value
	 *          NoiseThreshold#OUTLIER_LOF} too)
	 * @param keptIndices the kept global indices, strictly ascending (not
	 *          copied)
	 * @throws IllegalArgumentException if a kept index is out of range or the
	 *           indices are not strictly ascending
	 */
	public NoiseFilterResult(final float[] scores, final double threshold,
		final long[] keptIndices)
	{
		for (int i = 0; i < keptIndices.length; i++) {
			final long g = keptIndices[i];
			if (g < 0 || g >= scores.length || i > 0 && g <= keptIndices[i - 1])
				throw new IllegalArgumentException("Kept patch indices must be " +
					"strictly ascending and in [0, " + scores.length + "), got " + g +
					" at position " + i + ".");
		}
		this.scores = scores;
		this.threshold = threshold;
		this.keptIndices = keptIndices;
	}

	/** The LOF score of every patch, indexed by g (shared, not a copy). */
	public float[] scores() {
		return scores;
	}

	/** The LOF score of patch g. */
	public float score(final long globalIndex) {
		return scores[Math.toIntExact(globalIndex)];
	}

	/**
	 * τ, the (1 − drop fraction)-quantile of the scores; under the adaptive
	 * rule max(τ, {@value NoiseThreshold#OUTLIER_LOF}), the score from which
	 * patches were dropped.
	 */
	public double threshold() {
		return threshold;
	}

	/**
	 * The kept patches g, ascending (shared, not a copy); pass them to
	 * {@code PatchFeatures.gather} for their full-dimensional vectors.
	 */
	public long[] keptIndices() {
		return keptIndices;
	}

	/**
	 * The LOF score of each kept patch, in the order of
	 * {@link #keptIndices()}: SoftPatch's memory weights.
	 */
	public float[] keptScores() {
		final float[] kept = new float[keptIndices.length];
		for (int i = 0; i < kept.length; i++)
			kept[i] = scores[(int) keptIndices[i]];
		return kept;
	}

	/** Whether patch g was kept. */
	public boolean isKept(final long globalIndex) {
		return Arrays.binarySearch(keptIndices, globalIndex) >= 0;
	}

	/** Total number of patches N · L. */
	public int patchCount() {
		return scores.length;
	}

	/** |S<sub>clean</sub>|, the number of kept patches. */
	public int keptCount() {
		return keptIndices.length;
	}

	/** The number of patches removed as noise. */
	public int droppedCount() {
		return scores.length - keptIndices.length;
	}

	@Override
	public String toString() {
		return "kept " + keptCount() + " of " + patchCount() +
			" patches (LOF < τ = " + threshold + ")";
	}
}
