package io.github.tailedcore.benchmark;

import io.github.tailedcore.FitSummary;
import io.github.tailedcore.Method;
import io.github.tailedcore.Progress;
import io.github.tailedcore.TailedCore;
import io.github.tailedcore.TailedCoreModel;
import io.github.tailedcore.benchmark.data.MvtecDataset;
import io.github.tailedcore.benchmark.metrics.ClassScores;
import io.github.tailedcore.benchmark.split.ClassSplit;
import io.github.tailedcore.benchmark.split.Split;
import io.github.tailedcore.benchmark.split.SplitGenerator;
import io.github.tailedcore.benchmark.split.TailShape;
import io.github.tailedcore.feature.FeatureExtractor;
import io.github.tailedcore.feature.PatchFeatures;
import io.github.tailedcore.importance.ImageImportance;
import io.github.tailedcore.scoring.AnomalyScorer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Runs the long-tail noisy protocol of the TailedCore paper on one data set
 * (spec §8–§9): for every tail shape and data seed it draws a split, fits
 * one model per method on the training images of all classes together
 * (never one per class), and evaluates each model class by class.
 * <p>
 * The features of every image are extracted once ({@link FeatureCache}) and
 * shared by all splits, methods and seeds; the fits skip the default
 * threshold, which the measures do not need. Stages are timed with a
 * {@link StageClock}.
 * </p>
 */
public final class BenchmarkRunner {

	private final MvtecDataset data;
	private final BenchmarkConfig config;
	private final FeatureExtractor extractor;
	private final StageClock clock;
	private final Consumer<String> log;

	/**
	 * @param data the data set (possibly a {@link
	 *          io.github.tailedcore.benchmark.data.DatasetSubset})
	 * @param extractor the backbone's feature extractor
	 * @param progress receives progress of every stage
	 * @param log receives one line per finished step
	 */
	public BenchmarkRunner(final MvtecDataset data, final BenchmarkConfig config,
		final FeatureExtractor extractor, final Progress progress,
		final Consumer<String> log)
	{
		this.data = data;
		this.config = config;
		this.extractor = extractor;
		this.clock = new StageClock(progress);
		this.log = log;
	}

	/**
	 * Runs every (shape, seed, method).
	 *
	 * @throws IOException if an image or mask cannot be read
	 */
	public BenchmarkResults run() throws IOException {
		final long start = System.nanoTime();
		clock.stage("Features");
		final FeatureCache features = FeatureCache.extract(data, extractor, clock);
		log.accept(String.format(Locale.ROOT,
			"Features of %d images: %.2f GB (max heap %.1f GB)", features.size(),
			features.bytes() / 1e9, Runtime.getRuntime().maxMemory() / 1e9));
		clock.stage("Masks");
		final TestSet test = TestSet.of(data, extractor.preprocessor());
		final List<Split> splits = new ArrayList<>();
		final List<MethodRun> runs = new ArrayList<>();
		for (final TailShape shape : config.shapes())
			for (final long seed : config.seeds()) {
				clock.scope("");
				clock.stage("Split");
				final Split split = SplitGenerator.generate(data, shape, config
					.noiseRatio(), config.noiseProtocol(), seed);
				splits.add(split);
				log.accept(describe(split));
				for (final BenchmarkMethod method : config.methods())
					runs.add(run(split, method, features, test));
			}
		clock.scope("");
		return new BenchmarkResults(config, data.root().getFileName().toString(),
			data.classNames(), extractor.backboneId(), splits, runs, clock.seconds(),
			(System.nanoTime() - start) / 1e9);
	}

	private MethodRun run(final Split split, final BenchmarkMethod method,
		final FeatureCache features, final TestSet test) throws IOException
	{
		final String name = split.shape() + " seed " + split.seed() + " " + method
			.displayName();
		clock.scope(method.displayName());
		final long fitStart = System.nanoTime();
		final PatchFeatures training = features.training(split.trainingSet());
		final TailedCoreModel model = new TailedCore(config.settings(method, split
			.shape()), null).fit(training, extractor.backboneId(), features.views(
				split.trainingSet()), clock);
		final double fitSeconds = (System.nanoTime() - fitStart) / 1e9;
		clock.stage("Scoring and evaluation");
		final long scoreStart = System.nanoTime();
		final AnomalyScorer scorer = TailedCore.scorer(model);
		final List<ClassScores> scores = new ArrayList<>();
		for (final ClassSplit c : split.classes())
			scores.add(test.evaluate(c, scorer, features));
		final double scoreSeconds = (System.nanoTime() - scoreStart) / 1e9;
		final TailReport tail = method.method() == Method.TAILEDCORE ? TailReport.of(split,
			model.summary()) : null;
		log.accept(String.format(Locale.ROOT, "%s: fit %.1f s, scoring %.1f s, " +
			"|M| = %d; %s", name, fitSeconds, scoreSeconds, model.memory().size(),
			model.summary()));
		if (tail != null) log.accept(describe(tail));
		final FitSummary fit = model.summary();
		return new MethodRun(split.shape(), split.seed(), method, scores, model
			.memory().size(), tail, fitSeconds, scoreSeconds, fit
				.importanceWeights().length == 0 ? null : new ImageImportance(fit
					.importanceScores(), fit.importanceWeights()));
	}

	private static String describe(final Split split) {
		final StringBuilder s = new StringBuilder();
		s.append("Split ").append(split.shape()).append(" seed ").append(split
			.seed()).append(":");
		for (final ClassSplit c : split.classes())
			s.append(' ').append(c.name()).append(c.tail() ? " (tail) " : " ")
				.append(c.clean().size()).append('+').append(c.noise().size());
		return s.toString();
	}

	private static String describe(final TailReport tail) {
		final StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
			"  TailSampler: K_elbow %d, K_cap %d, K_max %d, tail share %.1f %%; per " +
				"class (median κ, taken as tail/images):", tail.kElbow(), tail.kCap(),
			tail.kMax(), 100 * tail.tailShare()));
		for (final TailReport.ClassTail c : tail.classes())
			s.append(String.format(Locale.ROOT, " %s κ=%.1f %d/%d", c.name(), c
				.medianKappa(), c.taken(), c.clean() + c.noise()));
		return s.toString();
	}
}
