package io.github.tailedcore.cli;

import io.github.tailedcore.Method;
import io.github.tailedcore.Progress;
import io.github.tailedcore.TailedCore;
import io.github.tailedcore.TailedCoreModel;
import io.github.tailedcore.TailedCoreSettings;
import io.github.tailedcore.benchmark.FeatureCache;
import io.github.tailedcore.benchmark.data.DatasetSubset;
import io.github.tailedcore.benchmark.data.MvtecClass;
import io.github.tailedcore.benchmark.data.MvtecDataset;
import io.github.tailedcore.benchmark.data.TestImage;
import io.github.tailedcore.benchmark.split.TrainImage;
import io.github.tailedcore.feature.BackboneLocator;
import io.github.tailedcore.feature.FeatureExtractor;
import io.github.tailedcore.scoring.AnomalyScorer;
import io.github.tailedcore.scoring.Scoring;
import io.github.tailedcore.search.NearestNeighborSearches;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code bench-scoring}: the time of class-aware scoring against global
 * scoring of the same model, measured in the same run: one model fitted on
 * the training images of all classes together, then every test image scored
 * both ways, alternately, several times (batches of 16 images, as the
 * benchmark scores). Prints wall and process CPU milliseconds per image, the
 * ratio, and the system load, so that figures from a shared machine can be
 * read.
 */
public final class BenchScoringCommand implements Subcommand {

	private static final int BATCH = 16;

	@Override
	public String name() {
		return "bench-scoring";
	}

	@Override
	public String summary() {
		return "Speed of class-aware against global scoring on one mixed model.";
	}

	@Override
	public String usage() {
		return String.join("\n", //
			"--data DIR              MVTec-layout data set",
			"--classes LIST          only these classes (default all)",
			"--train-per-class N     training images per class (default 20)",
			"--test-per-class N      test images per class (default 10)",
			"--method NAME           tailedcore, patchcore (default) or softpatch",
			"--coreset-ratio R       coreset fraction (default 0.1)",
			"--scoring-neighbors K   class-aware K (default " +
				TailedCoreSettings.DEFAULT_SCORING_NEIGHBORS + ")",
			"--repeats N             timed rounds of each scoring (default 5)");
	}

	@Override
	public int run(final Arguments args) throws Exception {
		final MvtecDataset data = DatasetSubset.of(MvtecDataset.read(args.path(
			"data")), args.has("classes") ? Arrays.asList(args.get("classes", "")
				.split(",")) : List.of(), args.integer("train-per-class", 20), args
					.integer("test-per-class", 10), 0);
		final TailedCoreSettings settings = TailedCoreSettings.builder().method(
			Method.parse(args.get("method", "patchcore"))).coresetRatio(args.real(
				"coreset-ratio", TailedCoreSettings.DEFAULT_CORESET_RATIO)).scoring(
					Scoring.CLASS_AWARE).scoringNeighbors(args.integer(
						"scoring-neighbors", TailedCoreSettings.DEFAULT_SCORING_NEIGHBORS))
			.build();
		final int repeats = args.integer("repeats", 5);
		args.rejectUnknown();
		try (FeatureExtractor extractor = FeatureExtractor.open(BackboneLocator
			.standard().resolve(BackboneLocator.DEFAULT_BACKBONE)))
		{
			final FeatureCache features = FeatureCache.extract(data, extractor,
				Progress.none());
			final List<TrainImage> training = new ArrayList<>();
			final List<float[]> patches = new ArrayList<>();
			final List<float[]> embeddings = new ArrayList<>();
			for (final MvtecClass c : data.classes()) {
				c.trainGood().forEach(p -> training.add(TrainImage.clean(data
					.relative(p))));
				for (final TestImage t : c.test()) {
					patches.add(features.patches(data.relative(t.image())));
					embeddings.add(features.embedding(data.relative(t.image())));
				}
			}
			final TailedCoreModel model = new TailedCore(settings, null).fit(features
				.training(training), extractor.backboneId(), features.views(training),
				Progress.none());
			System.out.printf(Locale.ROOT, "%s; %d training images, |M| = %d, " +
				"%d test images; %s%n", settings, training.size(), model.memory()
					.size(), patches.size(), NearestNeighborSearches.describe());
			final AnomalyScorer global = AnomalyScorer.of(model, Scoring.GLOBAL);
			final AnomalyScorer aware = AnomalyScorer.of(model, Scoring.CLASS_AWARE);
			score(global, patches, embeddings); // warm-up of both
			score(aware, patches, embeddings);
			for (int r = 1; r <= repeats; r++) {
				final double[] g = score(global, patches, embeddings);
				final double[] a = score(aware, patches, embeddings);
				System.out.printf(Locale.ROOT, "round %d: global %.1f ms/image " +
					"(CPU %.1f), class-aware %.1f ms/image (CPU %.1f), ratio " +
					"class-aware/global %.2f wall %.2f CPU; load %.1f%n", r, g[0], g[1],
					a[0], a[1], a[0] / g[0], a[1] / g[1], ManagementFactory
						.getOperatingSystemMXBean().getSystemLoadAverage());
			}
		}
		return 0;
	}

	/** Wall and process CPU milliseconds per image of scoring all images. */
	private static double[] score(final AnomalyScorer scorer,
		final List<float[]> patches, final List<float[]> embeddings)
	{
		final com.sun.management.OperatingSystemMXBean os =
			(com.sun.management.OperatingSystemMXBean) ManagementFactory
				.getOperatingSystemMXBean();
		final long cpu = os.getProcessCpuTime();
		final long start = System.nanoTime();
		for (int from = 0; from < patches.size(); from += BATCH) {
			final int to = Math.min(patches.size(), from + BATCH);
			scorer.scoreAll(patches.subList(from, to), embeddings.subList(from, to));
		}
		final int n = patches.size();
		return new double[] { (System.nanoTime() - start) / 1e6 / n, (os
			.getProcessCpuTime() - cpu) / 1e6 / n };
	}
}
