package io.github.tailedcore.cli;

import ij.measure.ResultsTable;

import io.github.tailedcore.Progress;
import io.github.tailedcore.TailedCore;
import io.github.tailedcore.TailedCoreModel;
import io.github.tailedcore.Threshold;
import io.github.tailedcore.batch.Shard;
import io.github.tailedcore.batch.ShardRun;
import io.github.tailedcore.feature.PatchFeatures;
import io.github.tailedcore.ij.FolderScoring;
import io.github.tailedcore.ij.HeatmapOverlay;
import io.github.tailedcore.ij.ImagePlusScoring;
import io.github.tailedcore.ij.ResultsTables;
import io.github.tailedcore.image.ImageFolder;
import io.github.tailedcore.io.ModelFile;
import io.github.tailedcore.scoring.AnomalyScorer;
import io.github.tailedcore.scoring.ImageScorer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code score}: anomaly scores of images (or of .npy patch features) with a
 * fitted model, printed; with {@code --output}, the batch outputs of
 * {@link FolderScoring} ({@value FolderScoring#SCORES_CSV}, anomaly maps,
 * overlays).
 */
public final class ScoreCommand implements Subcommand {

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
			"--output DIR            also write DIR/" + FolderScoring.SCORES_CSV +
				", an anomaly map TIFF",
			"                        and an overlay PNG per image (with --input)",
			"--shard I/N             with a folder and --output: score only shard I of",
			"                        N (0 <= I < N; a file's shard is fixed by its",
			"                        name), into DIR shared by all shards; then run",
			"                        'merge --output DIR'. For SLURM arrays, see",
			"                        scripts/slurm/submit.sh",
			"--overwrite             replace existing outputs (a shard's own ones)");
	}

	@Override
	public int run(final Arguments args) throws Exception {
		final Path modelFile = args.path("model");
		final Threshold given = args.has("threshold") ? given(args.real(
			"threshold", 0)) : null;
		final Path output = args.path("output", null);
		final boolean overwrite = args.flag("overwrite");
		final Path featuresFile = args.path("features", null);
		final ResultsTable table;
		final Threshold threshold;
		final String summary;
		if (featuresFile != null) {
			args.rejectUnknown();
			final TailedCoreModel model = ModelFile.load(modelFile);
			threshold = given != null ? given : model.threshold();
			table = scoreFeatures(TailedCore.scorer(model), featuresFile, threshold);
			if (output != null) ResultsTables.writeCsv(table, output.resolve(
				FolderScoring.SCORES_CSV), overwrite);
			summary = "Wrote " + output.resolve(FolderScoring.SCORES_CSV);
		}
		else {
			final Path input = args.path("input");
			final boolean file = Files.isRegularFile(input);
			final String pattern = args.get("pattern", ImageFolder.DEFAULT_PATTERN);
			final boolean recursive = args.flag("recursive");
			final String backbone = args.get("backbone", null);
			final Shard shard = shard(args.get("shard", null), output, file);
			args.rejectUnknown();
			if (!Files.exists(input)) throw new IOException("The input " + input +
				" does not exist; give an image file or a folder of images.");
			FolderScoring.requireOutsideInput(input, output, file);
			final ShardRun run = shard == null ? null : ShardRun.of(shard,
				modelFile);
			try (ImageScorer scorer = ImageScorer.open(modelFile, backbone)) {
				threshold = given != null ? given : scorer.model().threshold();
				final ImagePlusScoring scoring = new ImagePlusScoring(scorer,
					threshold, HeatmapOverlay.DEFAULT_OPACITY, true, false);
				final FolderScoring batch = new FolderScoring(scoring, Progress.none(),
					System.out::println);
				final FolderScoring.Result result = file ? batch.scoreFile(input,
					output, overwrite) : run != null ? batch.scoreShard(input, pattern,
						recursive, output, overwrite, run) : batch.score(input, pattern,
							recursive, output, overwrite);
				if (run == null && result.scored().isEmpty()) throw new IOException(
					"No image could be scored: " + result.skipped().stream().map(
						ImageFolder.Skipped::toString).collect(Collectors.joining("; ")) +
					".");
				table = result.table();
				summary = result.summary(output);
			}
		}
		System.out.println("Threshold: " + (threshold == null ? "none" : threshold));
		for (int row = 0; row < table.size(); row++)
			System.out.printf(Locale.ROOT, "%-40s %3d %12.4f  %s%n", table
				.getStringValue(ResultsTables.IMAGE, row), (int) table.getValue(
					ResultsTables.SLICE, row), table.getValue(ResultsTables.SCORE, row),
				table.getStringValue(ResultsTables.VERDICT, row));
		if (output != null) System.out.println(summary);
		return 0;
	}

	/**
	 * The shard of {@code --shard}, or {@code null}; refused without an
	 * output folder or with one image file.
	 */
	private static Shard shard(final String text, final Path output,
		final boolean file)
	{
		if (text == null) return null;
		if (output == null || file) throw new UsageException("--shard needs a " +
			"folder as --input and an --output folder that all shards share.");
		try {
			return Shard.parse(text);
		}
		catch (final IllegalArgumentException e) {
			throw new UsageException("--shard: " + e.getMessage(), e);
		}
	}

	/** The threshold of {@code --threshold}, checked before any work. */
	private static Threshold given(final double value) {
		try {
			return new Threshold(value, "given on the command line");
		}
		catch (final IllegalArgumentException e) {
			throw new UsageException("--threshold: " + e.getMessage(), e);
		}
	}

	private static ResultsTable scoreFeatures(final AnomalyScorer scorer,
		final Path file, final Threshold threshold) throws IOException
	{
		if (scorer.scoring().conditions()) throw new UsageException("This model " +
			"scores class-aware, which needs each image's embedding, and .npy " +
			"features carry none: score the images (--input), or fit the model " +
			"with --scoring global.");
		final PatchFeatures features = FitCommand.readFeatures(file, null, scorer
			.grid().cropSize());
		if (!features.grid().equals(scorer.grid())) throw new IOException(file +
			" holds features on a " + features.grid() + " grid, but the model " +
			"needs " + scorer.grid() + ".");
		final ResultsTable table = new ResultsTable();
		for (int i = 0; i < features.imageCount(); i++)
			ResultsTables.addScore(table, file.getFileName() + "[" + i + "]", 1,
				scorer.score(features.patches(i), features.embedding(i)).imageScore(),
				threshold);
		return table;
	}
}
