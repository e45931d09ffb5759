package io.github.tailedcore.cli;

import io.github.tailedcore.Method;
import io.github.tailedcore.TailedCore;
import io.github.tailedcore.TailedCoreModel;
import io.github.tailedcore.TailedCoreSettings;
import io.github.tailedcore.benchmark.data.MvtecClass;
import io.github.tailedcore.benchmark.data.MvtecDataset;
import io.github.tailedcore.benchmark.data.ImageFiles;
import io.github.tailedcore.benchmark.data.TestImage;
import io.github.tailedcore.benchmark.metrics.Auroc;
import io.github.tailedcore.feature.BackboneLocator;
import io.github.tailedcore.feature.FeatureExtractor;
import io.github.tailedcore.feature.ImageSource;
import io.github.tailedcore.image.ImageIoReader;
import io.github.tailedcore.io.ModelFile;
import io.github.tailedcore.preprocess.Preprocessing;
import io.github.tailedcore.scoring.ImageAnomaly;
import io.github.tailedcore.scoring.ImageScorer;

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
 * is rare) with the plugin's default preprocessing (the full frame, the
 * training images' intensity range), saves it, scores every test image as
 * the plugin does ({@link ImageScorer}: maps on the image's own pixels) and
 * prints the image and pixel AUROC of each class, what TailSampler found
 * (κ, K_max, the tail images), and how many map pixels the model did not
 * see (none, unless the model crops).
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
					.collect(Collectors.toList()), extractor, Preprocessing.defaults(),
					new ConsoleProgress(System.out));
			final Path modelFile = output.resolve(method.name().toLowerCase(
				Locale.ROOT) + ModelFile.EXTENSION);
			ModelFile.save(model, modelFile, true);
			System.out.printf(Locale.ROOT, "Fitted in %.1f s: %s%n", (System
				.nanoTime() - start) / 1e9, model.summary());
			for (final int i : model.summary().tailImages())
				System.out.println("  tail image: " + data.relative(train.get(i)));
			System.out.println("Default threshold: " + model.threshold());
			System.out.println("Saved " + modelFile + " (" + model.preprocessing() +
				")");
			report(data, new ImageScorer(model, extractor));
		}
		return 0;
	}

	/**
	 * Image and pixel AUROC per class, and the map pixels left unscored
	 * (NaN) over all test images.
	 */
	private static void report(final MvtecDataset data,
		final ImageScorer scorer) throws IOException
	{
		System.out.printf("%-12s %6s %6s %8s %8s%n", "class", "good", "defect",
			"AUROC", "pixel");
		double sum = 0;
		long pixels = 0;
		long unseen = 0;
		for (final MvtecClass c : data.classes()) {
			final double[] scores = new double[c.test().size()];
			final boolean[] anomalous = new boolean[scores.length];
			final PixelLabels labels = new PixelLabels();
			for (int i = 0; i < scores.length; i++) {
				final TestImage t = c.test().get(i);
				final ImageAnomaly r = scorer.scoreImages(List.of(ImageIoReader.read(t
					.image()))).get(0);
				scores[i] = r.score();
				anomalous[i] = t.isAnomalous();
				final boolean[] truth = t.mask() == null ? new boolean[r.map().length]
					: ImageFiles.readMask(t.mask()).pixels();
				unseen += labels.add(r.map(), truth);
				pixels += r.map().length;
			}
			final double auroc = Auroc.of(scores, anomalous);
			sum += auroc;
			System.out.printf(Locale.ROOT, "%-12s %6d %6d %8.3f %8.3f%n", c.name(), c
				.test().size() - c.anomalies().size(), c.anomalies().size(), auroc,
				labels.auroc());
		}
		System.out.printf(Locale.ROOT, "%-12s %22.3f%n", "mean", sum / data
			.classes().size());
		System.out.println(unseen == 0 ? "The maps cover every pixel of the test " +
			"images." : unseen + " of " + pixels + " map pixels were not seen by " +
				"the model (NaN).");
	}

	/** Map values and their ground truth, gathered for one pixel AUROC. */
	private static final class PixelLabels {

		private final List<float[]> maps = new ArrayList<>();
		private final List<boolean[]> truths = new ArrayList<>();
		private int size;

		/** Adds one map; returns its unseen (NaN) pixels, scored lowest. */
		long add(final float[] map, final boolean[] truth) {
			maps.add(map);
			truths.add(truth);
			size += map.length;
			long unseen = 0;
			for (final float v : map)
				if (Float.isNaN(v)) unseen++;
			return unseen;
		}

		double auroc() {
			final double[] scores = new double[size];
			final boolean[] labels = new boolean[size];
			int at = 0;
			for (int m = 0; m < maps.size(); m++) {
				final float[] map = maps.get(m);
				for (int p = 0; p < map.length; p++, at++) {
					scores[at] = Float.isNaN(map[p]) ? Double.NEGATIVE_INFINITY : map[p];
					labels[at] = truths.get(m)[p];
				}
			}
			return Auroc.of(scores, labels);
		}
	}
}
