package io.github.tailedcore.importance;

import io.github.tailedcore.Labelled;

/**
 * Where a fit uses the importance weights w<sub>i</sub> of its training
 * images ({@link ImageImportance}); an option of every method.
 */
public enum ImportanceWeighting implements Labelled {

	/** No weighting: the memory bank of the paper's method. */
	NONE("none"),

	/**
	 * The greedy coreset picks argmax w · δ instead of argmax δ, so images
	 * with large weights (rare normal variants) keep more memory vectors.
	 */
	CORESET("coreset"),

	/**
	 * {@link #CORESET}, and each memory vector's nearest-neighbour distance is
	 * multiplied at test time by min(1, 1 / w) of the image it came from
	 * (together with SoftPatch's LOF weight, if any).
	 */
	CORESET_AND_SCORE("coreset+score");

	private final String label;

	ImportanceWeighting(final String label) {
		this.label = label;
	}

	/** Whether the coreset picks by w · δ. */
	public boolean weighsCoreset() {
		return this != NONE;
	}

	/** Whether memory vectors carry score weights min(1, 1 / w). */
	public boolean weighsScores() {
		return this == CORESET_AND_SCORE;
	}

	/** The name users type: {@code none}, {@code coreset} or {@code coreset+score}. */
	@Override
	public String label() {
		return label;
	}

	/** Parses {@link #label()} (case-insensitive). */
	public static ImportanceWeighting parse(final String name) {
		return Labelled.parse(values(), name, "importance weighting",
			"none, coreset or coreset+score");
	}
}
