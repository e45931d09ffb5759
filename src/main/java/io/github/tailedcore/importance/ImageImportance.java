package io.github.tailedcore.importance;

import io.github.tailedcore.Progress;
import io.github.tailedcore.feature.ImagePatches;
import io.github.tailedcore.memory.MemoryBank;
import io.github.tailedcore.preprocess.TileOwners;
import io.github.tailedcore.threshold.LeaveOneOutThreshold;

import java.util.stream.IntStream;

/**
 * The importance of each training image i: its leave-one-image-out score
 * s<sub>i</sub> against a fitted memory and its weight w<sub>i</sub>
 * ({@link ImportanceWeights}), and how a fit uses w.
 * <p>
 * s<sub>i</sub> is the mean over the patches of image i of their squared
 * distance to the nearest memory vector, with the vectors that came from
 * image i left out ({@link LeaveOneOutThreshold#meanPatchScores}), so an
 * image whose appearance no other image shares scores high. The mean, not
 * the max that detection uses, is taken so that a small defect in a noisy
 * training image does not make the image look like a rare normal variant.
 * Every training image is scored, which costs about as much as scoring N
 * test images against the memory.
 * </p>
 * <p>
 * A tiled fit weighs its units, the tiles, as it samples them (TailSampler
 * works per tile too): s<sub>u</sub> of tile u is the mean over its patches
 * with the vectors of its whole image left out ({@link TileOwners}), since
 * the overlapping tiles of the same image show the same pixels and would make
 * every tile look common; an untiled fit's units are its images.
 * </p>
 * <p>
 * Weights act per image (per unit): every patch of image i, and of its augmented views,
 * has weight w<sub>i</sub> in the weighted coreset. Per-patch weights from
 * the patch scores were not chosen because an image's patches are scored
 * against the same memory, and the weight is meant to say how
 * under-represented the image (the normal variant it shows) is, not which of
 * its patches are unusual (those may be defects of a noisy training image).
 * At test time ({@link ImportanceWeighting#CORESET_AND_SCORE}) a memory
 * vector from image i multiplies the nearest-neighbour distance by
 * min(1, 1 / w<sub>i</sub>): matches to rare normal variants, whose own
 * scores are high even when normal, are damped, and no score is raised.
 * </p>
 */
public final class ImageImportance {

	private final double[] scores;
	private final double[] weights;

	/**
	 * @param scores s<sub>i</sub> per training image
	 * @param weights w<sub>i</sub> per training image, positive
	 */
	public ImageImportance(final double[] scores, final double[] weights) {
		if (scores.length != weights.length) throw new IllegalArgumentException(
			"Need one weight per score: " + weights.length + " weights for " +
				scores.length + " scores.");
		this.scores = scores.clone();
		this.weights = weights.clone();
	}

	/**
	 * Scores every unit of the fit against {@code memory} with its image's
	 * vectors left out, and weighs the scores.
	 *
	 * @param memory a fitted memory M
	 * @param origins for each row of M, the unit (image or tile) it came from
	 * @param features the training features {@code origins} refers to
	 * @param tiles the image of each unit ({@link TileOwners#untiled} when
	 *          units are images)
	 * @throws IllegalArgumentException if one image holds every vector of M,
	 *           so that it cannot be left out
	 */
	public static ImageImportance estimate(final MemoryBank memory,
		final int[] origins, final ImagePatches features, final TileOwners tiles,
		final ImportanceWeights weighting, final Progress progress)
	{
		final int[] images = tiles.owners(origins);
		if (IntStream.of(images).allMatch(o -> o == images[0]))
			throw new IllegalArgumentException("Importance weighting needs memory " +
				"vectors from at least two training images, but all come from image " +
				images[0] + "; fit on more images or turn the weighting off.");
		final double[] s = LeaveOneOutThreshold.meanPatchScores(memory, origins,
			features, tiles, progress);
		return new ImageImportance(s, weighting.weights(s));
	}

	/** s<sub>i</sub> per training image. */
	public double[] scores() {
		return scores.clone();
	}

	/** w<sub>i</sub> per training image. */
	public double[] weights() {
		return weights.clone();
	}

	/**
	 * The weights of the images of a pool whose image p shows training image
	 * {@code origins[p]} (itself or an augmented view of it).
	 */
	public double[] weightsOf(final int[] origins) {
		final double[] w = new double[origins.length];
		for (int p = 0; p < origins.length; p++)
			w[p] = weights[origins[p]];
		return w;
	}

	/**
	 * The score weight of each memory vector, min(1, 1 / w<sub>o</sub>) for
	 * its origin image o, times its existing weight (SoftPatch's LOF score)
	 * if there is one.
	 *
	 * @param origins for each memory vector, its training image
	 * @param base the existing weights, or {@code null} for 1
	 */
	public float[] scoreWeights(final int[] origins, final float[] base) {
		final float[] out = new float[origins.length];
		for (int r = 0; r < origins.length; r++)
			out[r] = (float) (Math.min(1, 1 / weights[origins[r]]) * (base == null
				? 1 : base[r]));
		return out;
	}
}
