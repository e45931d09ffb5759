package io.github.tailedcore.cli;

import io.github.tailedcore.Method;
import io.github.tailedcore.TailedCore;
import io.github.tailedcore.TailedCoreModel;
import io.github.tailedcore.TailedCoreSettings;
import io.github.tailedcore.benchmark.data.MvtecClass;
import io.github.tailedcore.benchmark.data.MvtecDataset;
import io.github.tailedcore.benchmark.data.TestImage;
import io.github.tailedcore.benchmark.metrics.Auroc;
import io.github.tailedcore.feature.BackboneLocator;
import io.github.tailedcore.feature.FeatureExtractor;
import io.github.tailedcore.feature.ImageFeatures;
import io.github.tailedcore.feature.ImageSource;
import io.github.tailedcore.image.ImageIoReader;
import io.github.tailedcore.io.ModelFile;
import io.github.tailedcore.scoring.AnomalyScorer;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code example}: the main job on the bundled example set, start to end.
 * Fits one model on the training images of all classes together (one class
 * is rare), saves it, scores every test image and prints the image AUROC of
 * each class with what TailSampler found (κ, K_max, the tail images).
 */
public final class ExampleCommand implements Subcommand {

	@Override
	public String name() {
		return "example";
	}

	@Override
	public String summary() {
		return "Fit and score the bundled example images (test-images/).";
	}

	@Override
	public String usage() {
		return String.join("\n", //
			"--data DIR          MVTec-layout data (default test-images)",
			"--output DIR        where the model is saved (default target/example)",
			"--method NAME       tailedcore (default), patchcore or softpatch",
			"--backbone NAME     backbone (default " +
				BackboneLocator.DEFAULT_BACKBONE + ")");
	}

	@Override
	public int run(final Arguments args) throws Exception {
		final MvtecDataset data = MvtecDataset.read(args.path("data", Paths.get(
			"test-images")));
		final Path output = args.path("output", Paths.get("target", "example"));
		final Method method = Method.parse(args.get("method", "tailedcore"));
		final String backbone = args.get("backbone",
			BackboneLocator.DEFAULT_BACKBONE);
		args.rejectUnknown();
		final List<Path> train = new ArrayList<>();
		for (final MvtecClass c : data.classes())
			train.addAll(c.trainGood());
		System.out.println("Training on " + train.size() + " images of " + data
			.classes().size() + " classes together: " + data.classes().stream().map(
				c -> c.name() + " " + c.trainGood().size()).collect(Collectors.joining(
					", ")));
		final long start = System.nanoTime();
		try (FeatureExtractor extractor = FeatureExtractor.open(BackboneLocator
			.standard().resolve(backbone)))
		{
			final TailedCoreModel model = new TailedCore(TailedCoreSettings.builder()
				.method(method).build()).fit(train.stream().map(ImageSource::of)
					.collect(Collectors.toList()), extractor, new ConsoleProgress(
						System.out));
			final Path modelFile = output.resolve(method.name().toLowerCase(
				Locale.ROOT) + ModelFile.EXTENSION);
			ModelFile.save(model, modelFile, true);
			System.out.printf(Locale.ROOT, "Fitted in %.1f s: %s%n", (System
				.nanoTime() - start) / 1e9, model.summary());
			for (final int i : model.summary().tailImages())
				System.out.println("  tail image: " + data.relative(train.get(i)));
			System.out.println("Default threshold: " + model.threshold());
			System.out.println("Saved " + modelFile);
			report(data, extractor, TailedCore.scorer(model));
		}
		return 0;
	}

	/** Image AUROC per class, and how many test images pass the threshold. */
	private static void report(final MvtecDataset data,
		final FeatureExtractor extractor, final AnomalyScorer scorer)
		throws IOException
	{
		System.out.printf("%-12s %6s %6s %8s%n", "class", "good", "defect",
			"AUROC");
		double sum = 0;
		for (final MvtecClass c : data.classes()) {
			final double[] scores = new double[c.test().size()];
			final boolean[] anomalous = new boolean[scores.length];
			for (int i = 0; i < scores.length; i++) {
				final TestImage t = c.test().get(i);
				final ImageFeatures f = extractor.extract(ImageIoReader.read(t
					.image()));
				scores[i] = scorer.score(f.patches(), f.embedding()).imageScore();
				anomalous[i] = t.isAnomalous();
			}
			final double auroc = Auroc.of(scores, anomalous);
			sum += auroc;
			System.out.printf(Locale.ROOT, "%-12s %6d %6d %8.3f%n", c.name(), c
				.test().size() - c.anomalies().size(), c.anomalies().size(), auroc);
		}
		System.out.printf(Locale.ROOT, "%-12s %22.3f%n", "mean", sum / data
			.classes().size());
	}
}
