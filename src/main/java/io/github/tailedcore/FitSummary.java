package io.github.tailedcore;

import io.github.tailedcore.tail.TailEstimate;

import java.util.Arrays;
import java.util.Locale;

/**
 * What a fit found, kept in the model so that users can see it later: how
 * many images and patches went in, what the noise filter dropped, and
 * TailSampler's estimate of the class structure (κ per image, the class
 * sizes η, K<sub>max</sub>, the tail images and, when the estimate was
 * degenerate, its {@linkplain TailEstimate#note() note} with the cause).
 * <p>
 * With importance weighting it also keeps each image's leave-one-image-out
 * score s<sub>i</sub> and weight w<sub>i</sub>. Fields that a fit does not
 * compute are empty arrays or −1 (PatchCore has no noise filter and no tail
 * estimate).
 * </p>
 */
public final class FitSummary {

	private final int imageCount;
	private final long patchCount;
	private final long droppedPatches;
	private final int[] kappa;
	private final int[] classSizes;
	private final int kElbow;
	private final int kCap;
	private final int kMax;
	private final int[] tailImages;
	private final int tailMemory;
	private final int cleanMemory;
	private final double[] importanceScores;
	private final double[] importanceWeights;
	private final String tailNote;

	/**
	 * @param imageCount N, training images
	 * @param patchCount N × L
	 * @param droppedPatches patches the noise filter removed (0 for PatchCore)
	 * @param kappa κ<sub>i</sub>, the estimated class size of each image
	 * @param classSizes η, estimated class sizes in descending order
	 * @param kElbow K at the elbow of η (−1 without tail estimate)
	 * @param kCap K of the 15 % cap (−1 without tail estimate)
	 * @param kMax K<sub>max</sub> = min(K<sub>elbow</sub>, K<sub>cap</sub>)
	 * @param tailImages indices of the images taken as tail, ascending
	 * @param tailMemory |M<sub>tail</sub>|
	 * @param cleanMemory |M<sub>clean</sub>| (the whole memory for PatchCore)
	 */
	public FitSummary(final int imageCount, final long patchCount,
		final long droppedPatches, final int[] kappa, final int[] classSizes,
		final int kElbow, final int kCap, final int kMax, final int[] tailImages,
		final int tailMemory, final int cleanMemory)
	{
		this(imageCount, patchCount, droppedPatches, kappa, classSizes, kElbow,
			kCap, kMax, tailImages, tailMemory, cleanMemory, new double[0],
			new double[0], "");
	}

	/**
	 * A summary with importance weighting and the tail estimate's note.
	 *
	 * @param importanceScores s<sub>i</sub> per image (empty without
	 *          weighting)
	 * @param importanceWeights w<sub>i</sub> per image (empty without
	 *          weighting)
	 * @param tailNote what was degenerate about the tail estimate, and why;
	 *          empty if nothing was
	 */
	public FitSummary(final int imageCount, final long patchCount,
		final long droppedPatches, final int[] kappa, final int[] classSizes,
		final int kElbow, final int kCap, final int kMax, final int[] tailImages,
		final int tailMemory, final int cleanMemory,
		final double[] importanceScores, final double[] importanceWeights,
		final String tailNote)
	{
		this.imageCount = imageCount;
		this.patchCount = patchCount;
		this.droppedPatches = droppedPatches;
		this.kappa = kappa.clone();
		this.classSizes = classSizes.clone();
		this.kElbow = kElbow;
		this.kCap = kCap;
		this.kMax = kMax;
		this.tailImages = tailImages.clone();
		this.tailMemory = tailMemory;
		this.cleanMemory = cleanMemory;
		this.importanceScores = importanceScores.clone();
		this.importanceWeights = importanceWeights.clone();
		this.tailNote = tailNote;
	}

