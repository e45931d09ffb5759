package io.github.tailedcore.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A model file could not be written or read: it is not a model file, is
 * damaged or truncated, has another format version, needs another backbone,
 * or the disk refused. The message is a whole sentence that names the file
 * and says what to do, ready to show to the user.
 * <p>
 * Checked, and an {@link IOException}, because a bad or missing file is an
 * expected condition that every caller (command, CLI, macro) must report
 * rather than crash on, like any other I/O failure.
 * </p>
 */
public class ModelFileException extends IOException {

	private static final long serialVersionUID = 1L;

	private final Path file;

	/**
	 * @param file the model file concerned
	 * @param message a whole sentence naming the file and the remedy
	 */
	public ModelFileException(final Path file, final String message) {
		super(message);
		this.file = file;
	}

	/**
	 * @param file the model file concerned
	 * @param message a whole sentence naming the file and the remedy
	 * @param cause the underlying failure
	 */
	public ModelFileException(final Path file, final String message,
		final Throwable cause)
	{
		super(message, cause);
		this.file = file;
	}

	/** The model file concerned. */
	public Path file() {
		return file;
	}
}
