package io.github.tailedcore.tail;

import io.github.tailedcore.Labelled;

/**
 * Which tail estimate TailedCore's tail branch uses: the authors' exactly,
 * or ours, which keeps only the tail that a user can trust without knowing
 * the algorithm. Both start from the same class sizes κ and K_max
 * ({@link TailSampler}); they differ in which of the candidate images
 * T₀ = { i : κ<sub>i</sub> ≤ K_max } become tail images.
 */
public enum TailEstimation implements Labelled {

	/**
	 * The official {@code ada_trim_min-mode} estimate (spec §5): T = T₀. On a
	 * single product kind or a diverse head class it can take most images as
	 * tail (a tight class gets κ = 1 for every image; PCB head images do too),
	 * and with them their defects, unfiltered.
	 */
	PAPER("paper"),

	/**
	 * T = the candidates of T₀ that are separated from the head
	 * ({@link HeadSeparation}) and do not look like defective images of a
	 * common kind ({@link PatchConfirmation}): rare kinds, not the images of a
	 * diverse kind, nor a defective image that looks isolated.
	 * No candidate separates when the images hold no class structure (one
	 * kind), so then nothing is tail. In the tail branch, the defect patches
	 * of the tail images that the noise filter mostly keeps are then left out
	 * ({@link TailNoiseFilter}).
	 */
	ROBUST("robust"),

	/**
	 * The robust estimate without the check on patches
	 * ({@link PatchConfirmation}): T = the candidates separated from the
	 * head, their defect patches left out of the tail branch. The default of
	 * 2 December (then named {@code robust}); on a single product kind it
	 * still took isolated images (up to 9 %, defective ones among them) as
	 * tail.
	 */
	SEPARATION("separation");

	private final String label;

	TailEstimation(final String label) {
		this.label = label;
	}

	/**
	 * The name users type: {@code robust}, {@code separation} or
	 * {@code paper}.
	 */
	@Override
	public String label() {
		return label;
	}

	/** Parses {@link #label()} (case-insensitive). */
	public static TailEstimation parse(final String name) {
		return Labelled.parse(values(), name, "tail estimate",
			"robust, separation or paper");
	}
}
