package io.github.tailedcore.ij;

import ij.IJ;
import ij.ImagePlus;
import ij.io.FileInfo;
import ij.io.TiffDecoder;

import io.github.tailedcore.ErrorMessage;
import io.github.tailedcore.image.ImageHeader;
import io.github.tailedcore.image.ImageIoReader;
import io.github.tailedcore.image.ImageRequirements;
import io.github.tailedcore.image.RasterImage;
import io.github.tailedcore.image.UnusableImageException;

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
	 * Opens a file as an {@link ImagePlus}, never showing it, after checking
	 * its {@link ImageHeader} (a format ImageIO knows, a size within the
	 * {@link ImageRequirements}) and its completeness: a JPEG is decoded by
	 * ImageIO, which reports truncation (ImageJ's decoder only prints it), and
	 * a TIFF's pixel data must lie within the file (ImageJ reads a truncated
	 * TIFF without a word).
	 *
	 * @throws FileNotFoundException if {@code file} is not a readable file
	 * @throws UnusableImageException naming the file and the reason if it is
	 *           not an image, damaged, truncated or too large for the heap
	 * @throws IOException naming the file if ImageJ cannot read it
	 */
	public static ImagePlus open(final Path file) throws IOException {
		if (!Files.isRegularFile(file) || !Files.isReadable(file))
			throw new FileNotFoundException("There is no readable image file " +
				file + ".");
		final ImageHeader header = ImageHeader.read(file);
		header.requireUsableSize(file);
		try {
			if (header.isJpeg()) return new ImagePlus(file.getFileName().toString(),
				ImageIoReader.decode(file, header));
			if (header.isTiff()) requireCompleteTiff(file);
			final ImagePlus imp = IJ.openImage(file.toAbsolutePath().toString());
			if (imp == null) throw new UnusableImageException(file, "ImageJ " +
				"cannot read it: it is damaged, or not an image in a format ImageJ " +
				"opens (TIFF, PNG, JPEG, GIF, BMP)");
			return imp;
		}
		catch (final OutOfMemoryError e) {
			throw new UnusableImageException(file, "Java ran out of memory " +
				"decoding it (" + header.width() + " × " + header.height() + " pixels" +
				(header.pages() > 1 ? " × " + header.pages() + " slices" : "") +
				"); scale it down, or " + ErrorMessage.MORE_MEMORY, e);
		}
	}

	/**
	 * Refuses a TIFF whose strips (or contiguous pixel data) end beyond the
	 * file, as a truncated copy's do.
	 */
	private static void requireCompleteTiff(final Path file) throws IOException {
		final FileInfo[] pages;
		try {
			pages = new TiffDecoder(file.toAbsolutePath().getParent().toString() +
				"/", file.getFileName().toString()).getTiffInfo();
		}
		catch (final IOException | RuntimeException e) {
			throw new UnusableImageException(file, "its TIFF header is damaged (" + e
				.getMessage() + "); copy it again or leave it out", e);
		}
		if (pages == null || pages.length == 0) throw new UnusableImageException(
			file, "its TIFF header is damaged; copy it again or leave it out");
		final long size = Files.size(file);
		for (final FileInfo fi : pages) {
			final long end = dataEnd(fi);
			if (end > size) throw new UnusableImageException(file, "it is " +
				"truncated: its pixel data run to byte " + end + " but the file has " +
				size + " bytes; copy it again or leave it out");
		}
	}

	/** The byte after the last pixel data of one TIFF page (or ImageJ stack). */
	private static long dataEnd(final FileInfo fi) {
		if (fi.stripOffsets != null && fi.stripLengths != null &&
			fi.stripOffsets.length > 0)
		{
			long end = 0;
			for (int i = 0; i < fi.stripOffsets.length && i < fi.stripLengths
				.length; i++)
				end = Math.max(end, (fi.stripOffsets[i] & 0xffffffffL) +
					(fi.stripLengths[i] & 0xffffffffL));
			return end + (long) (Math.max(1, fi.nImages) - 1) * (fi.gapBetweenImages +
				end - (fi.stripOffsets[0] & 0xffffffffL));
		}
		if (fi.compression > FileInfo.COMPRESSION_NONE) return 0;
		final long image = (long) fi.width * fi.height * fi.getBytesPerPixel();
		return fi.getOffset() + (long) Math.max(1, fi.nImages) * image + (long) (Math
			.max(1, fi.nImages) - 1) * fi.gapBetweenImages;
	}

	/**
	 * Opens a file and converts each slice with {@link ImagePlusConverter},
	 * refusing it if a slice breaks the {@link ImageRequirements} (blank).
	 *
	 * @param bitDepth significant bits of 16-bit images, or 0 to find them
	 *          from the file
	 * @throws IOException naming the file if it cannot be read or converted
	 *           (e.g. a multi-channel composite, a blank slice)
	 */
	public static List<RasterImage> read(final Path file, final int bitDepth)
		throws IOException
	{
		final ImagePlus imp = open(file);
		final List<RasterImage> slices;
		try {
			slices = ImagePlusConverter.toRasterImages(imp, bitDepth);
		}
		catch (final IllegalArgumentException e) {
			throw new UnusableImageException(file, e.getMessage(), e);
		}
		for (int i = 0; i < slices.size(); i++) {
			final String problem = ImageRequirements.contentProblem(slices.get(i));
			if (problem != null) throw new UnusableImageException(file, (slices
				.size() > 1 ? "slice " + (i + 1) + ": " : "") + problem);
		}
		return slices;
	}

	/** Opens a file and converts each slice, bit depth from the file. */
	public static List<RasterImage> read(final Path file) throws IOException {
		return read(file, 0);
	}
}
