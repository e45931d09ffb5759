package io.github.tailedcore.benchmark.split;

import java.util.Locale;

/**
 * How the class sizes of a training split are made long-tailed (spec §8),
 * written as on the command line: {@code step-k4}, {@code step-k1},
 * {@code pareto} or {@code none}.
 *
 * @param kind the family of tail
 * @param k for {@link Kind#STEP}, how many training images each tail class
 *          keeps (the paper's K ∈ {1, 4}); 0 otherwise
 */
public record TailShape(Kind kind, int k) {

	/** The families of tail. */
	public enum Kind {
			/** round(0.6·C) random classes keep K images, the others all. */
			STEP,
			/** Class sizes follow a discretised Pareto law with shape b = 6. */
			PARETO,
			/** Every class keeps all its images (only noise is added). */
			NONE
	}

	/** Checks that K is positive for step tails and 0 otherwise. */
	public TailShape {
		if (kind == Kind.STEP ? k < 1 : k != 0) throw new IllegalArgumentException(
			kind == Kind.STEP ? "A step tail needs K ≥ 1 images per tail class, got " +
				k + "." : "Only step tails take a K, got " + k + " for " + kind + ".");
	}

	/** A step tail whose tail classes keep {@code k} images. */
	public static TailShape step(final int k) {
		return new TailShape(Kind.STEP, k);
	}

	/** The Pareto tail. */
	public static TailShape pareto() {
		return new TailShape(Kind.PARETO, 0);
	}

	/** No tail. */
	public static TailShape none() {
		return new TailShape(Kind.NONE, 0);
	}

	/**
	 * Parses {@code step-k<K>}, {@code pareto} or {@code none}.
	 *
	 * @throws IllegalArgumentException naming the text if it is none of them
	 */
	public static TailShape parse(final String text) {
		final String t = text.trim().toLowerCase(Locale.ROOT);
		if (t.equals("pareto")) return pareto();
		if (t.equals("none")) return none();
		if (t.matches("step-k[1-9][0-9]{0,5}")) return step(Integer.parseInt(t
			.substring("step-k".length())));
		throw new IllegalArgumentException("Unknown tail '" + text +
			"'; use step-k1, step-k4 (any step-k<K>), pareto or none.");
	}

	/** The text {@link #parse(String)} reads, e.g. {@code step-k4}. */
	@Override
	public String toString() {
		return kind == Kind.STEP ? "step-k" + k : kind.name().toLowerCase(
			Locale.ROOT);
	}
}
