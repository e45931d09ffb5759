package io.github.tailedcore.benchmark.metrics;

import io.github.tailedcore.benchmark.metrics.ClassScores.Group;
import io.github.tailedcore.benchmark.metrics.ClassScores.Metric;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The means the paper reports (spec §9): for each data seed, the mean of a
 * measure over the tail, head or all classes; then the mean of those over
 * the seeds. A class whose measure is NaN (not applicable) is left out of
 * its mean, and a seed without any class of a group (e.g. no tail class)
 * is left out of that group's mean over seeds. The pooled mean over all
 * (seed, class) pairs is offered too: for Pareto splits it is the one that
 * matches the paper's tail values.
 */
public final class BenchmarkSummary {

	private final Map<Long, List<ClassScores>> runs = new LinkedHashMap<>();

	/** Adds the per-class scores of the run with data seed {@code seed}. */
	public void add(final long seed, final List<ClassScores> scores) {
		if (runs.containsKey(seed)) throw new IllegalArgumentException("Seed " +
			seed + " was added twice.");
		if (scores.isEmpty()) throw new IllegalArgumentException("Seed " + seed +
			" has no class scores.");
		runs.put(seed, List.copyOf(scores));
	}

	/** The seeds added, in order. */
	public List<Long> seeds() {
		return new ArrayList<>(runs.keySet());
	}

	/**
	 * The mean of {@code metric} over the classes of {@code group} in the run
	 * of {@code seed}; NaN if no class of the group has a value.
	 */
	public double seedMean(final long seed, final Metric metric,
		final Group group)
	{
		final List<ClassScores> run = runs.get(seed);
		if (run == null) throw new IllegalArgumentException("No run with seed " +
			seed + " was added.");
		return mean(values(run, metric, group));
	}

	/**
	 * The paper's number: per-seed class means, averaged over the seeds
	 * that have one; NaN if none has.
	 */
	public double mean(final Metric metric, final Group group) {
		final List<Double> perSeed = new ArrayList<>();
		for (final long seed : runs.keySet()) {
			final double m = seedMean(seed, metric, group);
			if (!Double.isNaN(m)) perSeed.add(m);
		}
		return mean(perSeed);
	}

	/** The mean over all (seed, class) pairs of the group; NaN if none. */
	public double pooledMean(final Metric metric, final Group group) {
		final List<Double> all = new ArrayList<>();
		for (final List<ClassScores> run : runs.values())
			all.addAll(values(run, metric, group));
		return mean(all);
	}

	private static List<Double> values(final List<ClassScores> run,
		final Metric metric, final Group group)
	{
		final List<Double> values = new ArrayList<>();
		for (final ClassScores s : run)
			if (group.contains(s) && !Double.isNaN(s.get(metric))) values.add(s.get(
				metric));
		return values;
	}

	private static double mean(final List<Double> values) {
		if (values.isEmpty()) return Double.NaN;
		double sum = 0;
		for (final double v : values)
			sum += v;
		return sum / values.size();
	}
}
