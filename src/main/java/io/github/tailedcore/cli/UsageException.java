package io.github.tailedcore.cli;

/**
 * The command line itself is wrong: an unknown or repeated option, an option
 * without its value, a value of the wrong kind. {@link Main} prints the
 * message, points to {@code help <subcommand>} and exits with 2, before any
 * work.
 */
public final class UsageException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	public UsageException(final String message) {
		super(message);
	}

	public UsageException(final String message, final Throwable cause) {
		super(message, cause);
	}
}
