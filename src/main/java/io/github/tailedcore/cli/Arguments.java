package io.github.tailedcore.cli;

import java.nio.file.InvalidPathException;
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
 * Command-line options of the form {@code --key value}, {@code --key=value}
 * or {@code --flag}. Every option a subcommand reads is marked used, so that
 * {@link #rejectUnknown()} can name a misspelt option or a stray word
 * instead of silently ignoring it.
 * <p>
 * The word after {@code --key} is its value unless it starts with
 * {@code --}. What the subcommand asks for decides the rest, and every
 * mistake is a {@link UsageException} before any work: an option that needs
 * a value but has none ({@code --model --overwrite} must not write a model
 * named {@code true}), an empty or blank value ({@code --train ""} must not
 * mean the current folder), a switch followed by a word that is not
 * {@code true} or {@code false}, an option given twice, a word that belongs
 * to no option.
 * </p>
 */
public final class Arguments {

	private final Map<String, String> options = new LinkedHashMap<>();
	private final List<String> positional = new ArrayList<>();
	private final Set<String> used = new HashSet<>();
	private final List<String> words;

	/**
	 * Parses {@code args}; a {@code --key} followed by another option or
	 * nothing has no value.
	 *
	 * @throws UsageException if an option is given twice
	 */
	public Arguments(final String... args) {
		words = List.of(args);
		for (int i = 0; i < args.length; i++) {
			final String a = args[i];
			if (a.startsWith("--") && a.length() > 2) {
				final int eq = a.indexOf('=');
				final String key = eq > 0 ? a.substring(2, eq) : a.substring(2);
				if (options.containsKey(key)) throw new UsageException("The option --" +
					key + " is given twice; give it once.");
				if (eq > 0) options.put(key, a.substring(eq + 1));
				else if (i + 1 < args.length && !args[i + 1].startsWith("--"))
					options.put(key, args[++i]);
				else options.put(key, null);
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

	/**
	 * The value of {@code --key}, or {@code fallback} if the option is absent.
	 *
	 * @throws UsageException if the option is present without a value, or
	 *           with an empty one
	 */
	public String get(final String key, final String fallback) {
		used.add(key);
		if (!options.containsKey(key)) return fallback;
		final String v = options.get(key);
		if (v == null) throw new UsageException("The option --" + key +
			" needs a value" + next(key) + ".");
		if (v.isBlank()) throw new UsageException("The option --" + key +
			" has an empty value; give it one.");
		return v;
	}

	/** The value of {@code --key}; a clear error if absent. */
	public String require(final String key) {
		final String v = get(key, null);
		if (v == null) throw new UsageException("Missing option --" + key + ".");
		return v;
	}

	public Path path(final String key) {
		return toPath(key, require(key));
	}

	public Path path(final String key, final Path fallback) {
		final String v = get(key, null);
		return v == null ? fallback : toPath(key, v);
	}

	public int integer(final String key, final int fallback) {
		final String v = get(key, null);
		try {
			return v == null ? fallback : Integer.parseInt(v.trim());
		}
		catch (final NumberFormatException e) {
			throw new UsageException("--" + key + " needs a whole number, got '" +
				v + "'.", e);
		}
	}

	/** A finite number; NaN and infinity are refused. */
	public double real(final String key, final double fallback) {
		final String v = get(key, null);
		if (v == null) return fallback;
		final double d;
		try {
			d = Double.parseDouble(v.trim());
		}
		catch (final NumberFormatException e) {
			throw new UsageException("--" + key + " needs a number, got '" + v +
				"'.", e);
		}
		if (!Double.isFinite(d)) throw new UsageException("--" + key +
			" needs a finite number, got '" + v + "'.");
		return d;
	}

	/**
	 * Whether the switch {@code --key} is on: given alone, or with
	 * {@code true}/{@code false} (also {@code yes}/{@code no},
	 * {@code 1}/{@code 0}).
	 */
	public boolean flag(final String key) {
		used.add(key);
		if (!options.containsKey(key)) return false;
		final String v = options.get(key);
		if (v == null) return true;
		switch (v.trim().toLowerCase(java.util.Locale.ROOT)) {
			case "true":
			case "yes":
			case "1":
				return true;
			case "false":
			case "no":
			case "0":
				return false;
			default:
				throw new UsageException("--" + key + " is a switch and takes no " +
					"value, but '" + v + "' follows it; write --" + key +
					" alone, or put the word where it belongs.");
		}
	}

	/** Throws naming the first option no one asked for, or a stray word. */
	public void rejectUnknown() {
		for (final String key : options.keySet())
			if (!used.contains(key)) throw new UsageException("Unknown option --" +
				key + ".");
		if (!positional.isEmpty()) throw new UsageException("Unexpected word '" +
			positional.get(0) + "': every value follows its option (--key value).");
	}

	/** ", but the next word is --x" or "" (for a value-less option's error). */
	private String next(final String key) {
		final int i = words.indexOf("--" + key);
		return i >= 0 && i + 1 < words.size() ? ", but the next word is " + words
			.get(i + 1) + " (write --" + key + " VALUE)" : " (write --" + key +
				" VALUE)";
	}

	private static Path toPath(final String key, final String value) {
		try {
			return Paths.get(value);
		}
		catch (final InvalidPathException e) {
			throw new UsageException("--" + key + " is not a valid path: " + e
				.getMessage() + ".", e);
		}
	}
}
