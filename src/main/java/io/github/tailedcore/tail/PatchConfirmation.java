package io.github.tailedcore.tail;

import io.github.tailedcore.noise.NoiseFilterResult;

import java.util.Arrays;
import java.util.Locale;

/**
 * The check on patches of the {@linkplain TailEstimation#ROBUST robust} tail
 * estimate, after {@link HeadSeparation}: a tail image must be a rare kind
 * patch by patch, not only as a whole. It stays tail if most of its patches,
 * at least {@value #MIN_OUTLIER_SHARE} of them, are outliers at their
 * locations, LOF &gt; {@value #OUTLIER_LOF} among the training images' patches
 * there (the head's {@link io.github.tailedcore.noise.LofNoiseFilter}
 * scores; 1.5 is scikit-learn's {@code contamination='auto'} offset);
 * otherwise it returns to the head.
 * <p>
 * The tail branch exists to keep a rare kind that the head's noise filter
 * takes for noise: every patch of such an image is unlike the patches at its
 * location. An image that is isolated as a whole but whose patches are
 * mostly ordinary is an outlying image of a common kind (a defective one, or
 * one of a few odd ones of a single product kind) or a kind that resembles
 * the others patch by patch. Its ordinary patches already reach the memory
 * through the head coreset, since the adaptive noise threshold keeps them;
 * as a tail image it would add only its 47 rotated and flipped views, which
 * show patterns no training image of an oriented product has, and, if it is
 * defective, its defect with them.
 * </p>
 * <p>
 * Measured on the industrial set (MobileNetV2, full frame, the adaptive
 * noise threshold): the images that {@link HeadSeparation} takes as tail
 * when one class is fitted alone (each of the five, clean and with 10 %
 * defective images: 0–18 per set, defective ones among them) have at most
 * 35 % of their patches above LOF 1.5; the tail images of the long-tail
 * splits whose kind the noise filter sees (PCB, magnetic tile, solar cells
 * among other kinds) 48–98 %, and those whose kind resembles the head
 * patch by patch 0.5–44 %, of which the head filter drops at most 5.4 %
 * (see {@code benchmarks/single-class/README.md}).
 * </p>
 */
public final class PatchConfirmation {

	/** The LOF above which a patch is an outlier at its location. */
	public static final double OUTLIER_LOF = 1.5;

	/** The share of its patches that must be outliers for a tail image. */
	public static final double MIN_OUTLIER_SHARE = 0.5;

	private PatchConfirmation() {}

	/**
	 * The tail images of {@code tail} that are rare patch by patch, and the
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
		final int[] confirmed = Arrays.stream(taken).filter(
			i -> outlierShare(filter, i, locations) >= MIN_OUTLIER_SHARE).toArray();
		if (confirmed.length == taken.length) return tail;
		return tail.withTail(confirmed, String.format(Locale.ROOT,
			"%d of %d tail images have mostly ordinary patches (fewer than %.0f %% " +
				"of them are outliers at their locations, LOF > %.1f): outlying " +
				"images of a common kind (perhaps defective) rather than a rare " +
				"kind; they stay in the head branch, where their patches already " +
				"are, without rotated and flipped views.", taken.length -
					confirmed.length, taken.length, 100 * MIN_OUTLIER_SHARE,
			OUTLIER_LOF));
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
