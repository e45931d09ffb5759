package io.github.tailedcore.benchmark.split;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What one class contributes to a split: its training images (clean ones
 * and noise), whether it is a tail class, and its test images (the whole
 * original test set, or without the noise images with
 * {@link NoiseProtocol#MOVED}).
 *
 * @param name the class name
 * @param tail whether the class counts as tail in the C<sub>t</sub> mean
 *          (step: the K-shot classes; Pareto: fewer than 20 clean images)
 * @param train the training images, in loader order (sorted by
 *          {@link TrainImage#name()}, as the files of {@code train/good}
 *          would be)
 * @param test the test images, relative to the data set folder, in loader
 *          order
 */
public record ClassSplit(String name, boolean tail, List<TrainImage> train,
	List<String> test)
{

	/** Sorts the training images into loader order; copies the lists. */
	public ClassSplit {
		train = train.stream().sorted(Comparator.comparing(TrainImage::name))
			.collect(Collectors.toUnmodifiableList());
		test = List.copyOf(test);
		for (int i = 1; i < train.size(); i++)
			if (train.get(i).name().equals(train.get(i - 1).name()))
				throw new IllegalArgumentException("Class '" + name +
					"' has two training images named '" + train.get(i).name() + "'.");
	}

	/** The defect-free training images. */
	public List<TrainImage> clean() {
		return train.stream().filter(t -> !t.noise()).collect(Collectors
			.toList());
	}

	/** The defective images added to training. */
	public List<TrainImage> noise() {
		return train.stream().filter(TrainImage::noise).collect(Collectors
			.toList());
	}
}
