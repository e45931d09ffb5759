package io.github.tailedcore.benchmark.split;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A long-tailed, noisy benchmark split of one data set: which images each
 * class trains on and tests on, and which classes are tail and head (spec
 * §8). Paths are relative to the data set folder.
 *
 * @param shape the tail it was drawn with
 * @param noiseRatio the noise ratio it was drawn with (e.g. 0.1)
 * @param seed the seed it was drawn with
 * @param classes one entry per class, sorted by name
 */
public record Split(TailShape shape, double noiseRatio, long seed,
	List<ClassSplit> classes)
{

	/** Copies the class list and checks that it is sorted and not empty. */
	public Split {
		classes = List.copyOf(classes);
		if (classes.isEmpty()) throw new IllegalArgumentException(
			"A split needs at least one class.");
		for (int i = 1; i < classes.size(); i++)
			if (classes.get(i).name().compareTo(classes.get(i - 1).name()) <= 0)
				throw new IllegalArgumentException("The classes of a split must be " +
					"sorted and distinct; '" + classes.get(i).name() + "' follows '" +
					classes.get(i - 1).name() + "'.");
		if (!(noiseRatio >= 0)) throw new IllegalArgumentException(
			"The noise ratio must be ≥ 0, got " + noiseRatio + ".");
	}

	/**
	 * The entry of class {@code name}.
	 *
	 * @throws IllegalArgumentException if the split has no such class
	 */
	public ClassSplit get(final String name) {
		for (final ClassSplit c : classes)
			if (c.name().equals(name)) return c;
		throw new IllegalArgumentException("The split has no class '" + name +
			"'.");
	}

	/** The names of the tail classes, sorted. */
	public List<String> tailClasses() {
		return names(true);
	}

	/** The names of the head classes, sorted. */
	public List<String> headClasses() {
		return names(false);
	}

	/**
	 * All training images in loader order: classes sorted by name, each
	 * class's images by their name in {@code train/good} (the official
	 * code's unshuffled {@code ConcatDataset}, spec §9).
	 */
	public List<TrainImage> trainingSet() {
		return classes.stream().flatMap(c -> c.train().stream()).collect(
			Collectors.toList());
	}

	private List<String> names(final boolean tail) {
		return classes.stream().filter(c -> c.tail() == tail).map(
			ClassSplit::name).collect(Collectors.toList());
	}
}
