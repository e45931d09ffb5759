package io.github.tailedcore.preprocess;

import io.github.tailedcore.image.RasterImage;
import io.github.tailedcore.image.ValueRange;

import java.util.Locale;

/**
 * How an image becomes the backbone's inputs: the {@link Channels} that feed
 * it, their {@link Intensity} scaling, the {@link Framing} (the paper's
 * centre crop, the full frame, or tiles at a scale) and the overlap of
 * tiles. Recorded in the model file, so
 * that scoring always prepares images as the fit did; model files written
 * before it existed read as {@link #paper()}.
 *
 * @param framing crop, full or tiles
 * @param scale for tiles: image pixels become {@code scale} input pixels
 *          (1 = the image's own resolution); images smaller than one tile
 *          at that scale are enlarged to one tile on their shorter side
 * @param overlap for tiles: least overlap of neighbouring tiles, in input
 *          pixels (also the ramp of the blend, {@link TileBlend})
 * @param intensity how grey values are stretched
 * @param channels which channels feed the backbone; model files written
 *          before it was recorded read as {@link Channels#auto()}
 */
public record Preprocessing(Framing framing, double scale, int overlap,
	Intensity intensity, Channels channels)
{

	/**
	 * The framing a new model gets unless told otherwise: the full frame.
	 * Measured on two protocols ({@code benchmarks/framing/}), neither framing
	 * wins on both, and the numbers lean to the crop: each industrial class
	 * fitted alone, they tie on average (the crop ahead on tire and PCB, whose
	 * images centre the product and whose view it enlarges 14 %, the full
	 * frame on polycrystalline cells and magnetic tiles); on the long-tail mix
	 * (tail kinds of 1–5 images) the crop is about 5 points ahead, on a kind
	 * of a single image whose specimens vary at the border and on magnetic
	 * tiles of 30 images, with enough test images also on defects that reach
	 * into the cut frame (it sees their part inside its view). The full frame
	 * is the default for what these data do not measure: the crop's loss is
	 * silent and total (a defect wholly in the cut 12.5 % frame is never seen,
	 * and the map is blank there), the full frame's a few points with every
	 * pixel analysed; and Fiji users image specimens, with no margin known to
	 * be empty. Centred products, and mixes with kinds of very few images whose
	 * defects stay inside, may choose {@link Framing#CROP}; resolution is
	 * better bought with {@link Framing#TILES}.
	 */
	public static final Framing DEFAULT_FRAMING = Framing.FULL;
	/** Tiles at the image's own resolution. */
	public static final double DEFAULT_SCALE = 1;
	/**
	 * Least tile overlap: 32 px of 224 (4 feature cells) keeps the tile
	 * edges, where convolutions saw zero padding, out of the blend's
	 * interior at 17 % more tiles per axis.
	 */
	public static final int DEFAULT_OVERLAP = 32;
	/** The stretch a new model gets unless told otherwise. */
	public static final Intensity.Mode DEFAULT_INTENSITY =
		Intensity.Mode.TRAINING_RANGE;
	/** Largest scale accepted. */
	public static final double MAX_SCALE = 8;

	/** @throws IllegalArgumentException if a value is out of range */
	public Preprocessing {
		if (framing == null || intensity == null || channels == null)
			throw new IllegalArgumentException(
				"Preprocessing needs a framing, an intensity scaling and channels.");
		if (!(scale > 0 && scale <= MAX_SCALE)) throw new IllegalArgumentException(
			"The tile scale must be above 0 and at most " + MAX_SCALE + ", got " +
				scale + ".");
		if (overlap < 0) throw new IllegalArgumentException(
			"The tile overlap must be 0 or more pixels, got " + overlap + ".");
	}

	/** These settings with every channel of images of up to three. */
	public Preprocessing(final Framing framing, final double scale,
		final int overlap, final Intensity intensity)
	{
		this(framing, scale, overlap, intensity, Channels.auto());
	}

	/** The paper's: resize 256, centre crop 224, values by bit depth. */
	public static Preprocessing paper() {
		return new Preprocessing(Framing.CROP, DEFAULT_SCALE, DEFAULT_OVERLAP,
			Intensity.bitDepth());
	}

	/** The plugin's defaults: full frame, training range. */
	public static Preprocessing defaults() {
		return of(DEFAULT_FRAMING);
	}

	/** A framing with the default scale, overlap and intensity scaling. */
	public static Preprocessing of(final Framing framing) {
		return new Preprocessing(framing, DEFAULT_SCALE, DEFAULT_OVERLAP,
			Intensity.of(DEFAULT_INTENSITY));
	}

	/** These settings with another intensity scaling. */
	public Preprocessing with(final Intensity scaling) {
		return new Preprocessing(framing, scale, overlap, scaling, channels);
	}

	/** These settings with other channels. */
	public Preprocessing with(final Channels chosen) {
		return new Preprocessing(framing, scale, overlap, intensity, chosen);
	}

	/**
	 * These settings with the training range read from the histogram of the
	 * training pixels, if the intensity scaling needs it.
	 */
	public Preprocessing fittedTo(final IntensityHistogram training) {
		return intensity.needsTraining() ? with(intensity.fittedTo(training))
			: this;
	}

	/**
	 * Why an image cannot be prepared so, or {@code null} if it can: a
	 * channel it lacks ({@link Channels#problem}), values its intensity
	 * scaling cannot read ({@link Intensity#problem}).
	 */
	public String problem(final RasterImage image) {
		final String missing = channels.problem(image.channels());
		return missing != null ? missing : intensity.problem(ValueRange.of(
			image));
	}

	@Override
	public String toString() {
		final String f = framing == Framing.TILES ? String.format(Locale.ROOT,
			"tiles at scale %g (overlap %d px)", scale, overlap) : framing.label();
		return f + ", intensity " + intensity + (channels.isAuto() ? ""
			: ", channels " + channels);
	}
}
