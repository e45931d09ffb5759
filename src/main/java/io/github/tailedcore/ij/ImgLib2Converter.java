package io.github.tailedcore.ij;

import io.github.tailedcore.image.RasterImage;

import java.util.ArrayList;
import java.util.List;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.IntegerType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/**
 * Converts ImgLib2 images, as SciJava commands receive them, into the core's
 * {@link RasterImage}s, with the same rules as {@link ImagePlusConverter}:
 * <ul>
 * <li><b>unsigned integer types</b> are scaled by their bit depth,
 * {@code v · 255 / (2^bits − 1)}: {@code UnsignedByteType} keeps its values,
 * {@code UnsignedShortType} is divided by 65535/255, and a caller that
 * knows better (a 12-bit camera) gives the depth; never by the image's own
 * maximum;</li>
 * <li><b>floating-point types</b> are taken as they are, as 32-bit data
 * ({@link RasterImage#floatingPoint()}) that the model's intensity scaling
 * puts on the 0–255 scale;</li>
 * <li><b>signed integer types</b> are refused: their zero is not black;</li>
 * <li>{@link ARGBType} images give three planes.</li>
 * </ul>
 * A 2D interval is one image; a 3D interval is a stack of 2D slices along
 * its last dimension (an ImgLib2 image carries no axis types here, so a 3D
 * image is never read as colour channels; pass colour as {@link ARGBType}).
 * Pixels are read in flat order (x fastest), starting at the interval's
 * minimum, and copied.
 */
public final class ImgLib2Converter {

	private ImgLib2Converter() {}

	/**
	 * Converts a 2D image, or each slice of a 3D one.
	 *
	 * @param bitDepth significant bits of unsigned integer pixels, or 0 for
	 *          the type's own ({@link RealType#getBitsPerPixel()})
	 * @throws IllegalArgumentException for images that are not 2D or 3D,
	 *           signed integer pixels, or values above the bit depth
	 */
	public static List<RasterImage> toRasterImages(
		final RandomAccessibleInterval<? extends RealType<?>> image,
		final int bitDepth)
	{
		final List<RasterImage> slices = new ArrayList<>();
		if (image.numDimensions() == 2) slices.add(toRasterImage(image,
			bitDepth));
		else if (image.numDimensions() == 3) {
			for (long z = image.min(2); z <= image.max(2); z++)
				slices.add(toRasterImage(Views.hyperSlice(image, 2, z), bitDepth));
		}
		else throw new IllegalArgumentException("TailedCore reads 2D images " +
			"or 3D stacks of them, got a " + image.numDimensions() +
			"D image.");
		return slices;
	}

	/** Converts every slice with the type's own bit depth. */
	public static List<RasterImage> toRasterImages(
		final RandomAccessibleInterval<? extends RealType<?>> image)
	{
		return toRasterImages(image, 0);
	}

	/** Converts a 2D colour image (or each slice of a 3D one) to RGB planes. */
	public static List<RasterImage> argbToRasterImages(
		final RandomAccessibleInterval<ARGBType> image)
	{
		final List<RasterImage> slices = new ArrayList<>();
		if (image.numDimensions() == 2) slices.add(argbSlice(image));
		else if (image.numDimensions() == 3) {
			for (long z = image.min(2); z <= image.max(2); z++)
				slices.add(argbSlice(Views.hyperSlice(image, 2, z)));
		}
		else throw new IllegalArgumentException("TailedCore reads 2D images " +
			"or 3D stacks of them, got a " + image.numDimensions() +
			"D image.");
		return slices;
	}

	private static RasterImage toRasterImage(
		final RandomAccessibleInterval<? extends RealType<?>> slice,
		final int bitDepth)
	{
		final int w = size(slice, 0);
		final int h = size(slice, 1);
		final float[] out = new float[Math.multiplyExact(w, h)];
		final RealType<?> type = slice.getType();
		int i = 0;
		if (type instanceof IntegerType) {
			if (type.getMinValue() < 0) throw new IllegalArgumentException(
				"Pixels of type " + type.getClass().getSimpleName() +
					" are signed; convert the image to unsigned 8/16-bit or to " +
					"32-bit.");
			final int bits = bitDepth > 0 ? bitDepth : type.getBitsPerPixel();
			final double max = Math.pow(2, bits) - 1;
			for (final RealType<?> t : Views.flatIterable(slice)) {
				final double v = t.getRealDouble();
				if (v > max) throw new IllegalArgumentException("The image holds " +
					"the value " + v + ", more than its " + bits +
					"-bit depth allows (" + max + "). Give its true bit depth.");
				out[i++] = (float) (v * 255 / max);
			}
		}
		else {
			for (final RealType<?> t : Views.flatIterable(slice))
				out[i++] = t.getRealFloat();
			return new RasterImage(w, h, out).asFloatingPoint();
		}
		return new RasterImage(w, h, out);
	}

	private static RasterImage argbSlice(
		final RandomAccessibleInterval<ARGBType> slice)
	{
		final int w = size(slice, 0);
		final int h = size(slice, 1);
		final int n = Math.multiplyExact(w, h);
		final float[] r = new float[n];
		final float[] g = new float[n];
		final float[] b = new float[n];
		int i = 0;
		for (final ARGBType t : Views.flatIterable(slice)) {
			final int c = t.get();
			r[i] = ARGBType.red(c);
			g[i] = ARGBType.green(c);
			b[i++] = ARGBType.blue(c);
		}
		return new RasterImage(w, h, r, g, b);
	}

	private static int size(final RandomAccessibleInterval<?> image,
		final int d)
	{
		return Math.toIntExact(image.dimension(d));
	}
}
