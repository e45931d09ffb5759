package io.github.tailedcore.benchmark;

import io.github.tailedcore.TailedCoreSettings;
import io.github.tailedcore.benchmark.split.NoiseProtocol;
import io.github.tailedcore.benchmark.split.TailShape;
import io.github.tailedcore.preprocess.Preprocessing;
import io.github.tailedcore.tail.TailAugmentation;

import java.util.List;

/**
 * What one benchmark run compares: the tail shapes and data seeds of the
 * splits (spec §8), the noise ratio, the methods, and the few fit settings
 * a run may change (everything else is the paper's default), among them
 * how images are framed.
 *
 * @param shapes the tails, each run with every seed
 * @param noiseRatio the noise ratio of every split (0.1 in the paper)
 * @param noiseProtocol whether noise images stay in the test set (the
 *          paper's overlap) or leave it
 * @param seeds the data seeds (101–105 in the paper)
 * @param methods the methods (each with or without importance weighting),
 *          each fitted once per split on all classes
 * @param coresetRatio the coreset fraction of every method (0.1 in the
 *          paper)
 * @param tailAugmentation the tail views of every shape, or {@code null}
 *          for the paper's choice per shape ({@link #augmentation})
 * @param modelSeed the fit seed (projections, coreset starts; 0 in the
 *          paper)
 * @param preprocessing how every image, training and test alike, becomes
 *          the backbone's inputs ({@link Preprocessing#paper()} in the paper)
 */
public record BenchmarkConfig(List<TailShape> shapes, double noiseRatio,
	NoiseProtocol noiseProtocol, List<Long> seeds, List<BenchmarkMethod> methods,
	double coresetRatio, TailAugmentation tailAugmentation, long modelSeed,
	Preprocessing preprocessing)
{

	/** Copies the lists and checks that none is empty. */
	public BenchmarkConfig {
		shapes = List.copyOf(shapes);
		seeds = List.copyOf(seeds);
		methods = List.copyOf(methods);
		if (shapes.isEmpty() || seeds.isEmpty() || methods.isEmpty())
			throw new IllegalArgumentException("A benchmark needs at least one " +
				"tail shape, one seed and one method.");
		if (preprocessing == null) throw new IllegalArgumentException(
			"A benchmark needs a preprocessing.");
	}

	/**
	 * The tail views TailedCore uses on {@code shape}: the configured ones,
	 * or the paper's (spec §0): {@code rot30flip} for Pareto tails,
	 * {@code rot15flip} otherwise.
	 */
	public TailAugmentation augmentation(final TailShape shape) {
		if (tailAugmentation != null) return tailAugmentation;
		return shape.kind() == TailShape.Kind.PARETO ? TailAugmentation.ROT30FLIP
			: TailAugmentation.ROT15FLIP;
	}

	/** The fit settings of {@code method} on splits of {@code shape}. */
	public TailedCoreSettings settings(final BenchmarkMethod method,
		final TailShape shape)
	{
		return TailedCoreSettings.builder().method(method.method()).coresetRatio(
			coresetRatio).tailEstimation(method.tailEstimation()).noiseThreshold(
				method.noiseThreshold()).tailAugmentation(
				augmentation(shape)).importanceWeighting(method.weighting()).seed(
					modelSeed).build();
	}
}
