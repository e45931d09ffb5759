package io.github.tailedcore.tail;

import io.github.tailedcore.noise.NoiseFilterResult;

import java.util.stream.IntStream;

/**
 * The second check of the {@linkplain TailEstimation#ROBUST robust} tail
 * estimate, on patches: a tail image must be one that the head's noise
 * filter would remove for the most part, i.e. at least
 * {@value #MIN_DROPPED_SHARE} of its L patches score above τ
 * ({@link io.github.tailedcore.noise.LofNoiseFilter}).
 * <p>
 * The tail branch exists because the noise filter takes a rare kind for
 * noise: every patch of an image unlike all others is an outlier at its
 * location, so the head branch loses the image. A common-kind image with a
 * defect loses only its defect patches, and the rest of it is already in the
 * head's pool; taken as tail, it would bring its defect into the memory
 * unfiltered (the paper's §6.3.4 failure). An image whose patches the filter
 * mostly keeps is therefore left to the head branch: nothing of it is lost,
 * and its outlying patches stay filtered.
 * </p>
 * <p>
 * Measured on 15 long-tail splits of the industrial set (30 training images
 * per class, MobileNetV2): the share of dropped patches is at most 0.26–0.31
 * for 90 % of the clean head images and 0.21–0.53 for 90 % of the defective
 * ones (median 0.03–0.23); the images of a tail kind that the filter removes
 * (PCB) lose 0.55–1.0. A tail kind whose patches the filter keeps (magnetic
 * tile, median 0.02) is covered by the head's memory and needs no rescue.
 * </p>
 * <p>
 * If the filter dropped nothing (drop fraction 0), there is nothing to
 * rescue from and no evidence either; the tail is then kept as it is.
 * </p>
 */
public final class NoiseFilterConfirmation {

	/** The share of its patches the filter must drop for a tail image. */
	public static final double MIN_DROPPED_SHARE = 0.5;

	private NoiseFilterConfirmation() {}

	/**
	 * The tail images of which the filter dropped at least
	 * {@value #MIN_DROPPED_SHARE} of the patches.
	 *
	 * @param tail image indices, ascending
	 * @param filter the head branch's noise filter over all N training images
	 * @param locations L, patches per image
	 * @return the confirmed images, ascending; {@code tail} itself if the
	 *         filter dropped nothing
	 */
	public static int[] confirmed(final int[] tail,
		final NoiseFilterResult filter, final int locations)
	{
		if (filter.droppedCount() == 0) return tail.clone();
		return IntStream.of(tail).filter(i -> droppedShare(filter, i,
			locations) >= MIN_DROPPED_SHARE).toArray();
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
