package io.github.tailedcore.benchmark.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A smaller version of a data set for benchmark runs that must fit a time
 * budget: some of its classes, and at most a given number of training and
 * test images per class, drawn at random from a seed. Defect-free and
 * defective test images keep their proportion (at least one of each when
 * the class has both). Files are not copied, and every list keeps its
 * loader order, so a subset is again an ordinary {@link MvtecDataset}.
 */
public final class DatasetSubset {

	private DatasetSubset() {}

	/**
	 * @param data the full data set
	 * @param classes the classes to keep, or an empty list for all
	 * @param trainPerClass most training images per class; 0 keeps all
	 * @param testPerClass most test images per class; 0 keeps all
	 * @param seed draws the images kept
	 * @throws IllegalArgumentException if a class is unknown or a limit
	 *           negative
	 */
	public static MvtecDataset of(final MvtecDataset data,
		final List<String> classes, final int trainPerClass,
		final int testPerClass, final long seed)
	{
		if (trainPerClass < 0 || testPerClass < 0)
			throw new IllegalArgumentException("Image limits must be ≥ 0 (0 = all), " +
				"got " + trainPerClass + " training and " + testPerClass + " test.");
		final Random random = new Random(seed);
		final List<MvtecClass> kept = new ArrayList<>();
		for (final String name : classes.isEmpty() ? data.classNames() : classes) {
			final MvtecClass c = data.get(name);
			final List<TestImage> good = c.test().stream().filter(t -> !t
				.isAnomalous()).collect(Collectors.toList());
			final List<TestImage> bad = c.anomalies();
			int keepBad = bad.size();
			int keepGood = good.size();
			if (testPerClass > 0 && testPerClass < c.test().size()) {
				keepBad = (int) Math.round((double) testPerClass * bad.size() / c
					.test().size());
				keepBad = Math.max(Math.min(1, bad.size()), Math.min(keepBad,
					testPerClass - Math.min(1, good.size())));
				keepGood = Math.min(good.size(), testPerClass - keepBad);
			}
			final List<TestImage> test = new ArrayList<>(sample(good, keepGood,
				random));
			test.addAll(sample(bad, keepBad, random));
			final List<TestImage> ordered = c.test().stream().filter(test::contains)
				.collect(Collectors.toList());
			kept.add(new MvtecClass(c.name(), c.folder(), sample(c.trainGood(),
				trainPerClass == 0 ? c.trainGood().size() : Math.min(trainPerClass, c
					.trainGood().size()), random), ordered, c.hasMasks()));
		}
		return new MvtecDataset(data.root(), kept);
	}

	/** {@code count} random items of {@code items}, in their original order. */
	private static <T> List<T> sample(final List<T> items, final int count,
		final Random random)
	{
		final List<Integer> order = new ArrayList<>();
		for (int i = 0; i < items.size(); i++)
			order.add(i);
		Collections.shuffle(order, random);
		final Set<Integer> chosen = new HashSet<>(order.subList(0, count));
		final List<T> out = new ArrayList<>(count);
		for (int i = 0; i < items.size(); i++)
			if (chosen.contains(i)) out.add(items.get(i));
		return out;
	}
}
