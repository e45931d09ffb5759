package io.github.tailedcore.preprocess;

import io.github.tailedcore.Labelled;
import io.github.tailedcore.image.DisplayRange;
import io.github.tailedcore.image.RasterImage;
import io.github.tailedcore.image.ValueRange;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * How grey values reach the backbone's 0–255 input scale. The readers put
 * integer images on that scale by their bit depth ({@code v · 255 /
 * (2^bits − 1)}; a 12-bit camera image stored in 16 bits then spans 0–16)
 * and keep 32-bit images' own values, which have no bit depth (0–1,
 * negative, thousands: {@link RasterImage#floatingPoint()}); this stretches
 * a range {@code [low, high]} of them linearly to 0–255, clipping outside:
 * <ul>
 * <li>{@link Mode#BIT_DEPTH}: no stretch, the paper's behaviour; 32-bit
 * images must be on the 0–255 scale, as ImageJ keeps 8-bit values when it
 * converts them to 32 bits ({@link #problem});</li>
 * <li>{@link Mode#TRAINING_RANGE}: {@code low} and {@code high} are the
 * {@value #TRAINING_LOW_PERCENT} and {@value #TRAINING_HIGH_PERCENT}
 * percentiles of all training pixels, measured once by the fit and recorded
 * in the model, so every image scored is stretched alike and an image that
 * is too bright or too dark stays visible as such. The range is of 32-bit
 * values as they are when every training image is 32-bit
 * ({@link #floatingPoint()}), else on the 0–255 scale, which 32-bit images
 * among the training images and those scored must then be on too;</li>
 * <li>{@link Mode#PERCENTILES}: each image is stretched between its own
 * {@code low} and {@code high} percentiles; robust to exposure drift
 * between sessions, blind to global brightness defects.</li>
 * <li>{@link Mode#DISPLAY_RANGE}: each channel is stretched between the
 * display range it was shown with ({@link DisplayRange}: Fiji's minimum and
 * maximum of the image, or of each channel of a composite; for a file, the
 * range ImageJ saved in it); the model sees what the scientist saw. A file
 * saved without one (no ImageJ metadata) opens in ImageJ with its own
 * minimum to maximum, and so does every image read without ImageJ here:
 * then this is a per-image min–max stretch.</li>
 * </ul>
 * NaN pixels (32-bit data often marks background or masked pixels so) are
 * left out of every range measured and become 0, black, as in ImageJ's
 * conversion to 8 bits; infinite ones (a ratio's division by zero) are left
 * out of the ranges and clipped, +∞ to 255 and −∞ to 0.
 *
 * @param mode which stretch
 * @param low lower bound (training range) or lower percentile
 *          (percentiles); NaN for a training range not yet measured; 0 for
 *          bit depth and display range
 * @param high upper bound or upper percentile; 255 for bit depth and
 *          display range
 * @param floatingPoint for a training range: whether it is of 32-bit values
 *          as they are (every training image was 32-bit), not on the 0–255
 *          scale; false for the other modes
 */
public record Intensity(Mode mode, double low, double high,
	boolean floatingPoint)
{

	/** Percentile of the training pixels that becomes 0. */
	public static final double TRAINING_LOW_PERCENT = 0.1;
	/** Percentile of the training pixels that becomes 255. */
	public static final double TRAINING_HIGH_PERCENT = 99.9;
	/** Default percentiles of {@link Mode#PERCENTILES}. */
	public static final double DEFAULT_LOW_PERCENT = 0.5;
	public static final double DEFAULT_HIGH_PERCENT = 99.5;

	/** The kinds of stretch. */
	public enum Mode implements Labelled {
			BIT_DEPTH("bit-depth"), TRAINING_RANGE("training-range"), PERCENTILES(
				"percentiles"), DISPLAY_RANGE("display-range");

		private final String label;

		Mode(final String label) {
			this.label = label;
		}

		/** The name users type. */
		@Override
		public String label() {
			return label;
		}

		/** Parses {@link #label()} (case-insensitive). */
		public static Mode parse(final String name) {
			return Labelled.parse(values(), name, "intensity scaling",
				"training-range, bit-depth, percentiles or display-range");
		}
	}

	/** @throws IllegalArgumentException if the bounds do not fit the mode */
	public Intensity {
		if (mode == null) throw new IllegalArgumentException(
			"Name an intensity scaling.");
		if (mode == Mode.PERCENTILES && !(low >= 0 && low < high && high <= 100))
			throw new IllegalArgumentException("Percentiles need 0 ≤ low < high ≤ " +
				"100, got " + low + " and " + high + ".");
		if (mode == Mode.TRAINING_RANGE && !(Double.isNaN(low) && Double.isNaN(
			high)) && !(low < high && Double.isFinite(low) && Double.isFinite(high)))
			throw new IllegalArgumentException("A training range needs low < high, " +
				"got " + low + " and " + high + ".");
		if (floatingPoint && mode != Mode.TRAINING_RANGE)
			throw new IllegalArgumentException("Only a training range is of " +
				"32-bit values as they are.");
	}

	/** A scaling whose training range, if any, is on the 0–255 scale. */
	public Intensity(final Mode mode, final double low, final double high) {
		this(mode, low, high, false);
	}

	/** The paper's: values as the reader scaled them by bit depth. */
	public static Intensity bitDepth() {
		return new Intensity(Mode.BIT_DEPTH, 0, 255);
	}

	/** The training images' range, to be measured by the fit. */
	public static Intensity trainingRange() {
		return new Intensity(Mode.TRAINING_RANGE, Double.NaN, Double.NaN);
	}

	/** Each image between its own default percentiles. */
	public static Intensity percentiles() {
		return new Intensity(Mode.PERCENTILES, DEFAULT_LOW_PERCENT,
			DEFAULT_HIGH_PERCENT);
	}

	/** Each channel between its display range. */
	public static Intensity displayRange() {
		return new Intensity(Mode.DISPLAY_RANGE, 0, 255);
	}

	/** The default mode with its default bounds. */
	public static Intensity of(final Mode mode) {
		return switch (mode) {
			case BIT_DEPTH -> bitDepth();
			case TRAINING_RANGE -> trainingRange();
			case PERCENTILES -> percentiles();
			case DISPLAY_RANGE -> displayRange();
		};
	}

	/** Whether a fit must still measure the training range. */
	public boolean needsTraining() {
		return mode == Mode.TRAINING_RANGE && Double.isNaN(low);
	}

	/**
	 * This scaling as it will read training images that are all 32-bit
	 * ({@code allFloatingPoint}) or not: a training range still to be
	 * measured is then of 32-bit values, or on the 0–255 scale; other
	 * scalings are returned as they are.
	 */
	public Intensity forTraining(final boolean allFloatingPoint) {
		return needsTraining() ? new Intensity(mode, low, high, allFloatingPoint)
			: this;
	}

	/**
	 * This scaling with the training range read from the histogram of all
	 * training pixels, of 32-bit values if they all were, or this one if
	 * there is nothing to measure.
	 */
	public Intensity fittedTo(final IntensityHistogram h) {
		if (!needsTraining()) return this;
		final double lo = h.percentile(TRAINING_LOW_PERCENT);
		final double hi = h.percentile(TRAINING_HIGH_PERCENT);
		return new Intensity(mode, lo, hi > lo ? hi : lo + 1, h.floatingPoint());
	}

	/**
	 * Why this scaling cannot read an image with these values, or
	 * {@code null} if it can: for {@link Mode#BIT_DEPTH}, a 32-bit image off
	 * the 0–255 scale ({@link ValueRange#onScale255()}: below 0, above 255,
	 * or 0–1 data, which would look black); for a training range on the
	 * 0–255 scale the same; for a training range of 32-bit values, an image
	 * that is not 32-bit. An image without finite values is left to
	 * {@link io.github.tailedcore.image.ImageRequirements} (blank).
	 */
	public String problem(final ValueRange values) {
		if (mode == Mode.PERCENTILES || mode == Mode.DISPLAY_RANGE || !values
			.hasFinite()) return null;
		if (floatingPoint) return values.floatingPoint() ? null
			: "it is not 32-bit, but the model's training range is of 32-bit " +
				"values (its training images were 32-bit); convert it to 32-bit " +
				"as they were made (Image › Type › 32-bit, and the same scaling), " +
				"or fit a model on images like it";
		if (values.onScale255()) return null;
		final String off = "it is 32-bit with " + values;
		return mode == Mode.BIT_DEPTH ? off + ", but intensity=bit-depth reads " +
			"32-bit images on the 0–255 scale of 8-bit images; choose " +
			"intensity=training-range (the default) or percentiles, or scale it " +
			"to 0–255 first (Process › Math › Multiply...)"
			: off + ", but not all training images are 32-bit, so the training " +
				"range is on the 0–255 scale of 8-bit images, where 32-bit images " +
				"must lie too; convert it to the type of the others (Image › Type), " +
				"or fit on 32-bit images only, or choose intensity=percentiles";
	}

	/**
	 * The image stretched as this scaling says (the same image for
	 * {@link Mode#BIT_DEPTH} unless it is 32-bit, whose NaN pixels become 0).
	 *
	 * @throws IllegalStateException for a training range not yet measured
	 * @throws IllegalArgumentException if this scaling cannot read the image
	 *           ({@link #problem})
	 */
	public RasterImage apply(final RasterImage image) {
		if (needsTraining()) throw new IllegalStateException(
			"The training range has not been measured; fit first.");
		final String problem = problem(ValueRange.of(image));
		if (problem != null) throw new IllegalArgumentException("The image " +
			problem.substring("it ".length()) + ".");
		return switch (mode) {
			case BIT_DEPTH -> image.floatingPoint() ? stretch(image, 0, 255)
				: image;
			case TRAINING_RANGE -> stretch(image, low, high);
			case PERCENTILES -> {
				final IntensityHistogram h = new IntensityHistogram();
				h.add(image);
				final double lo = h.percentile(low);
				final double hi = h.percentile(high);
				yield stretch(image, lo, hi > lo ? hi : lo + 1);
			}
			case DISPLAY_RANGE -> stretch(image, IntStream.range(0, image
				.channels()).mapToObj(c -> displayRange(image, c)).toArray(
					DisplayRange[]::new));
		};
	}

	/**
	 * The display range of channel {@code c}: the image's, or else the
	 * channel's own minimum to maximum of its finite values (ImageJ's
	 * automatic range).
	 */
	static DisplayRange displayRange(final RasterImage image, final int c) {
		final DisplayRange shown = image.displayRange(c);
		if (shown != null) return shown;
		final ValueRange range = ValueRange.of(image.channels(c));
		if (!range.hasFinite()) return new DisplayRange(0, 255);
		return new DisplayRange(range.min(), range.max() > range.min() ? range
			.max() : range.min() + 1);
	}

	/** Maps [lo, hi] linearly to [0, 255], clipping outside. */
	static RasterImage stretch(final RasterImage image, final double lo,
		final double hi)
	{
		final DisplayRange[] ranges = new DisplayRange[image.channels()];
		Arrays.fill(ranges, new DisplayRange(lo, hi));
		return stretch(image, ranges);
	}

	/**
	 * Maps each channel's range linearly to [0, 255], clipping outside; NaN
	 * becomes 0.
	 */
	private static RasterImage stretch(final RasterImage image,
		final DisplayRange[] ranges)
	{
		final float[][] out = new float[image.channels()][];
		for (int c = 0; c < out.length; c++) {
			final double lo = ranges[c].min();
			final double scale = 255 / (ranges[c].max() - lo);
			final float[] in = image.plane(c);
			final float[] o = out[c] = new float[in.length];
			for (int i = 0; i < in.length; i++)
				o[i] = Float.isNaN(in[i]) ? 0 : (float) Math.min(255, Math.max(0,
					(in[i] - lo) * scale));
		}
		return new RasterImage(image.width(), image.height(), out);
	}

	@Override
	public String toString() {
		return switch (mode) {
			case BIT_DEPTH, DISPLAY_RANGE -> mode.label();
			case TRAINING_RANGE -> needsTraining() ? mode.label() : String.format(
				Locale.ROOT, "%s [%.4g, %.4g]%s", mode.label(), low, high,
				floatingPoint ? " of 32-bit values" : "");
			case PERCENTILES -> String.format(Locale.ROOT, "%s [%g, %g]", mode
				.label(), low, high);
		};
	}
}
