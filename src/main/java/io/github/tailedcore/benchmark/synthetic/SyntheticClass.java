package io.github.tailedcore.benchmark.synthetic;

import io.github.tailedcore.image.RasterImage;

import java.util.List;

/**
 * The recipe of one synthetic product class: its tileable pattern and how
 * many images of each kind to make.
 *
 * @param name the class folder's name
 * @param tile the pattern, repeated without seams
 * @param train defect-free training images ({@code train/good})
 * @param testGood defect-free test images ({@code test/good})
 * @param defects the defect kinds of its test set
 * @param perDefect defective test images of each kind
 */
public record SyntheticClass(String name, RasterImage tile, int train,
	int testGood, List<DefectKind> defects, int perDefect)
{

	/** Checks the counts and copies the list. */
	public SyntheticClass {
		if (!name.matches("[a-z0-9_]+")) throw new IllegalArgumentException(
			"A class name must be lower-case letters, digits and '_', got '" + name +
				"'.");
		if (train < 1 || testGood < 0 || perDefect < 0)
			throw new IllegalArgumentException("Class " + name +
				" needs at least one training image and no negative counts.");
		defects = List.copyOf(defects);
	}
}
