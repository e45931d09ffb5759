package io.github.tailedcore.tail;

import io.github.tailedcore.Progress;
import io.github.tailedcore.feature.FeatureGrid;
import io.github.tailedcore.feature.ImagePatches;
import io.github.tailedcore.noise.NoiseFilterResult;
import io.github.tailedcore.search.NearestNeighborSearch;
import io.github.tailedcore.search.NearestNeighborSearches;

import java.util.Arrays;

/**
 * The noise filter inside the tail branch, the second step of the
 * {@linkplain TailEstimation#ROBUST robust} tail estimate: which patches of
 * the tail pool Q (the tail images and their views) may enter the tail
 * coreset.
 * <p>
 * The tail branch exists because the head's noise filter
 * ({@link io.github.tailedcore.noise.LofNoiseFilter}) takes a rare kind for
 * noise: every patch of an image unlike all others is an outlier at its
 * location, and the filter removes most of the image. Such a tail image, of
 * which the filter dropped at least {@value #RESCUE_SHARE} of the patches,
 * enters Q whole, with its views, as in the paper. A tail image of which the
 * filter kept most patches is mostly normal for this data: a defective
 * image of a common kind that looked isolated, or a rare kind that
 * resembles the others patch by patch. Its defect, if any, is among the few
 * patches the filter dropped, and in the paper's tail branch it would reach
 * the memory unfiltered, with all its rotated and flipped copies (spec
 * §5.7). Here a patch of Q from such an image (the image itself or one of
 * its views) is left out if its nearest patch in the image is one the
 * filter dropped; the image's own dropped patches are their own nearest, and
 * a rotated copy of a defect lies nearest to the defect.
 * </p>
 * <p>
 * Measured on 15 long-tail splits of the industrial set (30 training images
 * per class, MobileNetV2) with the paper's fixed 15 % drop
 * ({@link io.github.tailedcore.noise.NoiseThreshold#FIXED}; the adaptive
 * threshold drops almost nothing of clean images, so that only their
 * strongly outlying patches, LOF &gt; 2, mark a defect): the share of
 * dropped patches is at most 0.26–0.31
 * for 90 % of the clean head images and 0.21–0.53 for 90 % of the defective
 * ones (median 0.03–0.23); the images of a tail kind that the filter
 * removes (PCB) lose 0.55–1.0, those of a tail kind it keeps (magnetic
 * tile) 0.02 (median). Defective solar cells can lose most of their patches
 * (median 0.58 on solar_mono alone): those stay unfiltered, like a rare
 * kind.
 * </p>
 * <p>
 * A dropped patch in the grid's border band (the outer {@link #BORDER_BAND}
 * of each side) marks no defect: the noise filter compares each location
 * across all training images, and at the border every kind shows its own
 * outline (cut cell corners, busbar ends, background, the backbone's zero
 * padding), so a rare kind's border is an outlier there by construction.
 * On the long-tail benchmark in the full frame (step-K1, three seeds) the
 * filter dropped 2–35 % of the patches of a kind's one training image (a
 * monocrystalline solar cell), 89–100 % of them in that band; leaving out
 * their copies took the cell's corners out of the memory, and defect-free
 * cells then outscored defective ones at their corners: image AUROC on
 * that kind 0, 0 and 17, with the band 92, 13 and 100 (the second seed's
 * cell has another busbar layout than the test cells;
 * {@code benchmarks/framing}). A border defect of a mostly normal tail
 * image thus reaches the memory, as every defect of a tail image does in
 * the paper. In a tiled fit the band is each tile's edge.
 * </p>
 * <p>
 * If the filter dropped nothing (drop fraction 0), nothing is left out.
 * </p>
 */
public final class TailNoiseFilter {

