package io.github.tailedcore.image;

/**
 * A 2D image as the detector sees it: {@code width × height} pixels of 1
 * (grey) or 3 (red, green, blue) channels, as {@code float} planes on the
 * 0–255 scale of an 8-bit image.
 * <p>
 * This is the core's only image type, so that the algorithm needs neither
 * ImageJ nor ImgLib2: adapters convert ImageJ's 8-, 16- and 32-bit grey,
 * RGB and stack slices into it (16-bit values are scaled by the bit depth,
 * {@code v · 255 / (2^bits − 1)}, never by the image's own maximum, so that
 * every image of a folder is treated alike).
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

	/**
	 * @param planes 1 or 3 arrays of {@code width * height} values
	 * @throws IllegalArgumentException if sizes do not fit
	 */
	public RasterImage(final int width, final int height,
		final float[]... planes)
	{
		if (width < 1 || height < 1) throw new IllegalArgumentException(
			"An image needs a positive size, got " + width + " × " + height + ".");
		if (planes.length != 1 && planes.length != 3)
			throw new IllegalArgumentException(
				"An image needs 1 (grey) or 3 (RGB) channels, got " + planes.length +
					".");
		for (final float[] p : planes)
			if (p.length != width * height) throw new IllegalArgumentException(
				"A " + width + " × " + height + " plane needs " + width * height +
					" values, got " + p.length + ".");
		this.width = width;
		this.height = height;
		this.planes = planes;
	}

	public int width() {
		return width;
	}

	public int height() {
		return height;
	}

	/** 1 for grey, 3 for RGB. */
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
	 * The three RGB planes; a grey image is replicated to three channels, as
	 * the backbones expect colour input.
	 */
	public float[][] rgbPlanes() {
		return planes.length == 3 ? planes : new float[][] { planes[0], planes[0],
			planes[0] };
	}
}
