package io.github.tailedcore.benchmark.synthetic;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The small example data set the repository carries in
 * {@code test-images/}: four procedural classes in the MVTec layout, one of
 * them rare (a tail class with only {@value #RARE_TRAIN} training images),
 * each with {@value #TEST_GOOD} defect-free test images and one image of
 * each of three defect kinds with its mask. All training images are
 * defect-free.
 */
public final class ExampleDataset {

	/** Side of the example images, in pixels. */
	public static final int SIZE = 256;

	/** Side of the procedural pattern tiles, in pixels. */
	public static final int TILE = 128;

	/** Training images of the common classes. */
	public static final int COMMON_TRAIN = 12;

	/** Training images of the rare class. */
	public static final int RARE_TRAIN = 3;

	/** Defect-free test images per class. */
	public static final int TEST_GOOD = 2;

	private ExampleDataset() {}

	/** The four classes of seed {@code seed}. */
	public static List<SyntheticClass> classes(final long seed) {
		return List.of(//
			procedural("mottled", ProceduralPattern.MOTTLED, COMMON_TRAIN, seed,
				DefectKind.STAIN, DefectKind.SCRATCH, DefectKind.HOLE), //
			procedural("striped", ProceduralPattern.STRIPES, COMMON_TRAIN, seed,
				DefectKind.MISSING_PATTERN, DefectKind.SCRATCH,
				DefectKind.COLOR_BLOTCH), //
			procedural("grid", ProceduralPattern.GRID, COMMON_TRAIN, seed,
				DefectKind.HOLE, DefectKind.MISSING_PATTERN, DefectKind.STAIN), //
			procedural("dotted", ProceduralPattern.DOTS, RARE_TRAIN, seed,
				DefectKind.COLOR_BLOTCH, DefectKind.SCRATCH,
				DefectKind.MISSING_PATTERN));
	}

	/**
	 * Writes the example set of seed {@code seed} under {@code output}
	 * ({@code test-images/} holds seed 1 at {@value #SIZE} px).
	 *
	 * @return the files written
	 */
	public static List<Path> write(final Path output, final long seed,
		final int size) throws IOException
	{
		return SyntheticDatasetWriter.write(output, classes(seed), size, seed);
	}

	private static SyntheticClass procedural(final String name,
		final ProceduralPattern pattern, final int train, final long seed,
		final DefectKind... defects)
	{
		return new SyntheticClass(name, pattern.tile(TILE, Seeds.random(seed, name,
			"pattern")), train, TEST_GOOD, List.of(defects), 1);
	}
}
