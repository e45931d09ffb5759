package io.github.tailedcore.cli;

import io.github.tailedcore.TailedCore;
import io.github.tailedcore.TailedCoreModel;
import io.github.tailedcore.Threshold;
import io.github.tailedcore.feature.FeatureExtractor;
import io.github.tailedcore.feature.PatchFeatures;
import io.github.tailedcore.image.ImageFolder;
import io.github.tailedcore.image.ImageIoReader;
import io.github.tailedcore.io.AtomicWrite;
import io.github.tailedcore.io.ModelFile;
import io.github.tailedcore.scoring.AnomalyScorer;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code score}: anomaly scores of images (or of .npy patch features) with a
 * fitted model, printed and optionally written to {@code scores.csv}.
 */
public final class ScoreCommand implements Subcommand {

	/** The CSV a run writes into {@code --output}. */
	static final String SCORES_CSV = "scores.csv";

	/** One scored image. */
	record Row(String image, double score, String verdict) {}

	@Override
	public String name() {
		return "score";
	}

	@Override
	public String summary() {
		return "Score images (or .npy features) with a fitted model.";
	}

	@Override
	public String usage() {
		return String.join("\n", //
			"--model FILE            the fitted model",
			"--input DIR|FILE        an image, or a folder of images",
			"--pattern GLOB          with a folder: file names to use",
			"--recursive             with a folder: include subfolders",
			"--features FILE.npy     instead of --input: patch features (N, H, W, D)",
			"--backbone NAME|FILE    where to find the model's backbone (default: by",
			"                        its name in the models folders)",
			"--threshold T           decision threshold (default: the model's)",
			"--output DIR            also write DIR/" + SCORES_CSV,
			"--overwrite             replace an existing " + SCORES_CSV);
	}

	@Override
	public int run(final Arguments args) throws Exception {
		final TailedCoreModel model = ModelFile.load(args.path("model"));
		final Threshold threshold = args.has("threshold") ? new Threshold(args
			.real("threshold", 0), "given on the command line") : model.threshold();
		final Path output = args.path("output", null);
		final boolean overwrite = args.flag("overwrite");
		final Path featuresFile = args.path("features", null);
		final AnomalyScorer scorer = TailedCore.scorer(model);
		final List<Row> rows;
		if (featuresFile != null) {
			args.rejectUnknown();
			rows = scoreFeatures(scorer, featuresFile, threshold);
		}
		else {
			final Path input = args.path("input");
			final String pattern = args.get("pattern", ImageFolder.DEFAULT_PATTERN);
			final boolean recursive = args.flag("recursive");
			final String backbone = args.get("backbone", null);
			args.rejectUnknown();
			if (output != null && !overwrite && Files.exists(output.resolve(
				SCORES_CSV))) throw new IOException(output.resolve(SCORES_CSV) +
					" exists already; choose another --output or add --overwrite.");
			try (FeatureExtractor extractor = FeatureExtractor.openMatching(model
				.backbone(), backbone))
			{
				rows = scoreImages(scorer, extractor, images(input, pattern,
					recursive), threshold);
			}
		}
		System.out.println("Threshold: " + (threshold == null ? "none" : threshold));
		for (final Row r : rows)
			System.out.printf(Locale.ROOT, "%-40s %12.4f  %s%n", r.image(), r.score(),
				r.verdict());
		if (output != null) {
			writeCsv(rows, threshold, output.resolve(SCORES_CSV), overwrite);
			System.out.println("Wrote " + output.resolve(SCORES_CSV));
		}
		return 0;
	}

	private static List<Path> images(final Path input, final String pattern,
		final boolean recursive) throws IOException
	{
		if (Files.isRegularFile(input)) return List.of(input);
		final ImageFolder folder = ImageFolder.scan(input, pattern, recursive);
		for (final ImageFolder.Skipped s : folder.skipped())
			System.out.println("Skipped " + s);
		return folder.requireImages(pattern);
	}

	/** Scores each image; one that cannot be read or cropped is reported and skipped. */
	private static List<Row> scoreImages(final AnomalyScorer scorer,
		final FeatureExtractor extractor, final List<Path> images,
		final Threshold threshold)
	{
		final List<Row> rows = new ArrayList<>();
		for (final Path image : images) {
			try {
				final double score = scorer.score(extractor.extract(ImageIoReader.read(
					image)).patches()).imageScore();
				rows.add(new Row(image.toString(), score, verdict(score, threshold)));
			}
			catch (final IOException | IllegalArgumentException e) {
				System.out.println("Skipped " + image + ": " + e.getMessage());
			}
		}
		return rows;
	}

	private static List<Row> scoreFeatures(final AnomalyScorer scorer,
		final Path file, final Threshold threshold) throws IOException
	{
		final PatchFeatures features = FitCommand.readFeatures(file, null, scorer
			.grid().cropSize());
		if (!features.grid().equals(scorer.grid())) throw new IOException(file +
			" holds features on a " + features.grid() + " grid, but the model " +
			"needs " + scorer.grid() + ".");
		final List<Row> rows = new ArrayList<>();
		for (int i = 0; i < features.imageCount(); i++) {
			final double score = scorer.score(features.patches(i)).imageScore();
			rows.add(new Row(file.getFileName() + "[" + i + "]", score, verdict(
				score, threshold)));
		}
		return rows;
	}

	private static String verdict(final double score,
		final Threshold threshold)
	{
		if (threshold == null) return "";
		return threshold.isAnomalous(score) ? "anomalous" : "normal";
	}

	private static void writeCsv(final List<Row> rows,
		final Threshold threshold, final Path file, final boolean overwrite)
		throws IOException
	{
		AtomicWrite.write(file, overwrite, out -> {
			final Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
			w.write("image,score,threshold,verdict\n");
			for (final Row r : rows)
				w.write(String.format(Locale.ROOT, "\"%s\",%s,%s,%s%n", r.image()
					.replace("\"", "\"\""), r.score(), threshold == null ? "" : threshold
						.value(), r.verdict()));
			w.flush();
		});
	}
}