	/** The share of its patches the filter must drop to rescue an image whole. */
	public static final double RESCUE_SHARE = 0.5;
	/**
	 * The border band, as a fraction of the grid's side at each edge, rounded
	 * down: 4 of MobileNetV2's 28 cells (32 of 224 input pixels, about twice the
	 * frame the paper's crop cuts, as each feature also sees its
	 * neighbours'); none on grids under 7 cells a side.
	 */
	public static final double BORDER_BAND = 1.0 / 7;

	private TailNoiseFilter() {}

	/**
	 * The pool patches to coreset, and the estimate with a note on what was
	 * left out.
	 *
	 * @param candidates global pool indices {@code image · L + location} of
	 *          the patches that may enter the tail coreset, ascending, or
	 *          {@code null} for all of them
	 * @param estimate the tail estimate, its note extended
	 */
	public record Result(long[] candidates, TailEstimate estimate) {}

	/**
	 * Filters the tail pool.
	 *
	 * @param tail the tail estimate for the N training images
	 * @param training the N training images' patches
	 * @param filter the head's noise filter result on them
	 * @param pool Q, the tail images' patches and those of their views
	 * @param origins for each image of the pool, the training image it shows
	 * @param progress checked for cancellation
	 */
	public static Result filter(final TailEstimate tail,
		final ImagePatches training, final NoiseFilterResult filter,
		final ImagePatches pool, final int[] origins, final Progress progress)
	{
		final int locations = training.grid().locations();
		final int[] mostlyKept = Arrays.stream(tail.tailIndices()).filter(
			i -> droppedShare(filter, i, locations) < RESCUE_SHARE).toArray();
		if (mostlyKept.length == 0 || filter.droppedCount() == 0)
			return new Result(null, tail);
		final boolean[] marks = defectMarks(training.grid());
		final boolean[] filtered = new boolean[training.imageCount()];
		for (final int i : mostlyKept)
			filtered[i] = true;
		final long[] kept = new long[(int) pool.patchCount()];
		int count = 0;
		int left = 0;
		final float[] distances = new float[locations];
		final int[] nearest = new int[locations];
		NearestNeighborSearch search = null;
		int searched = -1;
		for (int q = 0; q < pool.imageCount(); q++) {
			progress.checkCanceled();
			final int image = origins[q];
			if (filtered[image]) {
				if (image != searched) {
					search = NearestNeighborSearches.fastest(training
						.patchMatrix(image));
					searched = image;
				}
				search.search(pool.patchMatrix(q), distances, nearest);
			}
			for (int p = 0; p < locations; p++) {
				if (!filtered[image] || !marks[nearest[p]] || filter.isKept(
					(long) image * locations + nearest[p])) kept[count++] = (long) q *
						locations + p;
				else left++;
			}
		}
		return new Result(Arrays.copyOf(kept, count), tail.withTail(tail
			.tailIndices(), mostlyKept.length + " of " + tail.tailIndices().length +
				" tail images kept most of their patches through the noise filter " +
				"(a common kind, perhaps with a defect): the " + left + " patches " +
				"of them and their views that lie nearest to a patch the filter " +
				"dropped (not in the border band) are left out of the tail branch."));
	}

	/**
	 * For each location of the grid, whether a patch the filter dropped there
	 * marks a defect: false within {@link #BORDER_BAND} of an edge.
	 */
	static boolean[] defectMarks(final FeatureGrid grid) {
		final int bandY = (int) (BORDER_BAND * grid.height());
		final int bandX = (int) (BORDER_BAND * grid.width());
		final boolean[] marks = new boolean[grid.locations()];
		for (int y = bandY; y < grid.height() - bandY; y++)
			for (int x = bandX; x < grid.width() - bandX; x++)
				marks[y * grid.width() + x] = true;
		return marks;
	}

	/** The share of image i's L patches that the filter dropped. */
	public static double droppedShare(final NoiseFilterResult filter,
		final int image, final int locations)
	{
		int dropped = 0;
		for (int p = 0; p < locations; p++)
			if (!filter.isKept((long) image * locations + p)) dropped++;
		return (double) dropped / locations;
	}
}
