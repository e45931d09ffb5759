package io.github.tailedcore.batch;

/**
 * The files a batch run writes into its output folder besides the maps and
 * overlays of its images: the same for a one-machine run and for the merge
 * of a sharded one.
 */
public final class BatchFiles {

	/** The scores of a complete run: one row per image and slice. */
	public static final String SCORES_CSV = "scores.csv";
	/** The files a complete run skipped, with the reason. */
	public static final String SKIPPED_CSV = "skipped.csv";
	/** The header of {@value #SKIPPED_CSV}. */
	public static final String[] SKIPPED_COLUMNS = { "image", "reason" };

	private BatchFiles() {}
}
