package io.github.tailedcore.benchmark.split;

import java.util.Locale;

/**
 * How a split turns defective test images into training noise.
 */
public enum NoiseProtocol {

	/**
	 * The paper's (spec §8): noise images are added to training and stay in
	 * the test set; the count follows the class's training images
	 * (step: round_half_even(ratio · #train(c)); Pareto: ratio · Σ kept).
	 */
	OVERLAP,

	/**
	 * Ours, for fits of one class: round_half_even(ratio · #anomalies(c)) of
	 * the class's defective test images move into training and leave the test
	 * set, so that a model is never tested on an image it was fitted on.
	 */
	MOVED;

	/** Parses {@code overlap} or {@code moved} (case-insensitive). */
	public static NoiseProtocol parse(final String name) {
		for (final NoiseProtocol p : values())
			if (p.name().equalsIgnoreCase(name.trim())) return p;
		throw new IllegalArgumentException("Unknown noise protocol '" + name +
			"': use overlap or moved.");
	}

	/** {@code overlap} or {@code moved}. */
	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}
}
