package io.github.tailedcore.benchmark.split;

import java.util.Objects;

/**
 * One training image of a split: where it comes from and the name it has
 * in its class's {@code train/good} folder. A clean image keeps its file
 * name; a noise image, a defective test image {@code test/<type>/<f>} added
 * to training by the overlap protocol, is called {@code <type>_<f>} (the
 * name the official generator gives its symlink), which also fixes its
 * place in the loader order.
 *
 * @param source the file, relative to the data set folder, '/'-separated
 * @param name the file name in {@code train/good}
 * @param noise whether this is a defective image (it stays in the test set)
 */
public record TrainImage(String source, String name, boolean noise) {

	/** Checks that both names are given. */
	public TrainImage {
		Objects.requireNonNull(source, "A training image needs a source.");
		Objects.requireNonNull(name, "A training image needs a name.");
	}

	/** A defect-free image kept under its own name. */
	public static TrainImage clean(final String source) {
		return new TrainImage(source, source.substring(source.lastIndexOf('/') +
			1), false);
	}

	/**
	 * A defective test image {@code <class>/test/<type>/<f>} added to
	 * training as {@code <type>_<f>}.
	 */
	public static TrainImage noise(final String source) {
		final String[] parts = source.split("/");
		if (parts.length < 2) throw new IllegalArgumentException(
			"A noise image must lie in a defect-type folder, got '" + source + "'.");
		return new TrainImage(source, parts[parts.length - 2] + "_" +
			parts[parts.length - 1], true);
	}
}
