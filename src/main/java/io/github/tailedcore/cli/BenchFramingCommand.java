package io.github.tailedcore.cli;

import io.github.tailedcore.Method;
import io.github.tailedcore.TailedCoreSettings;
import io.github.tailedcore.benchmark.FramingComparison;
import io.github.tailedcore.benchmark.report.HeatmapPicture;
import io.github.tailedcore.feature.BackboneLocator;
import io.github.tailedcore.feature.FeatureExtractor;
import io.github.tailedcore.io.ModelFile;
import io.github.tailedcore.preprocess.Framing;
import io.github.tailedcore.preprocess.Intensity;
import io.github.tailedcore.preprocess.Preprocessing;

import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code bench-framing}: fits and scores one MVTec-layout class with each
 * framing asked for ({@link FramingComparison}) and prints image AUROC,
 * pixel AUROC, the edge band's pixel AUROC, unseen pixels and times (wall
 * and CPU) as a Markdown table; optionally writes the README picture of the
 * first defective image under the last framing.
 */
public final class BenchFramingCommand implements Subcommand {

	@Override
	public String name() {
		return "bench-framing";
	}

	@Override
	public String summary() {
		return "Compare crop, full-frame and tiled preprocessing on one class.";
	}

	@Override
	public String usage() {
		return String.join("\n", //
			"--data DIR            class folder: train/good, test/*, ground_truth/defect",
			"                      (make-test-images --micrographs writes one)",
			"--framings LIST       comma-separated, of crop, full, tiles (default all)",
			"--scale S             tile scale (default 1)",
			"--intensity I         training-range (default), bit-depth, percentiles,",
			"                      display-range (PNGs have none: each image's min-max)",
			"--method NAME         patchcore (default), tailedcore or softpatch",
			"--coreset-ratio R     coreset fraction (default 0.01)",
			"--backbone NAME|FILE  backbone (default " +
				BackboneLocator.DEFAULT_BACKBONE + ")",
			"--step N              pixel AUROC on every N-th pixel in x and y (default 4)",
			"--picture FILE.png    write the first defective image with its map",
			"--models DIR          save each fitted model as DIR/<framing>.tailedcore");
	}

	@Override
	public int run(final Arguments args) throws Exception {
		final Path data = args.path("data");
		final String[] framings = args.get("framings", "crop,full,tiles").split(
			",");
		final double scale = args.real("scale", Preprocessing.DEFAULT_SCALE);
		final Intensity intensity = Intensity.of(Intensity.Mode.parse(args.get(
			"intensity", Preprocessing.DEFAULT_INTENSITY.label())));
		final TailedCoreSettings settings = TailedCoreSettings.builder().method(
			Method.parse(args.get("method", "patchcore"))).coresetRatio(args.real(
				"coreset-ratio", 0.01)).build();
		final String backbone = args.get("backbone",
			BackboneLocator.DEFAULT_BACKBONE);
		final int step = args.integer("step", 4);
		final Path picture = args.path("picture", null);
		final Path models = args.path("models", null);
		args.rejectUnknown();
		final FramingComparison comparison = new FramingComparison(settings, step);
		System.out.println("| framing | train | test | image AUROC | pixel AUROC |" +
			" edge-band pixel AUROC | unseen pixels | fit s (CPU s) | score s/image (CPU s) |");
		System.out.println("|---|---|---|---|---|---|---|---|---|");
		try (FeatureExtractor extractor = FeatureExtractor.open(BackboneLocator
			.standard().resolve(backbone)))
		{
			for (int f = 0; f < framings.length; f++) {
				final Preprocessing p = new Preprocessing(Framing.parse(framings[f]),
					scale, Preprocessing.DEFAULT_OVERLAP, intensity);
				final boolean last = f == framings.length - 1;
				final boolean[] pictured = { false };
				final FramingComparison.Row r = comparison.run(data, p, extractor,
					new ConsoleProgress(System.err), (file, image, result, truth) -> {
						if (last && picture != null && !pictured[0] && file.getParent()
							.getFileName().toString().equals("defect"))
						{
							HeatmapPicture.write(picture, image, result.map(), truth, 384);
							pictured[0] = true;
						}
					}, models == null ? null : models.resolve(p.framing().label() +
						ModelFile.EXTENSION));
				System.out.println(String.format(Locale.ROOT,
					"| %s | %d | %d | %.3f | %.3f | %.3f | %d | %.0f (%.0f) | %.1f (%.1f) |",
					r.preprocessing(), r.trainImages(), r.testImages(), r.imageAuroc(), r
						.pixelAuroc(), r.edgeAuroc(), r.unseenPixels(), r.fitSeconds(), r
							.fitCpuSeconds(), r.scoreSeconds() / r.testImages(), r
								.scoreCpuSeconds() / r.testImages()));
			}
		}
		return 0;
	}
}
