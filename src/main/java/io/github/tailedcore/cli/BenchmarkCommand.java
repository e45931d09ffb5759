package io.github.tailedcore.cli;

import io.github.tailedcore.TailedCoreSettings;
import io.github.tailedcore.benchmark.BenchmarkConfig;
import io.github.tailedcore.benchmark.BenchmarkMethod;
import io.github.tailedcore.benchmark.BenchmarkResults;
import io.github.tailedcore.benchmark.BenchmarkRunner;
import io.github.tailedcore.benchmark.data.DatasetSubset;
import io.github.tailedcore.benchmark.data.MvtecDataset;
import io.github.tailedcore.benchmark.report.BenchmarkReport;
import io.github.tailedcore.benchmark.split.NoiseProtocol;
import io.github.tailedcore.benchmark.split.TailShape;
import io.github.tailedcore.feature.BackboneLocator;
import io.github.tailedcore.feature.FeatureExtractor;
import io.github.tailedcore.tail.TailAugmentation;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code benchmark}: the paper's long-tail noisy protocol on an
 * MVTec-layout data set, every method against the same splits, with
 * {@code results.csv}, {@code results.md} and a chart as output.
 */
public final class BenchmarkCommand implements Subcommand {

	@Override
	public String name() {
		return "benchmark";
	}

	@Override
	public String summary() {
		return "Long-tail noisy benchmark: TailedCore, PatchCore, SoftPatch on one data set.";
	}

	@Override
	public String usage() {
		return String.join("\n", //
			"--data DIR              MVTec-layout data set",
			"--tail LIST             step-k4, step-k1, pareto, none (comma-separated; default step-k4)",
			"--noise R               noise ratio (default 0.1)",
			"--noise-protocol P      overlap (default, the paper's: noise images stay in",
			"                        the test set) or moved (R of each class's defective",
			"                        test images move into training and leave its test set)",
			"--seeds LIST            data seeds (default 101,102,103)",
			"--methods LIST          tailedcore,patchcore,softpatch (default all three);",
			"                        tailedcore-paper is TailedCore with the paper's tail",
			"                        estimate, tailedcore-fixed-drop with the paper's",
			"                        fixed noise share (tailedcore-paper-fixed-drop: both,",
			"                        the paper's TailedCore); a suffix +iw weights the coreset by",
			"                        importance, +iw-score also the scores; a last part",
			"                        @global, @class-aware, @class-aware-k10 (at least 10",
			"                        nearest training images) chooses the scoring (variants",
			"                        share one fit); @oracle fits one model per class on",
			"                        that class's training images (labels build the bound)",
			"--backbone NAME|FILE    backbone (default " +
				BackboneLocator.DEFAULT_BACKBONE + ")",
			"--output DIR            folder for results.csv, results.md, the chart, splits",
			"--coreset-ratio R       coreset fraction of every method (default 0.1)",
			"--tail-augmentation A   tail views of every shape (default: rot15flip, pareto rot30flip)",
			"--classes LIST          only these classes (default all)",
			"--train-per-class N     at most N training images per class (default all)",
			"--test-per-class N      at most N test images per class (default all)",
			"--subset-seed N         seed of those image draws (default 0)",
			"--model-seed N          seed of projections and coreset starts (default 0)",
			"--framing F             full (default, the plugin's), tiles or crop; with",
			"--scale S, --tile-overlap PX, --intensity I as for fit; the paper's",
			"                        preprocessing is --framing crop --intensity bit-depth",
			"--image-only            image AUROC only: no pixel AUROC and AUPRO (faster)");
	}

	@Override
	public int run(final Arguments args) throws Exception {
		final MvtecDataset full = MvtecDataset.read(args.path("data"));
		final Path output = args.path("output");
		final String augmentation = args.get("tail-augmentation", null);
		final BenchmarkConfig config = new BenchmarkConfig(list(args.get("tail",
			"step-k4"), TailShape::parse), args.real("noise", 0.1), NoiseProtocol
				.parse(args.get("noise-protocol", "overlap")), list(args.get(
				"seeds", "101,102,103"), Long::parseLong), list(args.get("methods",
					"tailedcore,patchcore,softpatch"), BenchmarkMethod::parse), args.real(
						"coreset-ratio", TailedCoreSettings.DEFAULT_CORESET_RATIO),
			augmentation == null ? null : TailAugmentation.parse(augmentation), args
				.integer("model-seed", 0), FitCommand.preprocessing(args));
		final MvtecDataset data = DatasetSubset.of(full, args.has("classes")
			? list(args.get("classes", ""), String::trim) : List.of(), args.integer(
				"train-per-class", 0), args.integer("test-per-class", 0), args.integer(
					"subset-seed", 0));
		final String backbone = args.get("backbone",
			BackboneLocator.DEFAULT_BACKBONE);
		final boolean imageOnly = args.flag("image-only");
		args.rejectUnknown();
		final BenchmarkResults results;
		try (FeatureExtractor extractor = FeatureExtractor.open(BackboneLocator
			.standard().resolve(backbone)))
		{
			results = new BenchmarkRunner(data, config, extractor,
				new ConsoleProgress(System.out), System.out::println, !imageOnly).run();
		}
		for (final Path p : BenchmarkReport.write(results, "benchmark " + args
			.line(), output))
			System.out.println("Wrote " + p);
		System.out.printf("Total %.0f s; per stage: %s%n", results.totalSeconds(),
			results.stageSeconds().entrySet().stream().map(e -> String.format(
				"%s %.1f s", e.getKey(), e.getValue())).collect(Collectors.joining(
					", ")));
		return 0;
	}

	private static <T> List<T> list(final String text,
		final Function<String, T> parse)
	{
		try {
			return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s
				.isEmpty()).map(parse).collect(Collectors.toList());
		}
		catch (final NumberFormatException e) {
			throw new IllegalArgumentException("Not a list of whole numbers: '" +
				text + "'.");
		}
	}
}
