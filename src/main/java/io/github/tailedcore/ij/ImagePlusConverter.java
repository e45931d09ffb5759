package io.github.tailedcore.ij;

import ij.CompositeImage;
import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileInfo;
import ij.process.LUT;
import io.github.tailedcore.image.DisplayRange;
import io.github.tailedcore.image.RasterImage;

import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Converts an ImageJ 1.x {@link ImagePlus} into the core's
 * {@link RasterImage}s, one per stack slice: integer data on the 0–255 scale
 * the detector expects, 32-bit data as it is.
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
 * <li><b>32-bit grey</b>: the values as they are
 * ({@link RasterImage#floatingPoint()}): 0–1, negative or arbitrary
 * floating-point data has no bit depth to scale by, so the model's intensity
 * scaling puts it on the 0–255 scale
 * ({@link io.github.tailedcore.preprocess.Intensity}, which also says what
 * becomes of NaN and infinite pixels, and refuses for the paper's bit-depth
 * scaling data off the 0–255 scale that ImageJ keeps when it converts an
 * 8-bit image to 32 bits).</li>
 * <li><b>RGB</b>: three planes.</li>
 * <li><b>8-bit with a colour palette</b> ({@link ImagePlus#COLOR_256}, e.g. a
 * GIF): each index is looked up in the palette, giving three planes.</li>
 * <li><b>Composite (multi-channel) images and hyperstacks</b> (C &gt; 1, not
 * RGB): one image per Z and T position holding every channel, each
 * converted as its type says; which of them feed the backbone is the
 * model's choice ({@link io.github.tailedcore.preprocess.Channels}).</li>
 * <li><b>Stacks and hyperstacks</b> (Z, T): one image per stack index (per
 * Z, T position of a composite), in stack order.</li>
 * </ul>
 * Each channel carries the display range Fiji shows it with
 * ({@link DisplayRange}, on the scale of its values: a composite's per-channel
 * range, else the image's), for the display-range intensity scaling; a
 * range that is empty (min ≥ max) is left unknown.
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
	 *           converted (values above its bit depth)
	 */
	public static List<RasterImage> toRasterImages(final ImagePlus imp) {
		return toRasterImages(imp, 0);
	}

	/**
	 * Converts every slice (every Z, T position of a composite).
	 *
	 * @param bitDepth significant bits of 16-bit images (1–16), or 0 to find
	 *          them from the image as the class documentation says; ignored
	 *          for other types
	 */
	public static List<RasterImage> toRasterImages(final ImagePlus imp,
		final int bitDepth)
	{
		final int channels = channels(imp);
		final int bits = imp.getType() == ImagePlus.GRAY16 ? bitDepth > 0
			? bitDepth : bitDepth16(imp) : 8;
		final int w = imp.getWidth();
		final int h = imp.getHeight();
		final List<RasterImage> images = new ArrayList<>();
		for (int first = 1; first <= imp.getStackSize(); first += channels) {
			if (channels == 1) {
				final RasterImage image = toRasterImage(imp, first, bits);
				final DisplayRange shown = displayRange(imp, 1, bits);
				images.add(shown == null ? image : image.withDisplayRanges(Collections
					.nCopies(image.channels(), shown).toArray(DisplayRange[]::new)));
				continue;
			}
			final float[][] planes = new float[channels][];
			final DisplayRange[] shown = new DisplayRange[channels];
			for (int c = 0; c < channels; c++) {
				planes[c] = channel(imp, first + c, bits);
				shown[c] = displayRange(imp, c + 1, bits);
			}
			final RasterImage image = ofType(imp, new RasterImage(w, h, planes));
			images.add(Arrays.asList(shown).contains(null) ? image : image
				.withDisplayRanges(shown));
		}
		return images;
	}

	/** {@code image} as 32-bit data if {@code imp} is 32-bit. */
	private static RasterImage ofType(final ImagePlus imp,
		final RasterImage image)
	{
		return imp.getType() == ImagePlus.GRAY32 ? image.asFloatingPoint()
			: image;
	}

	/**
	 * The channels of one image: C of a composite or multi-channel
	 * hyperstack, else 1 (an RGB image is one image of three colours).
	 */
	public static int channels(final ImagePlus imp) {
		return imp.getType() == ImagePlus.COLOR_RGB ? 1 : Math.max(1, imp
			.getNChannels());
	}

	/**
	 * The display range of channel {@code c} (1-based) on the scale of the
	 * converted values (16-bit scaled by the bit depth, 32-bit as it is), or
	 * {@code null} if it is empty: a composite's channel LUT's, else the
	 * image's; 0–255 for RGB and palette images, whose colours are shown as
	 * they are.
	 */
	static DisplayRange displayRange(final ImagePlus imp, final int c,
		final int bits)
	{
		final int type = imp.getType();
		if (type == ImagePlus.COLOR_RGB || type == ImagePlus.COLOR_256)
			return new DisplayRange(0, 255);
		final double min;
		final double max;
		if (imp instanceof CompositeImage composite && channels(imp) > 1) {
			final LUT lut = composite.getChannelLut(c);
			min = lut.min;
			max = lut.max;
		}
		else {
			min = imp.getDisplayRangeMin();
			max = imp.getDisplayRangeMax();
		}
		final double scale = type == ImagePlus.GRAY16 ? 255.0 / ((1 << bits) - 1)
			: 1;
		return min < max && Double.isFinite(min) && Double.isFinite(max)
			? new DisplayRange(min * scale, max * scale) : null;
	}

	/**
	 * The values of one channel of a composite, by its pixel type (whatever
	 * colour its LUT shows).
	 */
	private static float[] channel(final ImagePlus imp, final int stackIndex,
		final int bits)
	{
		final Object pixels = imp.getStack().getPixels(stackIndex);
		if (pixels instanceof byte[] b) return unsigned(b);
		if (pixels instanceof short[] v) return scaled16(v, bits, imp, stackIndex);
		if (pixels instanceof float[] f) return f.clone();
		throw new IllegalArgumentException("Image '" + imp.getTitle() +
			"' has channels of RGB pixels; make it one RGB image (Image > Color > " +
			"Stack to RGB) or split its channels.");
	}

	/**
	 * Converts one stack index of an image that is not a composite.
	 *
	 * @param stackIndex 1-based stack index, as in {@link ImageStack}
	 * @param bits significant bits of a 16-bit image
	 */
	private static RasterImage toRasterImage(final ImagePlus imp,
		final int stackIndex, final int bits)
	{
		final int type = imp.getType();
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
				return new RasterImage(w, h, scaled16((short[]) pixels, bits, imp,
					stackIndex));
			case ImagePlus.GRAY32:
				return ofType(imp, new RasterImage(w, h, ((float[]) pixels).clone()));
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
