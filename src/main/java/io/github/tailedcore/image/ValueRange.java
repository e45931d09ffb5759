package io.github.tailedcore.image;

/**
 * The least and greatest finite value of an image's pixels (all channels),
 * and whether they are 32-bit data ({@link RasterImage#floatingPoint()}):
 * what decides whether an intensity scaling can read the image, kept for
 * each training image by a fit's check without keeping its pixels. NaN and
 * infinite pixels are left out, as ImageJ's statistics leave them out.
 *
 * @param floatingPoint whether the values are 32-bit data as stored
 * @param min least finite value; NaN if there is none
 * @param max greatest finite value; NaN if there is none
 */
public record ValueRange(boolean floatingPoint, double min, double max) {

	/** The range of {@code image}'s finite pixels. */
	public static ValueRange of(final RasterImage image) {
		float min = Float.POSITIVE_INFINITY;
		float max = Float.NEGATIVE_INFINITY;
		for (int c = 0; c < image.channels(); c++)
			for (final float v : image.plane(c))
				if (Float.isFinite(v)) {
					if (v < min) min = v;
					if (v > max) max = v;
				}
		return min > max ? new ValueRange(image.floatingPoint(), Double.NaN,
			Double.NaN) : new ValueRange(image.floatingPoint(), min, max);
	}

	/** Whether the image has a finite pixel at all. */
	public boolean hasFinite() {
		return !Double.isNaN(min);
	}

	/**
	 * Whether the values lie on the 0–255 scale of 8-bit images, as ImageJ
	 * keeps them when it converts 8-bit images to 32 bits: within 0–255 and
	 * not a 0–1 image (which would look black on that scale). Integer data
	 * always is.
	 */
	public boolean onScale255() {
		return !floatingPoint || hasFinite() && min >= 0 && max <= 255 &&
			!(max <= 1 && min < max);
	}

	/** "values from min to max". */
	@Override
	public String toString() {
		return "values from " + format(min) + " to " + format(max);
	}

	private static String format(final double v) {
		return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v)
			: String.valueOf((float) v);
	}
}
