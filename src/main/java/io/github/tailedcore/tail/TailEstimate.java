package io.github.tailedcore.tail;

import java.util.Arrays;

/**
 * What the {@link TailSampler} predicted for a training set of N images,
 * immutable: the class size κ<sub>i</sub> and neighbourhood size
 * |N(i)| of every image, the predicted class sizes η, the thresholds
 * K_elbow, K_pct and K_max = min(K_elbow, K_pct), and the tail images
 * T = { i : κ<sub>i</sub> ≤ K_max }.
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
	private final int[] tailIndices;
	private final String note;

	/**
	 * @param kappa κ<sub>i</sub> per image
	 * @param neighborhoodSizes |N(i)| per image
	 * @param classCounts η, descending
	 * @param kElbow K_elbow
	 * @param kCap K_pct
	 * @param tailIndices the tail images, ascending
	 * @param note what was degenerate about the input, or empty
	 * @throws IllegalArgumentException if the arrays do not fit together
	 */
	public TailEstimate(final int[] kappa, final int[] neighborhoodSizes,
		final int[] classCounts, final int kElbow, final int kCap,
		final int[] tailIndices, final String note)
	{
		if (neighborhoodSizes.length != kappa.length)
			throw new IllegalArgumentException("A tail estimate needs one " +
				"neighbourhood size per image: got " + neighborhoodSizes.length +
				" sizes for " + kappa.length + " images.");
		for (int t = 0; t < tailIndices.length; t++)
			if (tailIndices[t] < 0 || tailIndices[t] >= kappa.length ||
				t > 0 && tailIndices[t] <= tailIndices[t - 1])
				throw new IllegalArgumentException("Tail image indices must be " +
					"ascending and within 0 .. " + (kappa.length - 1) + ", but index " +
					t + " is " + tailIndices[t] + ".");
		this.kappa = kappa.clone();
		this.neighborhoodSizes = neighborhoodSizes.clone();
		this.classCounts = classCounts.clone();
		this.kElbow = kElbow;
		this.kCap = kCap;
		this.tailIndices = tailIndices.clone();
		this.note = note;
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

	/** K_max = min(K_elbow, K_pct): classes up to this size are tail. */
	public int kMax() {
		return Math.min(kElbow, kCap);
	}

	/** T, the indices of the tail images (κ<sub>i</sub> ≤ K_max), ascending. */
	public int[] tailIndices() {
		return tailIndices.clone();
	}

	/** Whether image i is a tail image. */
	public boolean isTail(final int image) {
		return Arrays.binarySearch(tailIndices, image) >= 0;
	}

	/**
	 * A sentence or two for the user when the input was degenerate (a single
	 * image, identical embeddings, every image tail, …); empty otherwise.
	 */
	public String note() {
		return note;
	}

	@Override
	public String toString() {
		return "TailEstimate[N=" + kappa.length + ", classes=" +
			classCounts.length + ", K_elbow=" + kElbow + ", K_pct=" + kCap +
			", K_max=" + kMax() + ", tail images=" + tailIndices.length + "]";
	}
}
