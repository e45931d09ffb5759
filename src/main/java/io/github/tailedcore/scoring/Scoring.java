package io.github.tailedcore.scoring;

import io.github.tailedcore.Labelled;

/**
 * Which memory rows a test image is compared with; an option of every
 * method, recorded in the model file.
 * <p>
 * One memory bank fitted on several product kinds lets a patch of one kind
 * cover a defect of another. {@link #CLASS_AWARE} scoring conditions on the
 * image's own kind without labels: it searches only the memory rows that
 * came from the training images nearest to the test image by global
 * embedding ({@link ImageNeighbors}). Restricting the search can only raise
 * a patch score, so an image far from every training image still scores
 * high.
 * </p>
 */
public enum Scoring implements Labelled {

	/** Every memory row: the paper's scoring. */
	GLOBAL("global"),

	/**
	 * Only the rows whose origin is among the test image's nearest training
	 * images ({@link ImageNeighbors#nearest}).
	 */
	CLASS_AWARE("class-aware");

	private final String label;

	Scoring(final String label) {
		this.label = label;
	}

	/** The name users type: {@code global} or {@code class-aware}. */
	@Override
	public String label() {
		return label;
	}

	/** Parses {@link #label()} (case-insensitive). */
	public static Scoring parse(final String name) {
		return Labelled.parse(values(), name, "scoring",
			"global or class-aware");
	}
}
