package io.github.tailedcore.benchmark.synthetic;

import io.github.tailedcore.benchmark.data.ImageFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Synthetic classes made from tileable texture files (e.g. the GIMP
 * patterns of {@code shared/datasets/textures}), one class per texture,
 * each with every {@link DefectKind}. The textures are read when the data
 * set is made, never copied into the repository.
 */
public final class TextureClasses {

	private TextureClasses() {}

	/**
	 * {@code count} classes from the PNG files of {@code folder}, chosen at
	 * random with {@code seed} and sorted by name. A class is named after
	 * its file, lower-cased, without a {@code gimp_} prefix, other
	 * characters than letters and digits turned into '_'.
	 *
	 * @param train defect-free training images per class
	 * @param testGood defect-free test images per class
	 * @param perDefect defective test images per class and defect kind
	 * @throws IOException if the folder has fewer than {@code count} PNG
	 *           files or one cannot be read
	 */
	public static List<SyntheticClass> fromFolder(final Path folder,
		final int count, final long seed, final int train, final int testGood,
		final int perDefect) throws IOException
	{
		final List<Path> files = pngFiles(folder);
		if (count < 1 || files.size() < count) throw new IOException("The texture " +
			"folder " + folder + " has " + files.size() + " PNG files; " + count +
			" classes need at least as many (and at least one).");
		final List<Path> shuffled = new ArrayList<>(files);
		Collections.shuffle(shuffled, new Random(Seeds.random(seed,
			"textures").nextLong()));
		final List<Path> chosen = shuffled.subList(0, count).stream().sorted()
			.collect(Collectors.toList());
		final List<SyntheticClass> classes = new ArrayList<>();
		for (final Path file : chosen)
			classes.add(new SyntheticClass(className(file), ImageFiles.read(file),
				train, testGood, Arrays.asList(DefectKind.values()), perDefect));
		return classes;
	}

	/** The class name of a texture file, e.g. {@code Wood_pine} → {@code wood_pine}. */
	static String className(final Path file) {
		String stem = file.getFileName().toString();
		stem = stem.substring(0, stem.lastIndexOf('.')).toLowerCase(Locale.ROOT);
		if (stem.startsWith("gimp_")) stem = stem.substring("gimp_".length());
		return stem.replaceAll("[^a-z0-9]", "_");
	}

	private static List<Path> pngFiles(final Path folder) {
		if (!Files.isDirectory(folder)) throw new IllegalArgumentException(
			"The texture folder " + folder + " does not exist or is not a folder.");
		try (Stream<Path> entries = Files.list(folder)) {
			return entries.filter(p -> p.getFileName().toString().toLowerCase(
				Locale.ROOT).endsWith(".png")).sorted().collect(Collectors.toList());
		}
		catch (final IOException e) {
			throw new UncheckedIOException("Cannot list the texture folder " + folder +
				": " + e.getMessage(), e);
		}
	}
}
