package io.github.tailedcore.tail;

import io.github.tailedcore.noise.NoiseFilterResult;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The check on patches of the {@linkplain TailEstimation#ROBUST robust} tail
 * estimate, after {@link HeadSeparation}: a tail image that looks like a
 * defective image of a common kind returns to the head. It does if both
 * <ul>
 * <li>its patches are mostly ordinary: fewer than {@value #MIN_OUTLIER_SHARE}
 * of them are outliers at their locations, LOF &gt; {@value #OUTLIER_LOF}
 * among the training images' patches there (the head's
 * {@link io.github.tailedcore.noise.LofNoiseFilter} scores; 1.5 is
 * scikit-learn's {@code contamination='auto'} offset), so it is no rare kind
 * that the noise filter would take for noise; and</li>
 * <li>it has more strongly outlying patches, dropped by the head's noise
 * filter, than {@value #ORDINARY_QUANTILE} of the head images have (the
 * {@value #ORDINARY_QUANTILE}-quantile of their dropped shares): a defect
 * at a few places.</li>
 * </ul>
 * <p>
 * The tail branch would put such an image's defect into the memory with 47
 * rotated and flipped copies of it (spec §5.7); its ordinary patches reach
 * the memory through the head coreset anyway, since the adaptive noise
 * threshold keeps them. A tail image that is ordinary patch by patch and
 * has no more outlying spots than ordinary head images stays tail: its views
 * add rotated copies of normal structure, which on a kind with parts in all
 * orientations (PCB) was measured to help.
 * </p>
 * <p>
 * Measured on the industrial set (MobileNetV2, full frame, the adaptive
 * noise threshold; {@code benchmarks/tail-estimate/DESIGN.md}): every
 * defective image that {@link HeadSeparation} takes as tail when one class is
 * fitted with 10 % defective images has at most 30 % of its patches above
 * LOF 1.5 and a dropped share (0.008–0.21) above its class's
 * {@value #ORDINARY_QUANTILE}-quantile (0–0.001); the tail images of the
 * long-tail splits have 48–98 % of their patches above LOF 1.5 or a dropped
 * share at most their head's quantile, but for one tire singleton.
 * </p>
 */
public final class PatchConfirmation {

	/** The LOF above which a patch is an outlier at its location. */
	public static final double OUTLIER_LOF = 1.5;

	/** The share of its patches that are outliers in a rare kind. */
	public static final double MIN_OUTLIER_SHARE = 0.5;

	/** The quantile of the head images' dropped shares that is ordinary. */
	public static final double ORDINARY_QUANTILE = 0.9;

	private PatchConfirmation() {}

	/**
	 * The tail images of {@code tail} that do not look defective, and the
	 * estimate with a note on those returned to the head.
	 *
	 * @param tail the tail estimate for the N training images
	 * @param filter the head's noise filter result on their patches
	 * @param locations L, patches per image
	 */
	public static TailEstimate confirm(final TailEstimate tail,
		final NoiseFilterResult filter, final int locations)
	{
		final int[] taken = tail.tailIndices();
		if (taken.length == 0) return tail;
		final double[] headDropped = IntStream.range(0, tail.imageCount())
			.filter(i -> !tail.isTail(i)).mapToDouble(i -> TailNoiseFilter
				.droppedShare(filter, i, locations)).sorted().toArray();
		final double ordinary = headDropped.length == 0 ? 0 : headDropped[(int) Math
			.ceil(ORDINARY_QUANTILE * headDropped.length) - 1];
		final int[] kept = Arrays.stream(taken).filter(i -> outlierShare(filter,
			i, locations) >= MIN_OUTLIER_SHARE || TailNoiseFilter.droppedShare(
				filter, i, locations) <= ordinary).toArray();
		if (kept.length == taken.length) return tail;
		return tail.withTail(kept, String.format(Locale.ROOT,
			"%d of %d tail images look like defective images of a common kind: " +
				"their patches are mostly ordinary (fewer than %.0f %% are outliers " +
				"at their locations, LOF > %.1f), but more of them are strongly " +
				"outlying (dropped by the noise filter) than in %.0f %% of the head " +
				"images; they stay in the head branch, without rotated and flipped " +
				"views of their defect.", taken.length - kept.length, taken.length,
			100 * MIN_OUTLIER_SHARE, OUTLIER_LOF, 100 * ORDINARY_QUANTILE));
	}

	/** The share of image i's L patches with LOF above {@value #OUTLIER_LOF}. */
	public static double outlierShare(final NoiseFilterResult filter,
		final int image, final int locations)
	{
		int outliers = 0;
		for (int p = 0; p < locations; p++)
			if (filter.score((long) image * locations + p) > OUTLIER_LOF) outliers++;
		return (double) outliers / locations;
	}
}
