package io.github.tailedcore.image;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An image file that cannot be used, and why: no image or a format no reader
 * knows, a header or pixel data that are damaged or truncated, too few or
 * too many pixels, a blank image, values outside the range the detector
 * reads. A fit or a batch skips such a file with its {@link #reason()}; a
 * single image is refused with the {@linkplain #getMessage() message}.
 */
public class UnusableImageException extends IOException {

	private static final long serialVersionUID = 1L;

	private final Path file;
	private final String reason;

	/**
	 * @param reason what is wrong and what to do, without the file name, e.g.
	 *          "it is blank (every pixel is 0): there is nothing to score"
	 */
	public UnusableImageException(final Path file, final String reason) {
		this(file, reason, null);
	}

	public UnusableImageException(final Path file, final String reason,
		final Throwable cause)
	{
		super("Cannot use the image " + file + ": " + sentence(reason) + ".",
			cause);
		this.file = file;
		this.reason = sentence(reason);
	}

	/** The reason without a closing full stop. */
	private static String sentence(final String reason) {
		return reason.endsWith(".") ? reason.substring(0, reason.length() - 1)
			: reason;
	}

	/** The file concerned. */
	public Path file() {
		return file;
	}

	/** What is wrong and what to do, without the file name. */
	public String reason() {
		return reason;
	}
}
