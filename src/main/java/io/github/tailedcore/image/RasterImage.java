package io.github.tailedcore.image;

/**
 * A 2D image as the detector sees it: {@code width × height} pixels of 1
 * (grey), 3 (red, green, blue) or any other number of channels (a
 * multi-channel composite), as {@code float} planes, each channel with the
 * display range it was shown with, if known. Integer data (8- and 16-bit,
 * RGB) is on the 0–255 scale of an 8-bit image; 32-bit data
 * ({@link #floatingPoint()}) has no bit depth to scale by and keeps its own
 * values (0–1, negative, NaN), which the model's
 * {@code preprocess.Intensity} stretches to that scale. The backbone takes one to three channels
 * ({@link #rgbPlanes()}); which ones of a composite is the model's choice
 * ({@code preprocess.Channels}).
 * <p>
 * This is the core's only image type, so that the algorithm needs neither
 * ImageJ nor ImgLib2: adapters convert ImageJ's 8-, 16- and 32-bit grey,
 * RGB and stack slices into it (16-bit values are scaled by the bit depth,
 * {@code v · 255 / (2^bits − 1)}, never by the image's own maximum, so that
 * every image of a folder is treated alike; 32-bit values are kept).
 * </p>
 * <p>
 * Planes are shared, not copied; pixel (x, y) of channel c is
 * {@code plane(c)[y * width + x]}.
 * </p>
 */
public final class RasterImage {

	private final int width;
	private final int height;
	private final float[][] planes;
	/** Per channel, the display range it was shown with; {@code null} if unknown. */
	private final DisplayRange[] ranges;
	private final boolean floatingPoint;

	/**
	 * An image of integer data on the 0–255 scale.
	 *
	 * @param planes at least one array of {@code width * height} values
	 * @throws IllegalArgumentException if sizes do not fit
	 */
	public RasterImage(final int width, final int height,
		final float[]... planes)
	{
		this(width, height, planes, null, false);
	}

	private RasterImage(final int width, final int height,
		final float[][] planes, final DisplayRange[] ranges,
		final boolean floatingPoint)
	{
		if (width < 1 || height < 1) throw new IllegalArgumentException(
			"An image needs a positive size, got " + width + " × " + height + ".");
		if (planes.length < 1) throw new IllegalArgumentException(
			"An image needs at least one channel.");
		for (final float[] p : planes)
			if (p.length != width * height) throw new IllegalArgumentException(
				"A " + width + " × " + height + " plane needs " + width * height +
					" values, got " + p.length + ".");
		this.width = width;
		this.height = height;
		this.planes = planes;
		this.ranges = ranges;
		this.floatingPoint = floatingPoint;
	}

	/**
	 * This image (its planes shared) as 32-bit data: values as they were
	 * stored, on no scale a bit depth gives.
	 */
	public RasterImage asFloatingPoint() {
		return new RasterImage(width, height, planes, ranges, true);
	}

	/**
	 * Whether the values are 32-bit (floating-point) data as stored, rather
	 * than integer data put on the 0–255 scale by its bit depth.
	 */
	public boolean floatingPoint() {
		return floatingPoint;
	}

	/**
	 * This image (its planes shared) with the display range of each channel,
	 * on the scale of the planes.
	 *
	 * @throws IllegalArgumentException unless there is one range per channel
	 */
	public RasterImage withDisplayRanges(final DisplayRange... displayRanges) {
		if (displayRanges.length != planes.length)
			throw new IllegalArgumentException("A " + planes.length +
				"-channel image needs " + planes.length + " display ranges, got " +
				displayRanges.length + ".");
		return new RasterImage(width, height, planes, displayRanges.clone(),
			floatingPoint);
	}

	/**
	 * The display range of channel {@code c}, or {@code null} when the image
	 * was not read with one (transforms drop it).
	 */
	public DisplayRange displayRange(final int c) {
		return ranges == null ? null : ranges[c];
	}

	/**
	 * The image made of the given channels (planes and display ranges
	 * shared), in that order.
	 *
	 * @param channels 0-based channel indices, each below {@link #channels()}
	 */
	public RasterImage channels(final int... channels) {
		final float[][] p = new float[channels.length][];
		final DisplayRange[] r = ranges == null ? null
			: new DisplayRange[channels.length];
		for (int i = 0; i < channels.length; i++) {
			p[i] = planes[channels[i]];
			if (r != null) r[i] = ranges[channels[i]];
		}
		return new RasterImage(width, height, p, r, floatingPoint);
	}

	public int width() {
		return width;
	}

	public int height() {
		return height;
	}

	/** 1 for grey, 3 for RGB, the channel count of a composite. */
	public int channels() {
		return planes.length;
	}

	/** Channel {@code c} (shared, not a copy). */
	public float[] plane(final int c) {
		return planes[c];
	}

	/** Value of channel {@code c} at (x, y). */
	public float get(final int c, final int x, final int y) {
		return planes[c][y * width + x];
	}

	/**
	 * The three planes the backbone takes as red, green and blue: a grey
	 * image replicated to three channels (the backbones expect colour
	 * input), a two-channel image as red and green over a black blue, as
	 * Fiji merges two channels.
	 *
	 * @throws IllegalStateException for more than three channels, which must
	 *           be chosen first
	 */
	public float[][] rgbPlanes() {
		return switch (planes.length) {
			case 1 -> new float[][] { planes[0], planes[0], planes[0] };
			case 2 -> new float[][] { planes[0], planes[1], new float[width *
				height] };
			case 3 -> planes;
			default -> throw new IllegalStateException("A " + planes.length +
				"-channel image must have up to three of its channels chosen " +
				"before it reaches the backbone.");
		};
	}
}
