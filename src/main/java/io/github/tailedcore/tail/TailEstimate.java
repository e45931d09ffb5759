package io.github.tailedcore.tail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What the {@link TailSampler} predicted for a training set of N images,
 * immutable: the class size κ<sub>i</sub> and neighbourhood size |N(i)| of
 * every image, the predicted class sizes η, the thresholds K_elbow, K_pct
 * and K_max = min(K_elbow, K_pct), the candidates
 * T₀ = { i : κ<sub>i</sub> ≤ K_max }, and the tail images T taken from them:
 * T = T₀ for the {@linkplain TailEstimation#PAPER paper's} estimate, the
 * candidates that passed its checks for the {@linkplain TailEstimation#ROBUST
 * robust} one.
 * <p>
 * {@link #note()} says, for a user, whatever was degenerate about the input
 * or the estimate and why: a single image, images whose half-angle region is
 * empty, no class structure, candidates that the checks returned to the
 * head, or more tail images than the cap intends.
 * </p>
 * <p>
 * Image indices are positions in the embedding matrix the sampler was given
 * (the training-set order). Arrays are copied in and out.
 * </p>
 */
public final class TailEstimate {

	private final int[] kappa;
	private final int[] neighborhoodSizes;
	private final int[] classCounts;
	private final int kElbow;
	private final int kCap;
	private final double capFraction;
	private final TailEstimation estimation;
	private final int[] candidates;
	private final int[] tailIndices;
	private final List<String> notes;

	/**
	 * @param kappa κ<sub>i</sub> per image
	 * @param neighborhoodSizes |N(i)| per image
	 * @param classCounts η, descending
	 * @param kElbow K_elbow
	 * @param kCap K_pct
	 * @param capFraction f, the cap's share of the images (0.15)
	 * @param estimation how T was taken from T₀
	 * @param candidates T₀, ascending
	 * @param tailIndices T ⊆ T₀, ascending
	 * @param notes sentences on what was degenerate, or none
	 * @throws IllegalArgumentException if the arrays do not fit together
	 */
	public TailEstimate(final int[] kappa, final int[] neighborhoodSizes,
		final int[] classCounts, final int kElbow, final int kCap,
		final double capFraction, final TailEstimation estimation,
		final int[] candidates, final int[] tailIndices, final List<String> notes)
	{
		if (neighborhoodSizes.length != kappa.length)
			throw new IllegalArgumentException("A tail estimate needs one " +
				"neighbourhood size per image: got " + neighborhoodSizes.length +
				" sizes for " + kappa.length + " images.");
		requireImages(candidates, kappa.length, "Tail candidate");
		requireImages(tailIndices, kappa.length, "Tail image");
		for (final int i : tailIndices)
			if (Arrays.binarySearch(candidates, i) < 0)
				throw new IllegalArgumentException("Tail image " + i +
					" is not a tail candidate.");
		this.kappa = kappa.clone();
		this.neighborhoodSizes = neighborhoodSizes.clone();
		this.classCounts = classCounts.clone();
		this.kElbow = kElbow;
		this.kCap = kCap;
		this.capFraction = capFraction;
		this.estimation = estimation;
		this.candidates = candidates.clone();
		this.tailIndices = tailIndices.clone();
		this.notes = List.copyOf(notes);
	}

	/**
	 * This estimate with a smaller (or the same) tail and one more note, as a
	 * later step (on patches) found it.
	 *
	 * @param tail the tail images now, a subset of {@link #tailIndices()}
	 * @param note what the step found, or empty
	 */
	public TailEstimate withTail(final int[] tail, final String note) {
		for (final int i : tail)
			if (!isTail(i)) throw new IllegalArgumentException("Image " + i +
				" was not a tail image before.");
		final List<String> more = new ArrayList<>(notes);
		if (!note.isEmpty()) more.add(note);
		return new TailEstimate(kappa, neighborhoodSizes, classCounts, kElbow,
			kCap, capFraction, estimation, candidates, tail, more);
	}

	/** N, the number of images. */
	public int imageCount() {
		return kappa.length;
	}

	/** κ<sub>i</sub>, the predicted size of image i's class, per image. */
	public int[] kappa() {
		return kappa.clone();
	}

	/** |N(i)|, the size of image i's own neighbourhood, per image. */
	public int[] neighborhoodSizes() {
		return neighborhoodSizes.clone();
	}

	/** η, the predicted number of images of each class, descending; Σ η = N. */
	public int[] classCounts() {
		return classCounts.clone();
	}

	/** K_elbow, the elbow of the η curve. */
	public int kElbow() {
		return kElbow;
	}

	/** K_pct, the class size that keeps tail classes within the cap. */
	public int kCap() {
		return kCap;
	}

	/** K_max = min(K_elbow, K_pct): classes up to this size are candidates. */
	public int kMax() {
		return Math.min(kElbow, kCap);
	}

	/** How the tail images were taken from the candidates. */
	public TailEstimation estimation() {
		return estimation;
	}

	/** T₀, the images with κ<sub>i</sub> ≤ K_max, ascending. */
	public int[] candidates() {
		return candidates.clone();
	}

	/** T, the indices of the tail images, ascending. */
	public int[] tailIndices() {
		return tailIndices.clone();
	}

	/** Whether image i is a tail image. */
	public boolean isTail(final int image) {
		return Arrays.binarySearch(tailIndices, image) >= 0;
	}

	/** |T| / N. */
	public double tailShare() {
		return (double) tailIndices.length / kappa.length;
	}

	/**
	 * A few sentences for the user on what was degenerate (a single image,
	 * empty half-angle regions, no class structure, candidates the checks
	 * returned to the head, more tail images than the cap intends), each with
	 * its cause; empty otherwise.
	 */
	public String note() {
		final List<String> all = new ArrayList<>(notes);
		final int budget = new TailCap(capFraction).budget(kappa.length);
		final int tail = tailIndices.length;
		if (tail > budget && tail < kappa.length) all.add(String.format(
			Locale.ROOT, "%d of %d images (%.0f %%) were taken as tail, more than " +
				"the %.0f %% the cap intends: %s", tail, kappa.length, 100 *
					tailShare(), 100 * capFraction, estimation == TailEstimation.PAPER
						? "the cap limits the size of a tail class (K_pct), not the " +
							"number of tail images, so many small predicted classes all " +
							"become tail (the robust tail estimate avoids this)."
						: "each is apart from the head, so the images look like a long " +
							"tail of many rare kinds."));
		return String.join(" ", all);
	}

	@Override
	public String toString() {
		return "TailEstimate[" + estimation.label() + ", N=" + kappa.length +
			", classes=" + classCounts.length + ", K_elbow=" + kElbow + ", K_pct=" +
			kCap + ", K_max=" + kMax() + ", candidates=" + candidates.length +
			", tail images=" + tailIndices.length + "]";
	}

	private static void requireImages(final int[] indices, final int n,
		final String what)
	{
		for (int t = 0; t < indices.length; t++)
			if (indices[t] < 0 || indices[t] >= n || t > 0 &&
				indices[t] <= indices[t - 1]) throw new IllegalArgumentException(what +
					" indices must be ascending and within 0 .. " + (n - 1) +
					", but index " + t + " is " + indices[t] + ".");
	}
}
