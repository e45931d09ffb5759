package io.github.tailedcore.benchmark.data;

import io.github.tailedcore.image.RasterImage;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

/**
 * Reads image and mask files and writes PNG files with {@code javax.imageio},
 * so that the benchmark needs no ImageJ.
 * <p>
 * Grey files become one-channel {@link RasterImage}s (16-bit values scaled
 * by the bit depth, {@code v · 255 / (2^bits − 1)}), everything else three
 * RGB channels; alpha is ignored. Written PNGs are 8-bit, values rounded to
 * the nearest integer and clamped to 0–255, so an image whose values are
 * already whole numbers in that range is read back unchanged.
 * </p>
 */
public final class ImageFiles {

	/** Mask pixels above this grey value are defect pixels (masks are 0/255). */
	public static final int MASK_THRESHOLD = 127;

	private ImageFiles() {}

	/**
	 * Reads an image file (PNG, JPEG, BMP, TIFF).
	 *
	 * @throws IOException if the file cannot be read or is no image
	 */
	public static RasterImage read(final Path file) throws IOException {
		final BufferedImage image = decode(file);
		final int w = image.getWidth();
		final int h = image.getHeight();
		if (isGrey(image)) {
			final Raster raster = image.getRaster();
			final double scale = 255.0 / ((1L << raster.getSampleModel()
				.getSampleSize(0)) - 1);
			final float[] grey = new float[w * h];
			for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++)
					grey[y * w + x] = (float) (raster.getSample(x, y, 0) * scale);
			return new RasterImage(w, h, grey);
		}
		final float[] r = new float[w * h];
		final float[] g = new float[w * h];
		final float[] b = new float[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				final int rgb = image.getRGB(x, y);
				r[y * w + x] = (rgb >> 16) & 0xff;
				g[y * w + x] = (rgb >> 8) & 0xff;
				b[y * w + x] = rgb & 0xff;
			}
		return new RasterImage(w, h, r, g, b);
	}

	/**
	 * Reads a 0/255 mask file: pixels whose (first-channel) value exceeds
	 * {@value #MASK_THRESHOLD} are defect pixels.
	 *
	 * @throws IOException if the file cannot be read or is no image
	 */
	public static BinaryMask readMask(final Path file) throws IOException {
		final RasterImage image = read(file);
		final float[] grey = image.plane(0);
		final boolean[] pixels = new boolean[grey.length];
		for (int i = 0; i < grey.length; i++)
			pixels[i] = grey[i] > MASK_THRESHOLD;
		return new BinaryMask(image.width(), image.height(), pixels);
	}

	/**
	 * Writes {@code image} as an 8-bit grey or RGB PNG, creating parent
	 * folders.
	 */
	public static void writePng(final RasterImage image, final Path file)
		throws IOException
	{
		final int w = image.width();
		final int h = image.height();
		final boolean grey = image.channels() == 1;
		final BufferedImage out = new BufferedImage(w, h, grey
			? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR);
		final WritableRaster raster = out.getRaster();
		for (int c = 0; c < image.channels(); c++) {
			final float[] plane = image.plane(c);
			for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++)
					raster.setSample(x, y, c, toByte(plane[y * w + x]));
		}
		encode(out, file);
	}

	/** Writes {@code mask} as a 0/255 grey PNG, creating parent folders. */
	public static void writeMask(final BinaryMask mask, final Path file)
		throws IOException
	{
		final float[] grey = new float[mask.pixels().length];
		for (int i = 0; i < grey.length; i++)
			grey[i] = mask.pixels()[i] ? 255 : 0;
		writePng(new RasterImage(mask.width(), mask.height(), grey), file);
	}

	/** {@code v} rounded to the nearest integer and clamped to 0–255. */
	public static int toByte(final float v) {
		return Math.max(0, Math.min(255, Math.round(v)));
	}

	private static BufferedImage decode(final Path file) throws IOException {
		if (!Files.isRegularFile(file)) throw new IOException("The image file " +
			file + " does not exist.");
		final BufferedImage image = ImageIO.read(file.toFile());
		if (image == null) throw new IOException("The file " + file +
			" is not an image format Java can read (use PNG, JPEG, BMP or TIFF).");
		return image;
	}

	private static boolean isGrey(final BufferedImage image) {
		return !(image.getColorModel() instanceof IndexColorModel) && image
			.getColorModel().getNumColorComponents() == 1;
	}

	private static void encode(final BufferedImage image, final Path file)
		throws IOException
	{
		final Path parent = file.toAbsolutePath().getParent();
		if (parent != null) Files.createDirectories(parent);
		if (!ImageIO.write(image, "png", file.toFile())) throw new IOException(
			"Java has no PNG writer to write " + file + ".");
	}
}
