package io.github.tailedcore.ij;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileInfo;
import io.github.tailedcore.image.RasterImage;

import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts an ImageJ 1.x {@link ImagePlus} into the core's
 * {@link RasterImage}s, one per stack slice, on the 0–255 scale the
 * detector expects.
 * <ul>
 * <li><b>8-bit grey</b>: the raw values 0–255, whatever LUT is shown (an
 * inverting or pseudo-colour LUT changes the display, not the data).</li>
 * <li><b>16-bit grey</b>: {@code v · 255 / (2^bits − 1)}, scaled by the
 * image's bit depth, <em>never</em> by its own maximum, so that every image
 * of a folder is treated alike. The bit depth is, in this order: the one
 * the caller gives; 10 or 12 when the file was read as packed 10/12-bit
 * data; ImageJ's "unsigned 16-bit range" setting
 * ({@link ImagePlus#getDefault16bitRange()}) when not automatic; else
 * 16.</li>
 * <li><b>32-bit grey</b>: taken as is on the 0–255 scale. ImageJ keeps the
 * 8-bit values when it converts an 8-bit image to 32 bits, so such images
 * match their 8-bit originals; other float data must be scaled by the
 * user: values outside 0–255, and 0–1 data, are refused.</li>
 * <li><b>RGB</b>: three planes.</li>
 * <li><b>8-bit with a colour palette</b> ({@link ImagePlus#COLOR_256}, e.g. a
 * GIF): each index is looked up in the palette, giving three planes.</li>
 * <li><b>Composite (multi-channel) images</b>: refused with a message saying
 * how to make them RGB or pick one channel. The detector reads one grey
 * channel or RGB; guessing which channels are red, green and blue would
 * silently give wrong scores.</li>
 * <li><b>Stacks and hyperstacks</b> (Z, T): one image per stack index, in
 * stack order.</li>
 * </ul>
 * Pixel arrays are copied, so later edits of the image do not change the
 * converted ones. Whether the images are fit for the detector (not blank,
 * large enough) is checked by the callers that score or fit them.
 */
public final class ImagePlusConverter {

	private ImagePlusConverter() {}

	/**
	 * Converts every slice, finding the 16-bit depth from the image.
	 *
	 * @throws IllegalArgumentException naming the image when it cannot be
	 *           converted (composite, NaN pixels, values above its bit depth)
	 */
	public static List<RasterImage> toRasterImages(final ImagePlus imp) {
		return toRasterImages(imp, 0);
	}

	/**
	 * Converts every slice.
	 *
	 * @param bitDepth significant bits of 16-bit images (1–16), or 0 to find
	 *          them from the image as the class documentation says; ignored
	 *          for other types
	 */
	public static List<RasterImage> toRasterImages(final ImagePlus imp,
		final int bitDepth)
	{
		final List<RasterImage> images = new ArrayList<>();
		for (int i = 1; i <= imp.getStackSize(); i++)
			images.add(toRasterImage(imp, i, bitDepth));
		return images;
	}

	/**
	 * Converts one slice.
	 *
	 * @param stackIndex 1-based stack index, as in {@link ImageStack}
	 * @param bitDepth as in {@link #toRasterImages(ImagePlus, int)}
	 */
	public static RasterImage toRasterImage(final ImagePlus imp,
		final int stackIndex, final int bitDepth)
	{
		final int type = imp.getType();
		if (imp.getNChannels() > 1 && type != ImagePlus.COLOR_RGB)
			throw new IllegalArgumentException("Image '" + imp.getTitle() +
				"' has " + imp.getNChannels() + " channels; TailedCore reads one " +
				"grey channel or an RGB image. Make it RGB (Image > Color > Stack " +
				"to RGB) or keep one channel (Image > Duplicate...).");
		if (stackIndex < 1 || stackIndex > imp.getStackSize())
			throw new IllegalArgumentException("Image '" + imp.getTitle() +
				"' has " + imp.getStackSize() + " slices, there is no slice " +
				stackIndex + ".");
		final int w = imp.getWidth();
		final int h = imp.getHeight();
		final Object pixels = imp.getStack().getPixels(stackIndex);
		switch (type) {
			case ImagePlus.GRAY8:
				return new RasterImage(w, h, unsigned((byte[]) pixels));
			case ImagePlus.COLOR_256:
				return palette((byte[]) pixels, w, h, imp.getProcessor()
					.getColorModel());
			case ImagePlus.GRAY16:
				return new RasterImage(w, h, scaled16((short[]) pixels, bitDepth >
					0 ? bitDepth : bitDepth16(imp), imp, stackIndex));
			case ImagePlus.GRAY32:
				return new RasterImage(w, h, onScale255((float[]) pixels, imp,
					stackIndex));
			case ImagePlus.COLOR_RGB:
				return rgb((int[]) pixels, w, h);
			default:
				throw new IllegalArgumentException("Image '" + imp.getTitle() +
					"' has an unknown ImageJ type " + type + ".");
		}
	}

	/**
	 * The significant bits of a 16-bit image, as the class documentation
	 * describes (10 or 12 for packed files, else ImageJ's 16-bit range
	 * setting, else 16).
	 */
	public static int bitDepth16(final ImagePlus imp) {
		final FileInfo fi = imp.getOriginalFileInfo();
		if (fi != null && fi.fileType == FileInfo.GRAY12_UNSIGNED) return 12;
		if (fi != null && fi.fileType == FileInfo.GRAY10_UNSIGNED) return 10;
		final int range = ImagePlus.getDefault16bitRange();
		return range > 0 ? range : 16;
	}

	private static float[] unsigned(final byte[] pixels) {
		final float[] out = new float[pixels.length];
		for (int i = 0; i < out.length; i++)
			out[i] = pixels[i] & 0xff;
		return out;
	}

	/** v · 255 / (2^bits − 1), refusing values the bit depth cannot hold. */
	private static float[] scaled16(final short[] pixels, final int bits,
		final ImagePlus imp, final int stackIndex)
	{
		if (bits < 1 || bits > 16) throw new IllegalArgumentException(
			"A 16-bit image has 1 to 16 significant bits, got " + bits + ".");
		final int max = (1 << bits) - 1;
		final double scale = 255.0 / max;
		final float[] out = new float[pixels.length];
		for (int i = 0; i < out.length; i++) {
			final int v = pixels[i] & 0xffff;
			if (v > max) throw new IllegalArgumentException("Image '" + imp
				.getTitle() + "' (slice " + stackIndex + ") holds the value " + v +
				", more than its " + bits + "-bit depth allows (" + max +
				"). Give its true bit depth.");
			out[i] = (float) (v * scale);
		}
		return out;
	}

	/**
	 * 32-bit values as they are, refusing what is not on the 0–255 scale:
	 * NaN or infinite pixels, values below 0 or above 255, and a 0–1 image
	 * (which would look black and score as nothing).
	 */
	private static float[] onScale255(final float[] pixels, final ImagePlus imp,
		final int stackIndex)
	{
		float min = Float.POSITIVE_INFINITY;
		float max = Float.NEGATIVE_INFINITY;
		for (final float v : pixels) {
			if (!Float.isFinite(v)) throw new IllegalArgumentException("Image '" +
				imp.getTitle() + "' (slice " + stackIndex + ") has " + v +
				" pixels; replace them first (Process > Math > Remove NaNs...).");
			min = Math.min(min, v);
			max = Math.max(max, v);
		}
		if (min < 0 || max > 255 || max <= 1 && min < max)
			throw new IllegalArgumentException("Image '" + imp.getTitle() +
				"' (slice " + stackIndex + ") is 32-bit with values from " + min +
				" to " + max + ", but TailedCore reads 32-bit images on the 0–255 " +
				"scale of 8-bit images. Scale it to 0–255 (Process > Math > " +
				"Multiply..., or Image > Type > 8-bit) first.");
		return pixels.clone();
	}

	private static RasterImage rgb(final int[] pixels, final int w,
		final int h)
	{
		final float[] r = new float[pixels.length];
		final float[] g = new float[pixels.length];
		final float[] b = new float[pixels.length];
		for (int i = 0; i < pixels.length; i++) {
			r[i] = (pixels[i] >> 16) & 0xff;
			g[i] = (pixels[i] >> 8) & 0xff;
			b[i] = pixels[i] & 0xff;
		}
		return new RasterImage(w, h, r, g, b);
	}

	private static RasterImage palette(final byte[] pixels, final int w,
		final int h, final ColorModel cm)
	{
		if (!(cm instanceof IndexColorModel)) return new RasterImage(w, h,
			unsigned(pixels));
		final IndexColorModel lut = (IndexColorModel) cm;
		final float[] r = new float[pixels.length];
		final float[] g = new float[pixels.length];
		final float[] b = new float[pixels.length];
		for (int i = 0; i < pixels.length; i++) {
			final int index = Math.min(pixels[i] & 0xff, lut.getMapSize() - 1);
			r[i] = lut.getRed(index);
			g[i] = lut.getGreen(index);
			b[i] = lut.getBlue(index);
		}
		return new RasterImage(w, h, r, g, b);
	}
}
