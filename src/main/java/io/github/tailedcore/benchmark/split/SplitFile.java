package io.github.tailedcore.benchmark.split;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a {@link Split} to a CSV file anyone can read, and reads it back,
 * so that a benchmark run can be repeated and audited. The file starts with
 * {@code #} lines giving the tail, noise ratio and seed and a per-class
 * summary, then one row per image:
 *
 * <pre>
 * class,group,role,source,train_name
 * tire,head,train,tire/train/good/tra_000.png,tra_000.png
 * tire,head,noise,tire/test/cut/003.png,cut_003.png
 * tire,head,test,tire/test/cut/003.png,
 * </pre>
 * <p>
 * {@code group} is {@code tail} or {@code head}; {@code role} is
 * {@code train} (clean), {@code noise} (a defective test image added to
 * training, still listed under {@code test}) or {@code test}; {@code source}
 * is relative to the data set folder.
 * </p>
 */
public final class SplitFile {

	/** The file name {@link #write} uses inside its folder. */
	public static final String FILE_NAME = "split.csv";

	private static final String HEADER = "class,group,role,source,train_name";

	private SplitFile() {}

	/**
	 * Writes {@code split} to {@value #FILE_NAME} in {@code folder}, creating
	 * the folder.
	 *
	 * @return the file written
	 */
	public static Path write(final Split split, final Path folder)
		throws IOException
	{
		Files.createDirectories(folder);
		final Path file = folder.resolve(FILE_NAME);
		try (BufferedWriter out = Files.newBufferedWriter(file,
			StandardCharsets.UTF_8))
		{
			out.write("# TailedCore benchmark split (spec §8); sources are relative" +
				" to the data set folder\n");
			out.write("# tail=" + split.shape() + "\n");
			out.write("# noise_ratio=" + split.noiseRatio() + "\n");
			out.write("# seed=" + split.seed() + "\n");
			for (final ClassSplit c : split.classes())
				out.write(String.format(Locale.ROOT,
					"# %s: %s, %d clean + %d noise training images, %d test images%n",
					c.name(), group(c), c.clean().size(), c.noise().size(), c.test()
						.size()));
			out.write(HEADER + "\n");
			for (final ClassSplit c : split.classes()) {
				for (final TrainImage t : c.train())
					row(out, c, t.noise() ? "noise" : "train", t.source(), t.name());
				for (final String t : c.test())
					row(out, c, "test", t, "");
			}
		}
		return file;
	}

	/**
	 * Reads a split written by {@link #write}; {@code file} may be the CSV
	 * file or the folder holding {@value #FILE_NAME}.
	 *
	 * @throws IOException if it cannot be read or is not a split file
	 */
	public static Split read(final Path file) throws IOException {
		final Path csv = Files.isDirectory(file) ? file.resolve(FILE_NAME) : file;
		final Map<String, String> settings = new LinkedHashMap<>();
		final Map<String, List<TrainImage>> train = new LinkedHashMap<>();
		final Map<String, List<String>> test = new LinkedHashMap<>();
		final Map<String, Boolean> tail = new LinkedHashMap<>();
		int lineNumber = 0;
		boolean header = false;
		for (final String line : Files.readAllLines(csv, StandardCharsets.UTF_8)) {
			lineNumber++;
			if (line.startsWith("#")) {
				final int eq = line.indexOf('=');
				if (eq > 0) settings.put(line.substring(1, eq).trim(), line.substring(
					eq + 1).trim());
				continue;
			}
			if (line.isBlank()) continue;
			if (!header) {
				if (!line.equals(HEADER)) throw bad(csv, lineNumber, "expected the " +
					"header '" + HEADER + "'");
				header = true;
				continue;
			}
			final String[] f = line.split(",", -1);
			if (f.length != 5) throw bad(csv, lineNumber, "expected 5 fields");
			final Boolean isTail = tail.putIfAbsent(f[0], f[1].equals("tail"));
			if (!f[1].equals("tail") && !f[1].equals("head") || isTail != null &&
				isTail != f[1].equals("tail")) throw bad(csv, lineNumber,
					"the group must be tail or head, the same for every row of a class");
			train.putIfAbsent(f[0], new ArrayList<>());
			test.putIfAbsent(f[0], new ArrayList<>());
			switch (f[2]) {
				case "train":
					train.get(f[0]).add(new TrainImage(f[3], f[4], false));
					break;
				case "noise":
					train.get(f[0]).add(new TrainImage(f[3], f[4], true));
					break;
				case "test":
					test.get(f[0]).add(f[3]);
					break;
				default:
					throw bad(csv, lineNumber, "the role must be train, noise or test");
			}
		}
		final List<ClassSplit> classes = new ArrayList<>();
		for (final String name : tail.keySet())
			classes.add(new ClassSplit(name, tail.get(name), train.get(name), test
				.get(name)));
		try {
			return new Split(TailShape.parse(setting(settings, "tail", csv)), Double
				.parseDouble(setting(settings, "noise_ratio", csv)), Long.parseLong(
					setting(settings, "seed", csv)), classes);
		}
		catch (final IllegalArgumentException e) {
			throw new IOException("The split file " + csv + " is invalid: " + e
				.getMessage(), e);
		}
	}

	private static String group(final ClassSplit c) {
		return c.tail() ? "tail" : "head";
	}

	private static void row(final BufferedWriter out, final ClassSplit c,
		final String role, final String source, final String name)
		throws IOException
	{
		for (final String field : new String[] { c.name(), source, name })
			if (field.contains(",") || field.contains("\n")) throw new IOException(
				"Cannot write '" + field + "' to a split file: file and class names " +
					"must not contain commas or line breaks; rename the file.");
		out.write(c.name() + "," + group(c) + "," + role + "," + source + "," +
			name + "\n");
	}

	private static String setting(final Map<String, String> settings,
		final String key, final Path csv) throws IOException
	{
		final String v = settings.get(key);
		if (v == null) throw new IOException("The split file " + csv +
			" lacks the line '# " + key + "=...'.");
		return v;
	}

	private static IOException bad(final Path csv, final int line,
		final String why)
	{
		return new IOException("Line " + line + " of the split file " + csv +
			" is invalid: " + why + ".");
	}
}
