package io.github.tailedcore.feature;

import io.github.tailedcore.image.ImageIoReader;
import io.github.tailedcore.image.RasterImage;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An image that is decoded only when needed, so that feature extraction
 * over a large folder holds only one batch of decoded images at a time.
 */
@FunctionalInterface
public interface ImageSource {

	/**
	 * Decodes the image.
	 *
	 * @throws IOException naming the image if it cannot be read
	 */
	RasterImage open() throws IOException;

	/** An image already in memory. */
	static ImageSource of(final RasterImage image) {
		return () -> image;
	}

	/** An image file read by {@link ImageIoReader} (PNG, JPEG, TIFF, BMP). */
	static ImageSource of(final Path file) {
		return () -> ImageIoReader.read(file);
	}
}
