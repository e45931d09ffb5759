package io.github.tailedcore.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The command line run in this JVM through {@link Main#run}, as a user types
 * it: its exit status and everything it printed (standard output and error).
 */
public record CapturedRun(int code, String output) {

	/** Runs {@code args}, capturing what they print. */
	public static CapturedRun of(final String... args) {
		final PrintStream out = System.out;
		final PrintStream err = System.err;
		final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
		final PrintStream capture = new PrintStream(buffer, true,
			StandardCharsets.UTF_8);
		System.setOut(capture);
		System.setErr(capture);
		try {
			final int code = Main.run(args);
			return new CapturedRun(code, buffer.toString(StandardCharsets.UTF_8));
		}
		finally {
			System.setOut(out);
			System.setErr(err);
		}
	}

	/** The exit status and the output, as {@code {"0", "..."}}. */
	public String[] asArray() {
		return new String[] { Integer.toString(code), output };
	}
}
