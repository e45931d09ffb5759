package io.github.tailedcore.cli;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * The command line: {@code mvn -q exec:java -Dexec.args="<subcommand> ..."}
 * or {@code java -cp ... io.github.tailedcore.cli.Main <subcommand> ...}.
 * Prints a clear message and exits non-zero on any error.
 */
public final class Main {

	private Main() {}

	/** Every subcommand, in the order {@code help} lists them. */
	static List<Subcommand> subcommands() {
		return Arrays.asList(new ExampleCommand(), new FitCommand(),
			new ScoreCommand(), new MakeTestImagesCommand(),
			new BenchBackboneCommand(), new BenchSpeedCommand(),
			new BenchFitCommand(), new BenchmarkCommand());
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
			return args.length == 0 ? 2 : 0;
		}
		for (final Subcommand s : subcommands()) {
			if (!s.name().equals(args[0])) continue;
			try {
				return s.run(new Arguments(Arrays.copyOfRange(args, 1, args.length)));
			}
			catch (final CancellationException e) {
				System.err.println("Canceled.");
				return 130;
			}
			catch (final IllegalArgumentException e) {
				System.err.println("Error: " + e.getMessage());
				System.err.println("Usage: " + s.name() + " " + s.usage());
				return 2;
			}
			catch (final Exception e) {
				System.err.println("Error: " + e.getMessage());
				return 1;
			}
		}
		System.err.println("Unknown subcommand '" + args[0] +
			"'. Run 'help' for the list.");
		return 2;
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
