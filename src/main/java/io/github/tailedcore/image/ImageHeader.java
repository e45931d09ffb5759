package io.github.tailedcore.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * What an image file's header says, read without decoding any pixel: the
 * format, the size of its first image and how many images (pages, stack
 * slices) it holds. Reading it first lets a fit or a batch refuse a file
 * that is not an image, too small, or too large for the heap (a 1.5 MB PNG
 * can claim 40000 × 40000 pixels) before any work or allocation.
 *
 * @param format the format's name as {@code javax.imageio} knows it, lower
 *          case ({@code png}, {@code jpeg}, {@code tif}, {@code bmp},
 *          {@code gif})
 * @param pages images in the file: the pages of a TIFF or frames of a GIF,
 *          1 for other formats
 */
public record ImageHeader(String format, int width, int height, int pages) {

	/**
	 * Reads the header of {@code file}.
	 *
	 * @throws UnusableImageException if it is not an image a reader knows, or
	 *           its header is damaged
	 * @throws IOException if the file cannot be read at all
	 */
	public static ImageHeader read(final Path file) throws IOException {
		if (!Files.isRegularFile(file)) throw new UnusableImageException(file,
			"there is no such file");
		return withReader(file, false, reader -> {
			final String format = reader.getFormatName().toLowerCase(Locale.ROOT);
			final boolean multi = format.startsWith("tif") || format.equals("gif");
			return new ImageHeader(format, reader.getWidth(0), reader.getHeight(0),
				multi ? reader.getNumImages(true) : 1);
		});
	}

	/** What is done with an image reader set on a file. */
	@FunctionalInterface
	interface ReaderUse<T> {

		T use(ImageReader reader) throws IOException;
	}

	/**
	 * Runs {@code use} with the ImageIO reader of {@code file}, turning every
	 * failure into an {@link UnusableImageException} that names the file.
	 *
	 * @param pixelsOnly read forward only and skip the metadata (decoding)
	 */
	static <T> T withReader(final Path file, final boolean pixelsOnly,
		final ReaderUse<T> use) throws UnusableImageException
	{
		try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
			if (in == null) throw new UnusableImageException(file,
				"it cannot be opened");
			final Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
			if (!readers.hasNext()) throw new UnusableImageException(file,
				"it is not an image in a format this reader knows; use PNG, TIFF, " +
					"JPEG or BMP");
			final ImageReader reader = readers.next();
			try {
				reader.setInput(in, pixelsOnly, pixelsOnly);
				return use.use(reader);
			}
			finally {
				reader.dispose();
			}
		}
		catch (final UnusableImageException e) {
			throw e;
		}
		catch (final IOException | RuntimeException e) {
			throw new UnusableImageException(file, "it is damaged or truncated, or " +
				"not an image (" + detail(e) + "); copy it again or leave it out", e);
		}
	}

	/** Whether the file is a JPEG, whose truncation decoders only warn about. */
	public boolean isJpeg() {
		return format.equals("jpeg") || format.equals("jpg");
	}

	/** Whether the file is a TIFF. */
	public boolean isTiff() {
		return format.startsWith("tif");
	}

	/**
	 * Refuses a file whose size breaks the {@link ImageRequirements}: too
	 * small, a thin strip, or more pixels than the heap allows.
	 */
	public void requireUsableSize(final Path file)
		throws UnusableImageException
	{
		final String problem = ImageRequirements.sizeProblem(width, height,
			pages);
		if (problem != null) throw new UnusableImageException(file, problem);
	}

	/** A decoder's message, or its class when it has none. */
	static String detail(final Throwable e) {
		final String m = e.getMessage();
		return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
	}
}
