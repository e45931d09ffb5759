package io.github.tailedcore.plugin;

import ij.Macro;

import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.scijava.module.ModuleInfo;
import org.scijava.module.ModuleItem;

/**
 * A TailedCore command's inputs from an ImageJ 1.x macro options string, the
 * same for {@code run("Score Folder...", options)} in Fiji and for
 * {@code call("io.github.tailedcore.plugin.TailedCoreMacro.scoreFolder",
 * options)}.
 * <p>
 * Values are read as imagej-legacy reads them for {@code run()}: with
 * {@link Macro#getValue}, so {@code key=value} and {@code key=[value with
 * spaces]}. Where imagej-legacy is silent this class is strict, so that a
 * macro never runs with a value it did not ask for:
 * </p>
 * <ul>
 * <li>a key without a value is an error: imagej-legacy ignores a bare
 * {@code overwrite} (the macro recorder writes {@code overwrite=true}), so a
 * macro relying on it would silently run without;</li>
 * <li>a boolean must be {@code true} or {@code false}, a number must parse
 * (imagej-legacy turns {@code seed=abc} into 0), a choice must be one of the
 * command's choices, and a key must be one of the command's;</li>
 * <li>every option input the string leaves out gets its declared default
 * (the field's initial value), never the value a dialog last persisted in
 * the user's preferences; an input without a default must be given.</li>
 * </ul>
 * <p>
 * Option inputs are those of type {@code String}, {@code File}, boolean or
 * number; services and the image to score are filled by the framework.
 * </p>
 */
final class MacroOptions {

	private MacroOptions() {}

	/**
	 * The value of every option input of {@code command}, from
	 * {@code options} or the input's default, converted to the input's type.
	 *
	 * @throws IllegalArgumentException with a sentence naming the key, if the
	 *           options cannot be used as they are
	 */
	static Map<String, Object> inputs(final ModuleInfo command,
		final String options)
	{
		final String given = options == null ? "" : options;
		checkKeys(command, given);
		final Map<String, Object> inputs = new LinkedHashMap<>();
		for (final ModuleItem<?> item : command.inputs()) {
			if (!isOption(item)) continue;
			final String key = item.getName();
			final String value = Macro.getValue(given, key, null);
			if (value != null) inputs.put(key, parse(item, value));
			else if (item.getDefaultValue() != null) inputs.put(key, item
				.getDefaultValue());
			else throw new IllegalArgumentException(command.getTitle() +
				" needs " + key + "=[...] (" + item.getLabel() + ").");
		}
		return inputs;
	}

	/** Whether a macro gives this input in its options string. */
	static boolean isOption(final ModuleItem<?> item) {
		final Class<?> type = item.getType();
		return type == String.class || type == File.class || isBoolean(type) ||
			isWholeNumber(type) || type == double.class || type == float.class ||
			type == Double.class || type == Float.class;
	}

	/** Every key of {@code options} must be an input of the command, with a value. */
	private static void checkKeys(final ModuleInfo command,
		final String options)
	{
		for (final Key key : keys(options)) {
			final ModuleItem<?> item = command.getInput(key.name);
			if (item == null) throw new IllegalArgumentException(command
				.getTitle() + " has no key '" + key.name + "'; its keys are " +
				StreamSupport.stream(command.inputs().spliterator(), false).filter(
					MacroOptions::isOption).map(ModuleItem::getName).collect(Collectors
						.joining(", ")) + ".");
			if (!key.hasValue) throw new IllegalArgumentException("'" + key.name +
				"' has no value: write " + key.name + (isBoolean(item.getType())
					? "=true (or " + key.name + "=false)" : "=[...]") +
				"; Fiji's run() ignores a key without a value.");
		}
	}

	private static Object parse(final ModuleItem<?> item, final String value) {
		final String key = item.getName();
		final Class<?> type = item.getType();
		if (type == String.class) return choice(item, value);
		if (type == File.class) return new File(value);
		if (isBoolean(type)) {
			if (value.equalsIgnoreCase("true")) return true;
			if (value.equalsIgnoreCase("false")) return false;
			throw new IllegalArgumentException(key + "=" + value +
				" is not a boolean: write " + key + "=true or " + key + "=false.");
		}
		try {
			if (type == long.class || type == Long.class) return Long.parseLong(
				value);
			if (type == int.class || type == Integer.class) return Integer.parseInt(
				value);
			final double d = Double.parseDouble(value);
			return type == float.class || type == Float.class ? (Object) (float) d
				: (Object) d;
		}
		catch (final NumberFormatException e) {
			throw new IllegalArgumentException(key + "=" + value + " is not " +
				(isWholeNumber(type) ? "a whole number" : "a number") + ".");
		}
	}

	/** {@code value}, if the input has no choices or it is one of them. */
	private static String choice(final ModuleItem<?> item, final String value) {
		@SuppressWarnings("unchecked")
		final List<String> choices = (List<String>) item.getChoices();
		if (choices == null || choices.isEmpty() || choices.contains(value))
			return value;
		throw new IllegalArgumentException(item.getName() + "=" + value +
			" is not one of " + String.join(", ", choices) + ".");
	}

	private static boolean isBoolean(final Class<?> type) {
		return type == boolean.class || type == Boolean.class;
	}

	private static boolean isWholeNumber(final Class<?> type) {
		return type == long.class || type == int.class || type == Long.class ||
			type == Integer.class;
	}

	/** A key of an options string, and whether {@code =} follows it. */
	private record Key(String name, boolean hasValue) {}

	/**
	 * The keys of an ImageJ 1.x options string: words separated by spaces,
	 * each followed by {@code =value}, {@code =[value]} or nothing.
	 */
	private static List<Key> keys(final String options) {
		final List<Key> keys = new ArrayList<>();
		int i = 0;
		final int n = options.length();
		while (i < n) {
			if (Character.isWhitespace(options.charAt(i))) {
				i++;
				continue;
			}
			final int start = i;
			while (i < n && options.charAt(i) != '=' && !Character.isWhitespace(
				options.charAt(i)))
				i++;
			final String name = options.substring(start, i);
			final boolean hasValue = i < n && options.charAt(i) == '=';
			if (hasValue) {
				i++;
				if (i < n && options.charAt(i) == '[') {
					final int close = options.indexOf(']', i);
					i = close < 0 ? n : close + 1;
				}
				else while (i < n && !Character.isWhitespace(options.charAt(i)))
					i++;
			}
			keys.add(new Key(name, hasValue));
		}
		return keys;
	}
}
