package io.github.tailedcore.cli;

import io.github.tailedcore.ErrorMessage;

import java.util.Arrays;
import java.util.List;

/**
 * The command line: {@code mvn -q exec:java -Dexec.args="<subcommand> ..."}
 * or {@code java -cp ... io.github.tailedcore.cli.Main <subcommand> ...}.
 * <p>
 * This is the command line's one error boundary: whatever a subcommand
 * throws, {@link Error}s included, becomes one line on standard error
 * ({@link ErrorMessage}) and an exit status, never a stack trace:
 * </p>
 * <table>
 * <caption>Exit status</caption>
 * <tr><td>0</td><td>done</td></tr>
 * <tr><td>1</td><td>bad input or output: a file, folder or value (the line
 * says which and what to do)</td></tr>
 * <tr><td>2</td><td>the command line is wrong (unknown option, missing
 * value, ...)</td></tr>
 * <tr><td>3</td><td>Java's heap is too small</td></tr>
 * <tr><td>4</td><td>a native library (ONNX Runtime) could not be
 * loaded</td></tr>
 * <tr><td>70</td><td>internal error (a bug; the line says where)</td></tr>
 * <tr><td>130</td><td>canceled</td></tr>
 * </table>
 * <p>
 * Set the system property {@code tailedcore.debug} to also get the stack
 * trace.
 * </p>
 */
public final class Main {

	/** The exit status of a wrong command line. */
	static final int USAGE = 2;

	private Main() {}

	/** Every subcommand, in the order {@code help} lists them. */
	static List<Subcommand> subcommands() {
		return Arrays.asList(new ExampleCommand(), new FitCommand(),
			new ScoreCommand(),
			new MergeCommand(), new MakeTestImagesCommand(),
			new BenchBackboneCommand(), new BenchSpeedCommand(),
			new BenchFitCommand(), new BenchFramingCommand(),
			new BenchScoringCommand(), new BenchmarkCommand());
	}

	public static void main(final String... args) {
		System.exit(run(args));
	}

	/** Runs one subcommand and returns its exit code (for tests). */
	public static int run(final String... args) {
		if (args.length == 0 || args[0].equals("help") || args[0].equals(
			"--help"))
		{
			printHelp(args.length > 1 ? args[1] : null);
			return args.length == 0 ? USAGE : 0;
		}
		for (final Subcommand s : subcommands()) {
			if (!s.name().equals(args[0])) continue;
			final String[] rest = Arrays.copyOfRange(args, 1, args.length);
			try {
				return s.run(new Arguments(rest));
			}
			catch (final UsageException e) {
				System.err.println("Error: " + e.getMessage() + " Run 'help " + s
					.name() + "' for its options.");
				return USAGE;
			}
			catch (final Throwable t) {
				final ErrorMessage.Kind kind = ErrorMessage.Kind.of(t);
				System.err.println((kind == ErrorMessage.Kind.CANCELED ? ""
					: "Error: ") + ErrorMessage.of(t, "running " + s.name() + (rest
						.length == 0 ? "" : " " + String.join(" ", rest))));
				if (Boolean.getBoolean("tailedcore.debug")) t.printStackTrace();
				return kind.exitCode();
			}
		}
		System.err.println("Error: unknown subcommand '" + args[0] +
			"'. Run 'help' for the list.");
		return USAGE;
	}

	private static void printHelp(final String name) {
		for (final Subcommand s : subcommands()) {
			if (name == null) System.out.printf("  %-12s %s%n", s.name(), s
				.summary());
			else if (s.name().equals(name)) System.out.println(s.name() + " " + s
				.usage());
		}
		if (name == null) System.out.println(
			"Run 'help <subcommand>' for its options.");
	}
}
