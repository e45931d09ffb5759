package io.github.tailedcore.image;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads PNG, JPEG, TIFF, BMP and GIF files with {@code javax.imageio} into a
 * {@link RasterImage}, without ImageJ (for the command line and tests).
 * <p>
 * Samples are read raw, with no colour management: grey images stay grey,
 * RGB(A) images give their three colour channels (alpha is dropped),
 * palette images are expanded to RGB. Every sample is scaled by its bit
 * depth to 0–255, {@code v · 255 / (2^bits − 1)}, so 8-bit values are kept
 * exactly and 16-bit values become {@code v · 255 / 65535}. Grey
 * floating-point samples (a 32-bit TIFF) are kept as they are, as ImageJ
 * reads them ({@link RasterImage#floatingPoint()}); 32-bit integer samples
 * are refused: open such files through Fiji.
 * Only the first image of a multi-page file is read. Files are checked as
 * the {@link ImageRequirements} say: header first, then the decoder's
 * warnings, then the pixels.
 * </p>
 * <p>
 * This class uses {@code java.awt.image} only as a decoder's data holder; it
 * needs no display.
 * </p>
 */
public final class ImageIoReader {

	private ImageIoReader() {}

	/**
	 * Reads the first image of a file, after checking its header against the
	 * {@link ImageRequirements}, and refuses it if the decoder reports damage
	 * (a truncated JPEG decodes "successfully", grey below the cut) or its
	 * pixels are blank.
	 *
	 * @throws UnusableImageException naming the file and the reason if it is
	 *           not an image Java can decode, damaged, of an unsupported kind
	 *           or unusable
	 * @throws IOException if it cannot be read at all
	 */
	public static RasterImage read(final Path file) throws IOException {
		if (!Files.isRegularFile(file)) throw new NoSuchFileException(file
			.toString(), null, "The image file does not exist.");
		final ImageHeader header = ImageHeader.read(file);
		header.requireUsableSize(file);
		final RasterImage raster;
		try {
			raster = toRaster(decode(file, header));
		}
		catch (final IllegalArgumentException e) {
			throw new UnusableImageException(file, e.getMessage(), e);
		}
		final String problem = ImageRequirements.contentProblem(raster);
		if (problem != null) throw new UnusableImageException(file, problem);
		return raster;
	}

	/**
	 * Decodes the first image of a file whose header was read; a JPEG that
	 * the decoder warns about (truncated, corrupt data) is refused.
	 *
	 * @throws UnusableImageException if it cannot be decoded or is damaged
	 */
	public static BufferedImage decode(final Path file,
		final ImageHeader header) throws IOException
	{
		final List<String> warnings = new ArrayList<>();
		final BufferedImage image = ImageHeader.withReader(file, true, reader -> {
			reader.addIIOReadWarningListener((source, warning) -> warnings.add(
				warning));
			return reader.read(0);
		});
		if (header.isJpeg() && !warnings.isEmpty())
			throw new UnusableImageException(file, "it is damaged or truncated " +
				"(the JPEG decoder says: " + String.join("; ", warnings) + "); copy " +
				"it again or leave it out");
		return image;
	}

	/**
	 * Converts a decoded image: grey or RGB samples scaled by bit depth,
	 * palette colours expanded to RGB, grey floating-point samples as they
	 * are.
	 *
	 * @throws IllegalArgumentException for colour spaces other than grey and
	 *           RGB, colour floating-point samples, or 32-bit integer samples
	 */
	public static RasterImage toRaster(final BufferedImage image) {
		final ColorModel model = image.getColorModel();
		final int w = image.getWidth();
		final int h = image.getHeight();
		if (model instanceof IndexColorModel) return fromPalette(image);
		final int type = image.getRaster().getDataBuffer().getDataType();
		if (type == DataBuffer.TYPE_FLOAT || type == DataBuffer.TYPE_DOUBLE)
			return fromFloatingPoint(image);
		final int colourType = model.getColorSpace().getType();
		final int channels;
		if (colourType == ColorSpace.TYPE_GRAY) channels = 1;
		else if (colourType == ColorSpace.TYPE_RGB) channels = 3;
		else throw new IllegalArgumentException(
			"only grey, RGB and palette images are supported, not colour space type " +
				colourType + " (e.g. CMYK); convert it to RGB first.");
		final float[][] planes = new float[channels][w * h];
		final Raster raster = image.getRaster();
		final int[] row = new int[w];
		for (int c = 0; c < channels; c++) {
			final int bits = model.getComponentSize(c);
			if (bits > 16) throw new IllegalArgumentException("its samples have " +
				bits + " bits; open it in Fiji instead.");
			final double scale = 255.0 / ((1 << bits) - 1);
			for (int y = 0; y < h; y++) {
				raster.getSamples(0, y, w, 1, c, row);
				for (int x = 0; x < w; x++)
					planes[c][y * w + x] = (float) (row[x] * scale);
			}
		}
		return new RasterImage(w, h, planes);
	}

	/** A grey image of floating-point samples, its values kept (32-bit). */
	private static RasterImage fromFloatingPoint(final BufferedImage image) {
		final Raster raster = image.getRaster();
		if (raster.getNumBands() != 1) throw new IllegalArgumentException(
			"its samples are floating-point numbers in " + raster.getNumBands() +
				" channels; open it in Fiji instead.");
		final int w = image.getWidth();
		final int h = image.getHeight();
		return new RasterImage(w, h, raster.getSamples(0, 0, w, h, 0,
			new float[w * h])).asFloatingPoint();
	}

	private static RasterImage fromPalette(final BufferedImage image) {
		final int w = image.getWidth();
		final int h = image.getHeight();
		final float[][] rgb = new float[3][w * h];
		final int[] row = new int[w];
		for (int y = 0; y < h; y++) {
			image.getRGB(0, y, w, 1, row, 0, w);
			for (int x = 0; x < w; x++) {
				final int p = row[x];
				rgb[0][y * w + x] = (p >> 16) & 0xff;
				rgb[1][y * w + x] = (p >> 8) & 0xff;
				rgb[2][y * w + x] = p & 0xff;
			}
		}
		return new RasterImage(w, h, rgb);
	}
}
