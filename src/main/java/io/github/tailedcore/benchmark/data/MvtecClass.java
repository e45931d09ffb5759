package io.github.tailedcore.benchmark.data;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One product class of an MVTec-layout data set: its defect-free training
 * images and its test images, each list in loader order (file-sorted;
 * test images sorted by defect type, then file, {@value TestImage#GOOD}
 * among the types in alphabetical place, as the official data loader
 * does).
 *
 * @param name the class folder's name, e.g. {@code tire}
 * @param folder the class folder
 * @param trainGood the files of {@code train/good}, sorted by name
 * @param test the files of {@code test/<type>}, sorted by type then name
 * @param hasMasks whether the class has a {@code ground_truth} folder; if
 *          not (e.g. the solar cells) only image-level metrics apply
 */
public record MvtecClass(String name, Path folder, List<Path> trainGood,
	List<TestImage> test, boolean hasMasks)
{

	/** Makes the lists unmodifiable. */
	public MvtecClass {
		trainGood = List.copyOf(trainGood);
		test = List.copyOf(test);
	}

	/** The defective test images, in loader order. */
	public List<TestImage> anomalies() {
		return test.stream().filter(TestImage::isAnomalous).collect(Collectors
			.toList());
	}

	/** The defect types of the test set, sorted, {@value TestImage#GOOD} included. */
	public List<String> defectTypes() {
		return test.stream().map(TestImage::defectType).distinct().collect(
			Collectors.toList());
	}
}
