package io.github.tailedcore.benchmark;

import io.github.tailedcore.Method;
import io.github.tailedcore.benchmark.metrics.BenchmarkSummary;
import io.github.tailedcore.benchmark.split.Split;
import io.github.tailedcore.benchmark.split.TailShape;
import io.github.tailedcore.feature.BackboneId;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a benchmark run produced: the configuration and data it ran
 * on, the splits drawn, one {@link MethodRun} per (shape, seed, method),
 * and the time per stage. The report writers read only this.
 *
 * @param config what was compared
 * @param dataName a short name of the data set (its folder name)
 * @param classes the class names, sorted
 * @param backbone the feature backbone
 * @param splits the splits, in run order (shape, then seed)
 * @param runs the method runs, in run order (shape, seed, method)
 * @param stageSeconds seconds per stage, in the order stages first ran
 * @param totalSeconds wall time of the whole run
 */
public record BenchmarkResults(BenchmarkConfig config, String dataName,
	List<String> classes, BackboneId backbone, List<Split> splits,
	List<MethodRun> runs, Map<String, Double> stageSeconds,
	double totalSeconds)
{

	/** Copies the lists and map. */
	public BenchmarkResults {
		classes = List.copyOf(classes);
		splits = List.copyOf(splits);
		runs = List.copyOf(runs);
		stageSeconds = new LinkedHashMap<>(stageSeconds);
	}

	/** The per-seed class scores of {@code method} on {@code shape}. */
	public BenchmarkSummary summary(final TailShape shape,
		final BenchmarkMethod method)
	{
		final BenchmarkSummary summary = new BenchmarkSummary();
		for (final MethodRun r : runs)
			if (r.shape().equals(shape) && r.method().equals(method)) summary.add(r
				.seed(), r.scores());
		return summary;
	}

	/** The split of {@code shape} and {@code seed}. */
	public Split split(final TailShape shape, final long seed) {
		for (final Split s : splits)
			if (s.shape().equals(shape) && s.seed() == seed) return s;
		throw new IllegalArgumentException("No split " + shape + " seed " + seed +
			" was run.");
	}
}
