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
 * embedding ({@link ImageNeighbors}), and only where those images stand
 * apart from the rest; on one kind it is global scoring. Restricting the
 * search can only raise a patch score, so an image far from every training
 * image still scores high.
 * </p>
 */
public enum Scoring implements Labelled {

	/** Every memory row: the paper's scoring. */
	GLOBAL("global"),

	/**
	 * Only the rows whose origin is among the test image's nearest training
	 * images, those before the first jump in angle wider than the training
	 * images' own spacing; every row where there is no such jump
	 * ({@link ImageNeighbors#nearest}).
	 */
	CLASS_AWARE("class-aware"),

	/**
	 * As {@link #CLASS_AWARE}, with the images before the largest jump in
	 * angle however small it is: the first rule, which conditions on one kind
	 * too (kept for the benchmark, {@code benchmarks/class-aware}).
	 */
	CLASS_AWARE_LARGEST_JUMP("class-aware-largest-jump");

	private final String label;

	Scoring(final String label) {
		this.label = label;
	}

	/** Whether a test image is compared with part of the memory only. */
	public boolean conditions() {
		return this != GLOBAL;
	}

	/**
	 * The name users type: {@code global}, {@code class-aware} or
	 * {@code class-aware-largest-jump}.
	 */
	@Override
	public String label() {
		return label;
	}

	/** Parses {@link #label()} (case-insensitive). */
	public static Scoring parse(final String name) {
		return Labelled.parse(values(), name, "scoring",
			"global, class-aware or class-aware-largest-jump");
	}
}
