package io.github.tailedcore;

import io.github.tailedcore.tail.TailEstimate;

import java.util.Arrays;
import java.util.Locale;

/**
 * What a fit found, kept in the model so that users can see it later: how
 * many images and patches went in, what the noise filter dropped, and
 * TailSampler's estimate of the class structure (κ per image, the class
 * sizes η, K<sub>max</sub> and the tail images).
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
			new double[0]);
	}

	/**
	 * A summary with importance weighting.
	 *
	 * @param importanceScores s<sub>i</sub> per image (empty without
	 *          weighting)
	 * @param importanceWeights w<sub>i</sub> per image (empty without
	 *          weighting)
	 */
	public FitSummary(final int imageCount, final long patchCount,
		final long droppedPatches, final int[] kappa, final int[] classSizes,
		final int kElbow, final int kCap, final int kMax, final int[] tailImages,
		final int tailMemory, final int cleanMemory,
		final double[] importanceScores, final double[] importanceWeights)
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
				.tailIndices(), tailMemory, cleanMemory);
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
			scores, weights);
	}

	/** s<sub>i</sub> per image (empty without importance weighting). */
	public double[] importanceScores() {
		return importanceScores.clone();
	}

	/** w<sub>i</sub> per image (empty without importance weighting). */
	public double[] importanceWeights() {
		return importanceWeights.clone();
	}

	/** A few lines for a log or a dialog. */
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
					", ").append(tailImages.length).append(" tail images");
		if (importanceWeights.length > 0) s.append(String.format(Locale.ROOT,
			"; importance weights %.2f..%.2f", Arrays.stream(importanceWeights)
				.min().getAsDouble(), Arrays.stream(importanceWeights).max()
					.getAsDouble()));
		s.append("; memory ").append(tailMemory + cleanMemory).append(" (tail ")
			.append(tailMemory).append(", clean ").append(cleanMemory).append(")");
		return s.toString();
	}
}
