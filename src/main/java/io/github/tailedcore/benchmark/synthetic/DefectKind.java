package io.github.tailedcore.benchmark.synthetic;

import java.util.Locale;

/**
 * The kinds of drawn defects; each is a defect type folder
 * ({@code test/<type>}, {@code ground_truth/<type>}) of a synthetic class.
 */
public enum DefectKind {

		/** A thin curved line, much darker or brighter than the surface. */
		SCRATCH,
		/** A brownish darkened blob of a few overlapping ellipses. */
		STAIN,
		/** A small, nearly black ellipse. */
		HOLE,
		/** A rectangle where the pattern is replaced by a flat dull colour. */
		MISSING_PATTERN,
		/** A blob whose colour (or, in grey images, brightness) is shifted. */
		COLOR_BLOTCH;

	/** The folder name, e.g. {@code missing_pattern}. */
	public String folderName() {
		return name().toLowerCase(Locale.ROOT);
	}
}
