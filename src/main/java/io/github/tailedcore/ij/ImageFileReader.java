package io.github.tailedcore.ij;

import ij.IJ;
import ij.ImagePlus;
import io.github.tailedcore.image.RasterImage;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Opens image files with ImageJ 1.x ({@link IJ#openImage(String)}: TIFF, PNG,
 * JPEG, GIF, BMP, DICOM, FITS, PGM, ...), which works in a truly headless
 * JVM and needs neither SCIFIO nor Bio-Formats.
 * <p>
 * Named apart from ImageJ's own {@code ij.io.ImageReader}, which decodes raw
 * pixel data.
 * </p>
 */
public final class ImageFileReader {

	private ImageFileReader() {}

	/**
	 * Opens a file as an {@link ImagePlus}, never showing it.
	 *
	 * @throws FileNotFoundException if {@code file} is not a readable file
	 * @throws IOException naming the file if ImageJ cannot read it
	 */
	public static ImagePlus open(final Path file) throws IOException {
		if (!Files.isRegularFile(file) || !Files.isReadable(file))
			throw new FileNotFoundException("There is no readable image file " +
				file + ".");
		final ImagePlus imp = IJ.openImage(file.toAbsolutePath().toString());
		if (imp == null) throw new IOException("ImageJ cannot read " + file +
			": it is not an image in a format ImageJ opens (TIFF, PNG, JPEG, " +
			"GIF, BMP, DICOM, FITS, PGM), or it is damaged.");
		return imp;
	}

	/**
	 * Opens a file and converts each slice with {@link ImagePlusConverter}.
	 *
	 * @param bitDepth significant bits of 16-bit images, or 0 to find them
	 *          from the file
	 * @throws IOException naming the file if it cannot be read
	 * @throws IllegalArgumentException naming the file if it cannot be
	 *           converted (e.g. a multi-channel composite)
	 */
	public static List<RasterImage> read(final Path file, final int bitDepth)
		throws IOException
	{
		final ImagePlus imp = open(file);
		try {
			return ImagePlusConverter.toRasterImages(imp, bitDepth);
		}
		catch (final IllegalArgumentException e) {
			throw new IllegalArgumentException("Cannot use " + file + ": " + e
				.getMessage(), e);
		}
	}

	/** Opens a file and converts each slice, bit depth from the file. */
	public static List<RasterImage> read(final Path file) throws IOException {
		return read(file, 0);
	}
}
