package io.github.tailedcore.feature;

import io.github.tailedcore.image.ImageHeader;
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

	/**
	 * Width and height, which a tiled fit needs before it starts (to count
	 * its tiles); by default the image is decoded to find them.
	 *
	 * @throws IOException naming the image if it cannot be read
	 */
	default Size size() throws IOException {
		final RasterImage image = open();
		return new Size(image.width(), image.height());
	}

	/** Width and height of an image in pixels. */
	record Size(int width, int height) {}

	/** An image already in memory. */
	static ImageSource of(final RasterImage image) {
		return new ImageSource() {

			@Override
			public RasterImage open() {
				return image;
			}

			@Override
			public Size size() {
				return new Size(image.width(), image.height());
			}
		};
	}

	/**
	 * An image file read by {@link ImageIoReader} (PNG, JPEG, TIFF, BMP),
	 * whose size is read from its header.
	 */
	static ImageSource of(final Path file) {
		return new ImageSource() {

			@Override
			public RasterImage open() throws IOException {
				return ImageIoReader.read(file);
			}

			@Override
			public Size size() throws IOException {
				final ImageHeader h = ImageHeader.read(file);
				return new Size(h.width(), h.height());
			}
		};
	}
}
