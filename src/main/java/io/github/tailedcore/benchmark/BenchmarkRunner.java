package io.github.tailedcore.benchmark;

import io.github.tailedcore.FitSummary;
import io.github.tailedcore.Method;
import io.github.tailedcore.Progress;
import io.github.tailedcore.TailedCore;
import io.github.tailedcore.TailedCoreModel;
import io.github.tailedcore.TailedCoreSettings;
import io.github.tailedcore.benchmark.data.MvtecDataset;
import io.github.tailedcore.benchmark.metrics.ClassScores;
import io.github.tailedcore.benchmark.split.ClassSplit;
import io.github.tailedcore.benchmark.split.Split;
import io.github.tailedcore.benchmark.split.SplitGenerator;
import io.github.tailedcore.benchmark.split.TailShape;
import io.github.tailedcore.benchmark.split.TrainImage;
import io.github.tailedcore.feature.FeatureExtractor;
import io.github.tailedcore.feature.PatchFeatures;
import io.github.tailedcore.importance.ImageImportance;
import io.github.tailedcore.scoring.AnomalyScorer;
import io.github.tailedcore.scoring.Scoring;
import io.github.tailedcore.search.NearestNeighborSearches;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Runs the long-tail noisy protocol of the TailedCore paper on one data set
 * (spec §8–§9): for every tail shape and data seed it draws a split, fits
 * one model per method on the training images of all classes together
 * (never one per class), and evaluates each model class by class
 * ({@link TestSet}). Training and test images are prepared alike, as the
 * configuration's {@link io.github.tailedcore.preprocess.Preprocessing}
 * says: the paper's crop, the plugin's full frame, or tiles.
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
	private final boolean pixelLevel;
	/** The fits of the current split, by method with the default scoring. */
	private final Map<BenchmarkMethod, Fit> fits = new HashMap<>();

	/**
	 * @param data the data set (possibly a {@link
	 *          io.github.tailedcore.benchmark.data.DatasetSubset})
	 * @param extractor the backbone's feature extractor
	 * @param progress receives progress of every stage
	 * @param log receives one line per finished step
	 * @param pixelLevel whether to measure the anomaly maps (pixel AUROC,
	 *          AUPRO) besides the image scores
	 */
	public BenchmarkRunner(final MvtecDataset data, final BenchmarkConfig config,
		final FeatureExtractor extractor, final Progress progress,
		final Consumer<String> log, final boolean pixelLevel)
	{
		this.pixelLevel = pixelLevel;
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
		final FeatureCache features = FeatureCache.extract(data, extractor, config
			.preprocessing(), clock);
		log.accept(String.format(Locale.ROOT,
			"Features of %d inputs (%s): %.2f GB (max heap %.1f GB)", features.size(),
			features.preprocessing(), features.bytes() / 1e9, Runtime.getRuntime()
				.maxMemory() / 1e9));
		clock.stage("Masks");
		final TestSet test = TestSet.of(data, extractor, features.preprocessing(),
			pixelLevel);
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
				fits.clear();
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
		if (method.oracle()) return oracle(split, method, features, test);
		final String name = split.shape() + " seed " + split.seed() + " " + method
			.displayName();
		clock.scope(method.displayName());
		Fit fit = fits.get(method.fit());
		if (fit == null) {
			fit = fit(split.shape(), method, split.trainingSet(), features, true);
			fits.put(method.fit(), fit);
		}
		final TailedCoreModel model = fit.model();
		final double fitSeconds = fit.seconds();
		clock.stage("Scoring and evaluation");
		final long scoreStart = System.nanoTime();
		final AnomalyScorer scorer = scorer(model, method);
		final List<ClassScores> scores = new ArrayList<>();
		for (final ClassSplit c : split.classes())
			scores.add(test.evaluate(c, scorer, features, model.settings()
				.gaussianSigma()));
		final double scoreSeconds = (System.nanoTime() - scoreStart) / 1e9;
		final TailReport tail = method.method() == Method.TAILEDCORE ? TailReport.of(split,
			model.summary()) : null;
		log.accept(String.format(Locale.ROOT, "%s: fit %.1f s, scoring %.1f s, " +
			"|M| = %d; %s", name, fitSeconds, scoreSeconds, model.memory().size(),
			model.summary()));
		if (tail != null) log.accept(describe(tail));
		final FitSummary summary = model.summary();
		return new MethodRun(split.shape(), split.seed(), method, scores, model
			.memory().size(), tail, fitSeconds, scoreSeconds, summary
				.importanceWeights().length == 0 ? null : new ImageImportance(summary
					.importanceScores(), summary.importanceWeights()));
	}

	/** A fitted model and the seconds its fit took. */
	private record Fit(TailedCoreModel model, double seconds) {}

	/**
	 * Fits {@code method} on {@code images}; with {@code classAware}, the
	 * model holds κ for class-aware scoring whatever the method.
	 */
	private Fit fit(final TailShape shape, final BenchmarkMethod method,
		final List<TrainImage> images, final FeatureCache features,
		final boolean classAware) throws IOException
	{
		final long start = System.nanoTime();
		final TailedCoreSettings settings = config.settings(method.fit(), shape)
			.toBuilder().scoring(classAware ? Scoring.CLASS_AWARE : Scoring.GLOBAL)
			.build();
		final TailedCoreModel model = new TailedCore(settings, null).fit(features
			.training(images), extractor.backboneId(), features.views(images), clock);
		return new Fit(model, (System.nanoTime() - start) / 1e9);
	}

	/**
	 * The scorer of a benchmark method: its scoring, else the product's
	 * default; class-aware with its K, else the model's.
	 */
	private static AnomalyScorer scorer(final TailedCoreModel model,
		final BenchmarkMethod method)
	{
		final Scoring scoring = method.scoring() == null
			? TailedCoreSettings.DEFAULT_SCORING : method.scoring();
		if (!scoring.conditions() || method.scoringNeighbors() == 0)
			return AnomalyScorer.of(model, scoring);
		return new AnomalyScorer(model.memory(), model.neighbors().under(scoring),
			method.scoringNeighbors(), NearestNeighborSearches::fastest, model.grid(),
			model.settings().gaussianSigma());
	}

	/**
	 * The oracle: one model per class, fitted on that class's training images
	 * of the split (noise included), each scoring its own class's test images.
	 */
	private MethodRun oracle(final Split split, final BenchmarkMethod method,
		final FeatureCache features, final TestSet test) throws IOException
	{
		clock.scope(method.displayName());
		final List<ClassScores> scores = new ArrayList<>();
		double fitSeconds = 0;
		double scoreSeconds = 0;
		int memory = 0;
		for (final ClassSplit c : split.classes()) {
			final Fit fit = fit(split.shape(), method, c.train(), features, false);
			fitSeconds += fit.seconds();
			memory += fit.model().memory().size();
			clock.stage("Scoring and evaluation");
			final long scoreStart = System.nanoTime();
			scores.add(test.evaluate(c, AnomalyScorer.of(fit.model(),
				Scoring.GLOBAL), features, fit.model().settings().gaussianSigma()));
			scoreSeconds += (System.nanoTime() - scoreStart) / 1e9;
		}
		log.accept(String.format(Locale.ROOT, "%s seed %d %s: %d fits %.1f s, " +
			"scoring %.1f s, Σ|M| = %d", split.shape(), split.seed(), method
				.displayName(), split.classes().size(), fitSeconds, scoreSeconds,
			memory));
		return new MethodRun(split.shape(), split.seed(), method, scores, memory,
			null, fitSeconds, scoreSeconds, null);
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
