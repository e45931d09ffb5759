package io.github.tailedcore.cli;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command-line options of the form {@code --key value} or {@code --flag},
 * plus positional words. Every option a subcommand reads is marked used, so
 * that {@link #rejectUnknown()} can name a misspelt option instead of
 * silently ignoring it.
 */
public final class Arguments {

	private final Map<String, String> options = new LinkedHashMap<>();
	private final List<String> positional = new ArrayList<>();
	private final Set<String> used = new HashSet<>();
	private final List<String> words;

	/** Parses {@code args}; a {@code --key} followed by another option or nothing is a flag. */
	public Arguments(final String... args) {
		words = List.of(args);
		for (int i = 0; i < args.length; i++) {
			final String a = args[i];
			if (a.startsWith("--") && a.length() > 2) {
				final int eq = a.indexOf('=');
				if (eq > 0) options.put(a.substring(2, eq), a.substring(eq + 1));
				else if (i + 1 < args.length && !args[i + 1].startsWith("--"))
					options.put(a.substring(2), args[++i]);
				else options.put(a.substring(2), "true");
			}
			else positional.add(a);
		}
	}

	/** The arguments as given, joined by spaces (for records of a run). */
	public String line() {
		return String.join(" ", words);
	}

	/** Positional words (the subcommand name removed by the caller). */
	public List<String> positional() {
		return Collections.unmodifiableList(positional);
	}

	public boolean has(final String key) {
		used.add(key);
		return options.containsKey(key);
	}

	/** The value of {@code --key}, or {@code fallback} if absent. */
	public String get(final String key, final String fallback) {
		used.add(key);
		return options.getOrDefault(key, fallback);
	}

	/** The value of {@code --key}; a clear error if absent. */
	public String require(final String key) {
		used.add(key);
		final String v = options.get(key);
		if (v == null) throw new IllegalArgumentException("Missing option --" +
			key + ".");
		return v;
	}

	public Path path(final String key) {
		return Paths.get(require(key));
	}

	public Path path(final String key, final Path fallback) {
		final String v = get(key, null);
		return v == null ? fallback : Paths.get(v);
	}

	public int integer(final String key, final int fallback) {
		final String v = get(key, null);
		try {
			return v == null ? fallback : Integer.parseInt(v);
		}
		catch (final NumberFormatException e) {
			throw new IllegalArgumentException("--" + key +
				" needs a whole number, got '" + v + "'.");
		}
	}

	public double real(final String key, final double fallback) {
		final String v = get(key, null);
		try {
			return v == null ? fallback : Double.parseDouble(v);
		}
		catch (final NumberFormatException e) {
			throw new IllegalArgumentException("--" + key +
				" needs a number, got '" + v + "'.");
		}
	}

	public boolean flag(final String key) {
		final String v = get(key, "false");
		return !v.equalsIgnoreCase("false") && !v.equals("0");
	}

	/** Throws naming the first option no one asked for. */
	public void rejectUnknown() {
		for (final String key : options.keySet())
			if (!used.contains(key)) throw new IllegalArgumentException(
				"Unknown option --" + key + ".");
	}
}