	/**
	 * The summary of a fit.
	 *
	 * @param droppedPatches patches the noise filter removed (0 without one)
	 * @param tail TailSampler's estimate, or {@code null} if the method has
	 *          no tail branch
	 */
	public static FitSummary of(final int imageCount, final long patchCount,
		final long droppedPatches, final TailEstimate tail, final int tailMemory,
		final int cleanMemory)
	{
		if (tail == null) return new FitSummary(imageCount, patchCount,
			droppedPatches, new int[0], new int[0], -1, -1, -1, new int[0],
			tailMemory, cleanMemory);
		return new FitSummary(imageCount, patchCount, droppedPatches, tail.kappa(),
			tail.classCounts(), tail.kElbow(), tail.kCap(), tail.kMax(), tail
				.tailIndices(), tailMemory, cleanMemory, new double[0], new double[0],
			tail.note());
	}

	public int imageCount() {
		return imageCount;
	}

	public long patchCount() {
		return patchCount;
	}

	public long droppedPatches() {
		return droppedPatches;
	}

	/** κ<sub>i</sub> per image (empty without tail estimate). */
	public int[] kappa() {
		return kappa.clone();
	}

	/** η, descending (empty without tail estimate). */
	public int[] classSizes() {
		return classSizes.clone();
	}

	public int kElbow() {
		return kElbow;
	}

	public int kCap() {
		return kCap;
	}

	public int kMax() {
		return kMax;
	}

	/** Indices of the tail images T. */
	public int[] tailImages() {
		return tailImages.clone();
	}

	/** |T| / N, the share of the images taken as tail (0 without estimate). */
	public double tailShare() {
		return imageCount == 0 ? 0 : (double) tailImages.length / imageCount;
	}

	/**
	 * What was degenerate about the tail estimate and why (one kind of image,
	 * candidates returned to the head, more tail than the cap intends, …);
	 * empty if nothing was or there was no estimate.
	 */
	public String tailNote() {
		return tailNote;
	}

	public int tailMemory() {
		return tailMemory;
	}

	public int cleanMemory() {
		return cleanMemory;
	}

	/**
	 * This summary with the leave-one-image-out scores and importance weights
	 * of the images.
	 */
	public FitSummary withImportance(final double[] scores,
		final double[] weights)
	{
		return new FitSummary(imageCount, patchCount, droppedPatches, kappa,
			classSizes, kElbow, kCap, kMax, tailImages, tailMemory, cleanMemory,
			scores, weights, tailNote);
	}

	/** s<sub>i</sub> per image (empty without importance weighting). */
	public double[] importanceScores() {
		return importanceScores.clone();
	}

	/** w<sub>i</sub> per image (empty without importance weighting). */
	public double[] importanceWeights() {
		return importanceWeights.clone();
	}

	/**
	 * The tail images in words: "3 of 39 images taken as tail (7.7 %)", or
	 * empty without a tail estimate.
	 */
	public String tailCount() {
		return kMax < 0 ? "" : String.format(Locale.ROOT,
			"%d of %d images taken as tail (%.1f %%)", tailImages.length,
			imageCount, 100 * tailShare());
	}

	/**
	 * A few lines for a log or a dialog; the tail estimate's note, if any,
	 * follows on its own line after "Tail estimate: ".
	 */
	@Override
	public String toString() {
		final StringBuilder s = new StringBuilder();
		s.append(imageCount).append(" images, ").append(patchCount).append(
			" patches");
		if (droppedPatches > 0) s.append(", ").append(droppedPatches).append(
			" dropped as noise");
		if (kMax >= 0) s.append("; estimated classes η = ").append(Arrays
			.toString(classSizes)).append(", K_elbow = ").append(kElbow).append(
				", K_cap = ").append(kCap).append(", K_max = ").append(kMax).append(
					"; ").append(tailCount());
		if (importanceWeights.length > 0) s.append(String.format(Locale.ROOT,
			"; importance weights %.2f..%.2f", Arrays.stream(importanceWeights)
				.min().getAsDouble(), Arrays.stream(importanceWeights).max()
					.getAsDouble()));
		s.append("; memory ").append(tailMemory + cleanMemory).append(" (tail ")
			.append(tailMemory).append(", clean ").append(cleanMemory).append(")");
		if (!tailNote.isEmpty()) s.append("\nTail estimate: ").append(tailNote);
		return s.toString();
	}
}
