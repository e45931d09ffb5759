package io.github.tailedcore;

import java.util.Locale;

/**
 * A setting whose values users name by a lower-case label, in the CLI, in
 * macro options and in the model file ({@code robust}, {@code class-aware},
 * {@code training-range}, …); {@link #parse} is the one reading of such a
 * name.
 */
public interface Labelled {

	/** The name users type. */
	String label();

	/**
	 * The value whose {@link #label()} is {@code name}, ignoring case and
	 * surrounding blanks.
	 *
	 * @param values the values to choose from
	 * @param name what the user typed
	 * @param setting the setting, for the message ("tail estimate")
	 * @param choices the labels, for the message ("robust or paper")
	 * @throws IllegalArgumentException naming the setting and the choices if
	 *           no value has that label
	 */
	static <L extends Labelled> L parse(final L[] values, final String name,
		final String setting, final String choices)
	{
		final String key = name.trim().toLowerCase(Locale.ROOT);
		for (final L value : values)
			if (value.label().equals(key)) return value;
		throw new IllegalArgumentException("Unknown " + setting + " '" + name +
			"': use " + choices + ".");
	}
}
