package io.github.tailedcore.image;

import io.github.tailedcore.ErrorMessage;

import java.util.Locale;

/**
 * What an image must be for the detector to give a meaningful score, checked
 * on the header before decoding (size) and on the pixels after (content), so
 * that such images are refused with a reason instead of being scored
 * silently (a 1 × 1 or blank image scores below every real one and would be
 * called normal) or crashing a run (a decompression bomb).
 * <ul>
 * <li>At least {@value #MIN_SIDE} pixels a side: the backbone's feature grid
 * needs structure to compare.</li>
 * <li>At most {@value ImagePreprocessor#MAX_ASPECT_RATIO} times longer than
 * wide: the crop of a thin strip is mostly resampling.</li>
 * <li>At most {@link #maxPixels()} pixels (all pages together): decoding,
 * scoring and writing the map and overlay of an image take about
 * {@value #BYTES_PER_PIXEL} bytes per pixel, and an image may use half of
 * the heap. The budget follows {@code -Xmx}.</li>
 * <li>Not blank: an image whose pixels all have one value has nothing to
 * score (NaN and infinite pixels of 32-bit data do not count).</li>
 * </ul>
 */
public final class ImageRequirements {

	/** The shortest side accepted, in pixels. */
	public static final int MIN_SIDE = 16;
	/** Heap per pixel that decoding, scoring and writing outputs take. */
	static final int BYTES_PER_PIXEL = 48;

	private ImageRequirements() {}

	/** The most pixels an image (all its pages) may have with this heap. */
	public static long maxPixels() {
		return Runtime.getRuntime().maxMemory() / 2 / BYTES_PER_PIXEL;
	}

	/**
	 * Why an image of this size cannot be used, or {@code null} if it can.
	 *
	 * @param pages images in the file (stack slices); 1 for a plain image
	 */
	public static String sizeProblem(final int width, final int height,
		final int pages)
	{
		if (width < MIN_SIDE || height < MIN_SIDE) return "it is " + width +
			" × " + height + " pixels, smaller than the " + MIN_SIDE + " × " +
			MIN_SIDE + " pixels the detector needs to see any structure; leave " +
			"it out";
		final int shorter = Math.min(width, height);
		final int longer = Math.max(width, height);
		if ((long) longer > (long) ImagePreprocessor.MAX_ASPECT_RATIO * shorter)
			return "it is " + width + " × " + height + " pixels, more than " +
				ImagePreprocessor.MAX_ASPECT_RATIO + " times longer than wide; crop " +
				"it to the region to inspect first";
		final long pixels = (long) width * height * Math.max(1, pages);
		if (pixels > maxPixels()) return String.format(Locale.ROOT,
			"it is %d × %d pixels%s (%.0f megapixels), which would need about " +
				"%.1f GB of memory, more than half of Java's maximum of %.1f GB; " +
				"scale it down (Image › Scale…), or %s", width, height, pages > 1
					? " × " + pages + " slices" : "", pixels / 1e6, pixels *
						(double) BYTES_PER_PIXEL / 1e9, Runtime.getRuntime().maxMemory() /
							1e9, ErrorMessage.MORE_MEMORY);
		return null;
	}

	/**
	 * Why the pixels of a decoded image cannot be used (a size problem, or
	 * blank), or {@code null} if they can.
	 */
	public static String contentProblem(final RasterImage image) {
		final String size = sizeProblem(image.width(), image.height(), 1);
		if (size != null) return size;
		float first = Float.NaN;
		for (int c = 0; c < image.channels(); c++)
			for (final float v : image.plane(c))
				if (Float.isFinite(v)) {
					if (Float.isNaN(first)) first = v;
					else if (v != first) return null;
				}
		if (Float.isNaN(first)) return "it is blank (it has no pixel with a " +
			"finite value, only NaN or infinite ones): there is nothing to score; " +
			"leave it out";
		return "it is blank (every pixel is " + (first == Math.rint(first)
			? String.valueOf((long) first) : String.valueOf(first)) + "): there " +
			"is nothing to score; leave it out";
	}
}
