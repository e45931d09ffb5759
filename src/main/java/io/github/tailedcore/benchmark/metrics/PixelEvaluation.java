package io.github.tailedcore.benchmark.metrics;

import io.github.tailedcore.benchmark.data.BinaryMask;

import java.util.Arrays;

/**
 * Pixel-level measures of one class over all its test images (spec §9):
 * pixel AUROC, one ROC over every pixel of every anomaly map against the
 * ground truth, and AUPRO, the area under the per-region-overlap curve up
 * to a false-positive rate of {@value #AUPRO_FPR_LIMIT}, divided by that
 * limit (the MVTec AD evaluation's {@code compute_pro} and
 * {@code trapezoid}).
 * <p>
 * PRO at a threshold t is the mean, over all connected defect regions of all
 * images (8-connectivity, {@link ConnectedRegions}), of the share of the
 * region's pixels scoring ≥ t; the false-positive rate is the share of
 * defect-free pixels scoring ≥ t. The curve runs through (0, 0), one point
 * per distinct score (ties are one step, as in the reference code) and
 * (1, 1); it is integrated with the trapezoid rule and cut at the limit by
 * linear interpolation.
 * </p>
 * <p>
 * Both measures are exact (ties in pixel AUROC count one half, as in
 * {@code sklearn.metrics.roc_auc_score}). Each pixel is stored as one
 * {@code long} (its score's order-preserving bits and its region number),
 * 8 bytes a pixel, and sorted once: about 40 MB for 100 images of
 * 224 × 224.
 * </p>
 */
public final class PixelEvaluation {

	/** The false-positive rate up to which AUPRO is integrated. */
	public static final double AUPRO_FPR_LIMIT = 0.3;

	private long[] keys;
	private int size;
	private boolean sorted = true;
	private int[] regionSizes = new int[16];
	private int regions;
	private long defectFree;

	/** An empty evaluation. */
	public PixelEvaluation() {
		this(1 << 16);
	}

	/** An empty evaluation with room for {@code expectedPixels} pixels. */
	public PixelEvaluation(final int expectedPixels) {
		keys = new long[Math.max(16, expectedPixels)];
	}

	/**
	 * Adds one test image: its anomaly map and its ground truth (an empty
	 * mask for a defect-free image).
	 *
	 * @param map the anomaly scores, row-major, the mask's size
	 * @throws IllegalArgumentException if the sizes differ or a score is NaN
	 */
	public void add(final float[] map, final BinaryMask truth) {
		if (map.length != truth.pixels().length) throw new IllegalArgumentException(
			"The anomaly map has " + map.length + " pixels but its " + truth.width() +
				" × " + truth.height() + " ground truth has " + truth.pixels().length +
				"; resize one to the other first.");
		if (size + (long) map.length > Integer.MAX_VALUE - 8)
			throw new IllegalArgumentException("Too many pixels for one " +
				"evaluation; evaluate fewer or smaller maps.");
		for (int i = 0; i < map.length; i++)
			if (Float.isNaN(map[i])) throw new IllegalArgumentException(
				"Anomaly map pixel " + i + " is NaN.");
		final ConnectedRegions found = ConnectedRegions.of(truth);
		final int[] labels = found.labels();
		ensureCapacity(size + map.length);
		for (int i = 0; i < map.length; i++) {
			final int region = labels[i] == 0 ? 0 : regions + labels[i];
			keys[size++] = (long) orderedBits(map[i]) << 32 | region;
			if (region == 0) defectFree++;
		}
		for (int r = 1; r <= found.count(); r++) {
			if (regions == regionSizes.length) regionSizes = Arrays.copyOf(
				regionSizes, 2 * regions);
			regionSizes[regions++] = found.size(r);
		}
		sorted = false;
	}

	/** Number of pixels added. */
	public int pixels() {
		return size;
	}

	/** Number of connected defect regions added. */
	public int regions() {
		return regions;
	}

	/**
	 * Pixel AUROC: the share of (defect, defect-free) pixel pairs in which
	 * the defect pixel scores higher, ties counting one half.
	 *
	 * @throws IllegalStateException if no defect or no defect-free pixel was
	 *           added
	 */
	public double auroc() {
		requireBothKinds();
		sort();
		long twiceWins = 0;
		long below = 0;
		for (int i = 0; i < size;) {
			long defect = 0;
			long clean = 0;
			final int end = groupEnd(i);
			for (; i < end; i++)
				if (regionOf(keys[i]) == 0) clean++;
				else defect++;
			twiceWins += defect * (2 * below + clean);
			below += clean;
		}
		return twiceWins / (2.0 * (size - defectFree) * defectFree);
	}

	/** AUPRO up to a false-positive rate of {@value #AUPRO_FPR_LIMIT}. */
	public double aupro() {
		return aupro(AUPRO_FPR_LIMIT);
	}

	/**
	 * Area under the PRO curve up to false-positive rate {@code limit},
	 * divided by {@code limit} (1 for a perfect map).
	 *
	 * @param limit the integration limit, in (0, 1]
	 * @throws IllegalStateException if no defect or no defect-free pixel was
	 *           added
	 */
	public double aupro(final double limit) {
		if (!(limit > 0 && limit <= 1)) throw new IllegalArgumentException(
			"The AUPRO limit must lie in (0, 1], got " + limit + ".");
		requireBothKinds();
		sort();
		final Trapezoid area = new Trapezoid(limit);
		long falsePositives = 0;
		double overlap = 0;
		for (int i = size; i > 0 && !area.done();) {
			final int start = groupStart(i);
			for (int j = start; j < i; j++) {
				final int region = regionOf(keys[j]);
				if (region == 0) falsePositives++;
				else overlap += 1.0 / regionSizes[region - 1];
			}
			i = start;
			area.to(Math.min(1, (double) falsePositives / defectFree), Math.min(1,
				overlap / regions));
		}
		area.to(1, 1);
		return area.value() / limit;
	}

	private void requireBothKinds() {
		if (defectFree == 0 || defectFree == size) throw new IllegalStateException(
			"Pixel measures need defect and defect-free pixels; got " +
				(size - defectFree) + " defect and " + defectFree +
				" defect-free pixels.");
	}

	private void sort() {
		if (!sorted) Arrays.sort(keys, 0, size);
		sorted = true;
	}

	/** End (exclusive) of the run of equal scores starting at {@code i}. */
	private int groupEnd(int i) {
		final long score = keys[i] >> 32;
		while (i < size && keys[i] >> 32 == score)
			i++;
		return i;
	}

	/** Start of the run of equal scores ending (exclusive) at {@code end}. */
	private int groupStart(int end) {
		final long score = keys[end - 1] >> 32;
		while (end > 0 && keys[end - 1] >> 32 == score)
			end--;
		return end;
	}

	private static int regionOf(final long key) {
		return (int) key;
	}

	/**
	 * The bits of {@code v} as an int that sorts like the float; −0 and +0
	 * map to the same value, as they compare equal.
	 */
	static int orderedBits(final float v) {
		final int bits = Float.floatToIntBits(v == 0 ? 0f : v);
		return bits ^ ((bits >> 31) & 0x7fffffff);
	}

	private void ensureCapacity(final int needed) {
		if (needed > keys.length) keys = Arrays.copyOf(keys, (int) Math.min(
			Integer.MAX_VALUE - 8, Math.max(needed, 2L * keys.length)));
	}
}
