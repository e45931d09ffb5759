package io.github.tailedcore.plugin;

import io.github.tailedcore.batch.Shard;
import io.github.tailedcore.batch.ShardRun;
import io.github.tailedcore.ij.FolderScoring;
import io.github.tailedcore.ij.HeatmapOverlay;
import io.github.tailedcore.ij.ImagePlusScoring;
import io.github.tailedcore.image.ImageFolder;
import io.github.tailedcore.scoring.ImageScorer;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * <em>Plugins › TailedCore › Score Folder...</em>: scores every image of a
 * folder and writes {@value FolderScoring#SCORES_CSV}, an anomaly-map TIFF
 * and an overlay PNG per image ({@link FolderScoring}); unreadable files
 * are logged and skipped, existing outputs are kept unless
 * {@code overwrite} is set. With {@code shard=I/N} it scores one shard of
 * the folder, as one task of a cluster array does, for
 * {@link MergeShardsCommand} to merge.
 */
@Plugin(type = Command.class, menuPath = "Plugins>TailedCore>Score Folder...")
public class ScoreFolderCommand extends TailedCoreCommand {

	@Parameter(label = "Images", style = FileWidget.DIRECTORY_STYLE,
		persist = false)
	private File input_dir;

	@Parameter(label = "File pattern")
	private String file_pattern = ImageFolder.DEFAULT_PATTERN;

	@Parameter(label = "Include subfolders")
	private boolean recursive;

	@Parameter(label = "Model file", style = FileWidget.OPEN_STYLE,
		persist = false)
	private File model_file;

	@Parameter(label = "Output folder", style = FileWidget.DIRECTORY_STYLE,
		persist = false)
	private File output_dir;

	@Parameter(label = "Threshold (0 = the model's)", min = "0")
	private double threshold;

	@Parameter(label = "Overlay opacity", min = "0", max = "1",
		stepSize = "0.05")
	private double overlay_opacity = HeatmapOverlay.DEFAULT_OPACITY;

	@Parameter(label = "Overwrite existing outputs")
	private boolean overwrite;

	@Parameter(label = "Shard (I/N; empty: the whole folder)", required = false,
		persist = false,
		description = "Score only shard I of N (0 <= I < N) into an output " +
			"folder shared by all shards, then merge them (Merge Shards...)")
	private String shard = "";

	@Parameter(type = ItemIO.OUTPUT, label = "TailedCore batch")
	private String summary;

	@Override
	protected void execute() throws IOException {
		final Path output = output_dir.toPath();
		final ShardRun run = shard == null || shard.isBlank() ? null : ShardRun.of(
			Shard.parse(shard), model_file.toPath());
		try (ImageScorer scorer = ImageScorer.open(model_file.toPath())) {
			final ImagePlusScoring scoring = new ImagePlusScoring(scorer, threshold(
				scorer.model(), threshold), overlay_opacity, true, false);
			final FolderScoring batch = new FolderScoring(scoring, progress(),
				log::warn);
			summary = (run == null ? batch.score(input_dir.toPath(), file_pattern,
				recursive, output, overwrite) : batch.scoreShard(input_dir.toPath(),
					file_pattern, recursive, output, overwrite, run)).summary(output);
		}
		log.info(summary);
	}
}
