package io.github.tailedcore.benchmark.split;

import io.github.tailedcore.benchmark.data.MvtecClass;
import io.github.tailedcore.benchmark.data.MvtecDataset;
import io.github.tailedcore.benchmark.data.TestImage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Draws a long-tailed, noisy split of an MVTec-layout data set as the
 * official {@code make_tailed_noisy_mvtec.py} does (spec §8):
 * <ul>
 * <li><b>step-k&lt;K&gt;</b>: round_half_even(0.6·C) classes, drawn at
 * random, are tail and keep K random training images; the head classes keep
 * all theirs.</li>
 * <li><b>pareto</b>: each class keeps {@link ParetoProfile#targets} random
 * images, the Pareto masses randomly permuted over the classes; classes
 * left with fewer than {@value #HEAD_MIN_IMAGES} images are tail.</li>
 * <li><b>none</b>: every class keeps all its images and is head.</li>
 * </ul>
 * Noise follows the "overlap" protocol by default: randomly chosen
 * defective test images are added to the training set of classes with at
 * least {@value #HEAD_MIN_IMAGES} kept images, and stay in the test set,
 * which is never changed. (With {@link NoiseProtocol#MOVED}, each such class
 * gets round_half_even(ratio · #anomalies(c)) of them, and they leave its
 * test set.) Step and none add
 * n(c) = min(#anomalies(c), round_half_even(ratio·#train(c))) to each such
 * class (for MVTec every step head class qualifies, as in the official
 * code). Pareto draws round_half_even(ratio·Σ kept) images in all: it
 * shuffles a multiset holding each class once per kept image and counts the
 * first entries of qualifying classes, skipping classes whose defective
 * images are used up (the cap the spec asks for).
 * <p>
 * All draws come from one {@link Random} seeded with the split's seed, in a
 * fixed order (tail classes or Pareto permutation, kept images class by
 * class, Pareto noise multiset, noise images class by class), so a seed
 * always gives the same split; bit-exact agreement with the Python splits
 * is not attempted (spec §13). The official Pareto code tries 100
 * permutations and keeps the one that keeps most images; the spec and the
 * shipped splits describe a single random permutation, which is what this
 * class does.
 * </p>
 */
public final class SplitGenerator {

	/** Share of the classes that a step tail makes tail. */
	public static final double TAIL_CLASS_RATIO = 0.6;

	/**
	 * Classes with at least this many training images may receive noise; a
	 * Pareto class with fewer is tail.
	 */
	public static final int HEAD_MIN_IMAGES = 20;

	private SplitGenerator() {}

	/**
	 * Draws a split with the paper's overlap noise.
	 *
	 * @param data the data set; its test sets are copied unchanged
	 * @param shape the tail
	 * @param noiseRatio the noise ratio, 0–1 (the paper's MVTec value is 0.1)
	 * @param seed the seed (the paper's data seeds are 101–105)
	 */
	public static Split generate(final MvtecDataset data, final TailShape shape,
		final double noiseRatio, final long seed)
	{
		return generate(data, shape, noiseRatio, NoiseProtocol.OVERLAP, seed);
	}

	/**
	 * Draws a split.
	 *
	 * @param data the data set
	 * @param shape the tail
	 * @param noiseRatio the noise ratio, 0–1
	 * @param protocol whether noise images stay in the test set (overlap) or
	 *          leave it (moved), and what the ratio counts
	 * @param seed the seed
	 */
	public static Split generate(final MvtecDataset data, final TailShape shape,
		final double noiseRatio, final NoiseProtocol protocol, final long seed)
	{
		if (!(noiseRatio >= 0 && noiseRatio <= 1))
			throw new IllegalArgumentException("The noise ratio must lie in 0–1, got " +
				noiseRatio + ".");
		final Random random = new Random(seed);
		final List<MvtecClass> classes = data.classes();
		final int n = classes.size();
		final int[] trainCounts = classes.stream().mapToInt(c -> c.trainGood()
			.size()).toArray();
		final int[] kept = trainCounts.clone();
		final boolean[] tail = new boolean[n];
		if (shape.kind() == TailShape.Kind.STEP) {
			for (final int c : shuffledIndices(n, random).subList(0, stepTailCount(n))) {
				tail[c] = true;
				kept[c] = Math.min(shape.k(), trainCounts[c]);
			}
		}
		else if (shape.kind() == TailShape.Kind.PARETO) {
			final double[] pmf = ParetoProfile.pmf(n);
			final double[] assigned = new double[n];
			final List<Integer> permutation = shuffledIndices(n, random);
			for (int i = 0; i < n; i++)
				assigned[permutation.get(i)] = pmf[i];
			System.arraycopy(ParetoProfile.targets(trainCounts, assigned), 0, kept, 0,
				n);
			for (int c = 0; c < n; c++)
				tail[c] = kept[c] < HEAD_MIN_IMAGES;
		}
		final List<List<Path>> keptImages = new ArrayList<>();
		for (int c = 0; c < n; c++)
			keptImages.add(draw(classes.get(c).trainGood(), kept[c], random));
		final int[] anomalies = classes.stream().mapToInt(c -> c.anomalies()
			.size()).toArray();
		final int[] noise = protocol == NoiseProtocol.MOVED ? movedNoise(kept,
			anomalies, noiseRatio, tail) : shape.kind() == TailShape.Kind.PARETO
				? paretoNoise(kept, anomalies, noiseRatio, random) : stepNoise(kept,
					anomalies, noiseRatio, tail);
		final List<ClassSplit> result = new ArrayList<>();
		for (int c = 0; c < n; c++) {
			final MvtecClass cls = classes.get(c);
			final List<TrainImage> train = new ArrayList<>();
			for (final Path p : keptImages.get(c))
				train.add(TrainImage.clean(data.relative(p)));
			final List<TestImage> noiseImages = draw(cls.anomalies(), noise[c],
				random);
			for (final TestImage t : noiseImages)
				train.add(TrainImage.noise(data.relative(t.image())));
			result.add(new ClassSplit(cls.name(), tail[c], train, cls.test().stream()
				.filter(t -> protocol == NoiseProtocol.OVERLAP || !noiseImages
					.contains(t)).map(t -> data.relative(t.image())).collect(Collectors
						.toList())));
		}
		return new Split(shape, noiseRatio, seed, result);
	}

	/** round_half_even(0.6·C), the number of tail classes of a step tail. */
	public static int stepTailCount(final int classes) {
		return (int) Math.rint(classes * TAIL_CLASS_RATIO);
	}

	/**
	 * Noise of step (and none) splits: head classes with at least
	 * {@value #HEAD_MIN_IMAGES} images get
	 * min(#anomalies, round_half_even(ratio·#train)), e.g. 0.1·245 = 24.5 → 24.
	 */
	static int[] stepNoise(final int[] kept, final int[] anomalies,
		final double ratio, final boolean[] tail)
	{
		final int[] noise = new int[kept.length];
		for (int c = 0; c < kept.length; c++)
			if (!tail[c] && kept[c] >= HEAD_MIN_IMAGES) noise[c] = Math.min(
				anomalies[c], (int) Math.rint(ratio * kept[c]));
		return noise;
	}

	/**
	 * Noise of the moved protocol: classes that step noise would give noise
	 * get round_half_even(ratio·#anomalies) of their defective images.
	 */
	static int[] movedNoise(final int[] kept, final int[] anomalies,
		final double ratio, final boolean[] tail)
	{
		final int[] noise = new int[kept.length];
		for (int c = 0; c < kept.length; c++)
			if (!tail[c] && kept[c] >= HEAD_MIN_IMAGES) noise[c] = (int) Math.rint(
				ratio * anomalies[c]);
		return noise;
	}

	/**
	 * Noise of Pareto splits: round_half_even(ratio·Σ kept) images, spread
	 * by shuffling a multiset with one entry per kept image and counting
	 * entries of classes with at least {@value #HEAD_MIN_IMAGES} images until
	 * the total is reached; a class never gets more than its anomalies.
	 */
	static int[] paretoNoise(final int[] kept, final int[] anomalies,
		final double ratio, final Random random)
	{
		int sum = 0;
		for (final int k : kept)
			sum += k;
		final int total = (int) Math.rint(ratio * sum);
		final List<Integer> multiset = new ArrayList<>(sum);
		for (int c = 0; c < kept.length; c++)
			multiset.addAll(Collections.nCopies(kept[c], c));
		Collections.shuffle(multiset, random);
		final int[] noise = new int[kept.length];
		int drawn = 0;
		for (final int c : multiset) {
			if (drawn == total) break;
			if (kept[c] < HEAD_MIN_IMAGES || noise[c] == anomalies[c]) continue;
			noise[c]++;
			drawn++;
		}
		return noise;
	}

	/** {@code count} random items of {@code items}, in their original order. */
	private static <T> List<T> draw(final List<T> items, final int count,
		final Random random)
	{
		if (count >= items.size()) return items;
		if (count == 0) return List.of();
		final Set<Integer> chosen = new HashSet<>(shuffledIndices(items.size(),
			random).subList(0, count));
		final List<T> out = new ArrayList<>(count);
		for (int i = 0; i < items.size(); i++)
			if (chosen.contains(i)) out.add(items.get(i));
		return out;
	}

	private static List<Integer> shuffledIndices(final int n,
		final Random random)
	{
		final List<Integer> indices = new ArrayList<>(n);
		for (int i = 0; i < n; i++)
			indices.add(i);
		Collections.shuffle(indices, random);
		return indices;
	}
}
