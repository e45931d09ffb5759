package io.github.tailedcore.benchmark.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A data set in the MVTec AD folder layout:
 *
 * <pre>
 * root/&lt;class&gt;/train/good/*.png
 * root/&lt;class&gt;/test/&lt;type&gt;/*.png          (type "good" = defect-free)
 * root/&lt;class&gt;/ground_truth/&lt;type&gt;/&lt;stem&gt;_mask.png   (optional)
 * </pre>
 * <p>
 * Classes are sorted by name, test images by defect type then file name,
 * training images by file name: the loader order of the official code
 * (spec §13), to which tail indices and the concatenated training set
 * refer. A class without a {@code ground_truth} folder is kept and flagged
 * ({@link MvtecClass#hasMasks()}); a class that has one must have a mask for
 * every defective image.
 * </p>
 */
public final class MvtecDataset {

	private static final List<String> IMAGE_SUFFIXES = List.of(".png", ".jpg",
		".jpeg", ".bmp", ".tif", ".tiff");

	private final Path root;
	private final List<MvtecClass> classes;

	/**
	 * A data set from classes already listed, e.g. built in memory by a test.
	 *
	 * @param root the folder that paths are relative to
	 * @param classes the classes, in any order (they are sorted by name)
	 */
	public MvtecDataset(final Path root, final List<MvtecClass> classes) {
		if (classes.isEmpty()) throw new IllegalArgumentException(
			"A data set needs at least one class; " + root + " has none.");
		this.root = root;
		this.classes = classes.stream().sorted((a, b) -> a.name().compareTo(b
			.name())).collect(Collectors.toUnmodifiableList());
		for (int i = 1; i < this.classes.size(); i++)
			if (this.classes.get(i).name().equals(this.classes.get(i - 1).name()))
				throw new IllegalArgumentException("The class name '" + this.classes
					.get(i).name() + "' occurs twice.");
	}

	/**
	 * Reads the layout under {@code root}: every sub-folder is a class.
	 *
	 * @throws IllegalArgumentException naming the folder if {@code root} does
	 *           not exist, holds no class, or a class lacks
	 *           {@code train/good} images, {@code test} images or a mask
	 */
	public static MvtecDataset read(final Path root) {
		if (!Files.isDirectory(root)) throw new IllegalArgumentException(
			"The data set folder " + root + " does not exist or is not a folder.");
		final List<MvtecClass> classes = new ArrayList<>();
		for (final Path folder : sortedEntries(root, Files::isDirectory))
			classes.add(readClass(folder));
		if (classes.isEmpty()) throw new IllegalArgumentException(
			"The data set folder " + root + " holds no class folder; expected " +
				"the MVTec AD layout <class>/train/good/*.png, <class>/test/<type>/*.png.");
		return new MvtecDataset(root, classes);
	}

	/** The data set folder. */
	public Path root() {
		return root;
	}

	/** The classes, sorted by name. */
	public List<MvtecClass> classes() {
		return classes;
	}

	/** The class names, sorted. */
	public List<String> classNames() {
		return classes.stream().map(MvtecClass::name).collect(Collectors
			.toList());
	}

	/**
	 * The class called {@code name}.
	 *
	 * @throws IllegalArgumentException if there is none
	 */
	public MvtecClass get(final String name) {
		for (final MvtecClass c : classes)
			if (c.name().equals(name)) return c;
		throw new IllegalArgumentException("The data set " + root +
			" has no class '" + name + "'; it has " + classNames() + ".");
	}

	/** {@code file} relative to {@link #root()}, with '/' separators. */
	public String relative(final Path file) {
		final Path rel = root.relativize(file);
		final List<String> parts = new ArrayList<>();
		for (final Path p : rel)
			parts.add(p.toString());
		return String.join("/", parts);
	}

	/** The file that {@link #relative(Path)} named {@code relative}. */
	public Path resolve(final String relative) {
		return root.resolve(relative);
	}

	private static MvtecClass readClass(final Path folder) {
		final Path trainGood = folder.resolve("train").resolve(TestImage.GOOD);
		final List<Path> train = images(trainGood);
		if (train.isEmpty()) throw new IllegalArgumentException("The class folder " +
			folder + " has no images in train/good; every class needs " +
			"defect-free training images there (MVTec AD layout).");
		final Path testFolder = folder.resolve("test");
		final Path truth = folder.resolve("ground_truth");
		final boolean hasMasks = Files.isDirectory(truth);
		final List<TestImage> test = new ArrayList<>();
		for (final Path typeFolder : sortedEntries(testFolder, Files::isDirectory)) {
			final String type = typeFolder.getFileName().toString();
			for (final Path image : images(typeFolder))
				test.add(new TestImage(image, type, type.equals(TestImage.GOOD) ||
					!hasMasks ? null : mask(truth.resolve(type), image)));
		}
		if (test.isEmpty()) throw new IllegalArgumentException("The class folder " +
			folder + " has no images in test/<type>/; every class needs test " +
			"images there (test/good for defect-free ones).");
		return new MvtecClass(folder.getFileName().toString(), folder, train, test,
			hasMasks);
	}

	private static Path mask(final Path typeFolder, final Path image) {
		final String file = image.getFileName().toString();
		final String stem = file.substring(0, file.lastIndexOf('.'));
		final Path mask = typeFolder.resolve(stem + "_mask.png");
		if (!Files.isRegularFile(mask)) throw new IllegalArgumentException(
			"The defective test image " + image + " has no mask " + mask +
				"; a class with a ground_truth folder needs a mask for every " +
				"defective image (remove ground_truth to use image-level metrics only).");
		return mask;
	}

	/** Image files of {@code folder}, sorted; none if it does not exist. */
	private static List<Path> images(final Path folder) {
		return sortedEntries(folder, p -> Files.isRegularFile(p) && isImage(p));
	}

	private static boolean isImage(final Path file) {
		final String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		return !name.startsWith(".") && IMAGE_SUFFIXES.stream().anyMatch(
			name::endsWith);
	}

	private static List<Path> sortedEntries(final Path folder,
		final Predicate<Path> keep)
	{
		if (!Files.isDirectory(folder)) return List.of();
		try (Stream<Path> entries = Files.list(folder)) {
			return entries.filter(p -> !p.getFileName().toString().startsWith("."))
				.filter(keep).sorted((a, b) -> a.getFileName().toString().compareTo(b
					.getFileName().toString())).collect(Collectors.toList());
		}
		catch (final IOException e) {
			throw new UncheckedIOException("Cannot list the folder " + folder + ": " +
				e.getMessage(), e);
		}
	}
}
