package io.github.tailedcore.plugin;

import io.github.tailedcore.ij.FolderScoring;
import io.github.tailedcore.ij.HeatmapOverlay;
import io.github.tailedcore.ij.ScoringSession;
import io.github.tailedcore.image.ImageFolder;

import java.io.File;
import java.util.concurrent.CancellationException;

import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * <em>Plugins › TailedCore › Score Folder...</em>: scores every image of a
 * folder into an output folder ({@link FolderScoring}: {@code scores.csv},
 * a map TIFF and an overlay PNG per image), skipping unreadable files with
 * a logged reason.
 */
@Plugin(type = Command.class, menuPath = "Plugins>TailedCore>Score Folder...")
public final class ScoreFolderCommand extends ContextCommand {

	@Parameter(label = "Images", style = "directory")
	private File input_dir;

	@Parameter(label = "File pattern", required = false)
	private String file_pattern = ImageFolder.DEFAULT_PATTERN;

	@Parameter(label = "Include subfolders", required = false)
	private boolean recursive;

	@Parameter(label = "Model file", style = "open")
	private File model_file;

	@Parameter(label = "Output folder", style = "directory")
	private File output_dir;

	@Parameter(label = "Threshold (empty: the model's)", required = false)
	private double threshold = Double.NaN;

	@Parameter(label = "Overlay opacity", min = "0", max = "1",
		required = false)
	private double overlay_opacity = HeatmapOverlay.DEFAULT_OPACITY;

	@Parameter(label = "Overwrite existing outputs", required = false)
	private boolean overwrite;

	@Parameter(type = ItemIO.OUTPUT)
	private String summary;

	@Parameter
	private StatusService status;

	@Parameter
	private LogService log;

	@Override
	public void run() {
		try (ScoringSession session = ScoringSession.open(model_file.toPath())) {
			final int rows = new FolderScoring(session.extractor(), session.scorer(),
				session.threshold(threshold), overlay_opacity).run(ImageFolder.scan(
					input_dir.toPath(), file_pattern, recursive), file_pattern, output_dir
						.toPath(), overwrite, new StatusProgress(status, this::isCanceled),
					log::warn).size();
			summary = "Scored " + rows + " images/slices into " + output_dir;
			log.info(summary);
		}
		catch (final CancellationException e) {
			cancel("Score Folder canceled; the outputs written so far are kept.");
		}
		catch (final Exception e) {
			summary = "Score Folder failed: " + e.getMessage();
			log.error(summary);
			cancel(summary);
		}
	}
}
