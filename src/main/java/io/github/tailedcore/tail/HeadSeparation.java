package io.github.tailedcore.tail;

import io.github.tailedcore.Progress;
import io.github.tailedcore.linalg.FeatureMatrix;

import java.util.stream.IntStream;

/**
 * The first check of the {@linkplain TailEstimation#ROBUST robust} tail
 * estimate: a tail candidate must lie apart from the head at the head's own
 * scale. With angles θ = arccos S, for candidate i let o be its nearest
 * non-candidate image and r(o) the angle from o to o's own nearest other
 * image; i stays a candidate if
 * <pre>
 * θ(i, o) &gt; λ · r(o),   λ = {@value #RATIO}.
 * </pre>
 * <p>
 * The paper's κ takes as tail every image whose half-angle region is almost
 * empty. That is true of a rare kind, but also of the images of a diverse
 * kind (each PCB image gets κ = 1 among other products) and of every image
 * of a tight kind fitted alone. Those lie at the spacing of their own kind
 * from the nearest head image (the ratio is about 1); a rare kind lies far
 * outside it. Measured on the industrial set (MobileNetV2 embeddings, each
 * class against the others): a clean image's nearest-neighbour angle is
 * 1.2–1.4 times its neighbour's at the 90th percentile (2.3 at most); a
 * single image of one class among the others lies 1.3–4 times its nearest
 * image's spacing away (median 2.0–3.8); a defective image lies 1.1–4.2
 * times away (median 1.1–1.7). λ = 2 keeps most rare images and drops most
 * outlying ones; {@link PatchConfirmation} then returns those that look
 * defective on their patches, and the {@link TailNoiseFilter} leaves the
 * defects of what remains out of the tail branch.
 * </p>
 * <p>
 * r(o) is at least {@value #MIN_SPACING} rad, the resolution of float
 * similarities near 1, so that a head kind of identical images still has a
 * spacing. (A head image with a duplicate therefore makes its neighbourhood
 * look dense, and a candidate near it stays; the confirmation on patches
 * then decides.) If every image is a candidate there is no head to be apart
 * from: the images hold no class structure, and none stays.
 * </p>
 */
public final class HeadSeparation {

	/** λ: how many times the head's own spacing a tail image lies away. */
	public static final double RATIO = 2;

	/** The smallest spacing r(o), in radians. */
	public static final double MIN_SPACING = 1e-3;

	private static final int BLOCK = 32;

	private HeadSeparation() {}

	/**
	 * The candidates that are separated from the head.
	 *
	 * @param similarities the N × N matrix S of {@link CosineSimilarity}
	 * @param candidates image indices, ascending
	 * @param progress checked for cancellation
	 * @return the separated candidates, ascending; empty if every image is a
	 *         candidate
	 */
	public static int[] separated(final FeatureMatrix similarities,
		final int[] candidates, final Progress progress)
	{
		final int n = similarities.rows();
		final boolean[] candidate = new boolean[n];
		for (final int i : candidates)
			candidate[i] = true;
		if (candidates.length == n) return new int[0];
		final double[] spacing = new double[n];
		RowBlocks.forEach(n, BLOCK, progress, (start, end) -> {
			for (int o = start; o < end; o++)
				if (!candidate[o]) spacing[o] = nearestAngle(similarities, o);
		});
		return IntStream.of(candidates).filter(i -> {
			int nearest = -1;
			for (int o = 0; o < n; o++)
				if (!candidate[o] && (nearest < 0 || similarities.get(i, o) >
					similarities.get(i, nearest))) nearest = o;
			return angle(similarities.get(i, nearest)) > RATIO * spacing[nearest];
		}).toArray();
	}

	/**
	 * r(o): the angle from image o to its nearest other image, at least
	 * {@value #MIN_SPACING}.
	 */
	static double nearestAngle(final FeatureMatrix similarities, final int o) {
		float best = Float.NEGATIVE_INFINITY;
		for (int j = 0; j < similarities.cols(); j++)
			if (j != o) best = Math.max(best, similarities.get(o, j));
		return Math.max(MIN_SPACING, angle(best));
	}

	/** arccos of a cosine similarity, clamped to [−1, 1]. */
	static double angle(final float similarity) {
		return Math.acos(Math.max(-1, Math.min(1, similarity)));
	}
}
