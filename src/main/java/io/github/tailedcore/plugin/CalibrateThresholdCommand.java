package io.github.tailedcore.plugin;

import io.github.tailedcore.TailedCoreModel;
import io.github.tailedcore.Threshold;
import io.github.tailedcore.ij.ImageFileReader;
import io.github.tailedcore.image.ImageFolder;
import io.github.tailedcore.image.LabelledFolder;
import io.github.tailedcore.image.RasterImage;
import io.github.tailedcore.image.UnusableImageException;
import io.github.tailedcore.io.ModelFile;
import io.github.tailedcore.preprocess.Preprocessing;
import io.github.tailedcore.scoring.ImageAnomaly;
import io.github.tailedcore.scoring.ImageScorer;
import io.github.tailedcore.threshold.F1OptimalThreshold;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * <em>Plugins › TailedCore › Calibrate Threshold...</em>: when labelled
 * images exist (an MVTec class folder, or a folder with {@code good} and
 * defect subfolders), scores them, replaces the model's label-free default
 * threshold by the F1-optimal image threshold
 * ({@link F1OptimalThreshold}) and saves it into the model file. The images
 * are read as a fit and a score run read them ({@link ImageFileReader}: a
 * composite's channels, display ranges); a stack scores as its highest
 * slice.
 */
@Plugin(type = Command.class,
	menuPath = "Plugins>TailedCore>Calibrate Threshold...")
public class CalibrateThresholdCommand extends TailedCoreCommand {

	@Parameter(label = "Labelled images", style = FileWidget.DIRECTORY_STYLE,
		persist = false)
	private File labelled_dir;

	@Parameter(label = "File pattern")
	private String file_pattern = ImageFolder.DEFAULT_PATTERN;

	@Parameter(label = "Model file", style = FileWidget.OPEN_STYLE,
		persist = false)
	private File model_file;

	@Parameter(type = ItemIO.OUTPUT, label = "TailedCore threshold")
	private String summary;

	@Override
	protected void execute() throws IOException {
		final Path modelPath = model_file.toPath();
		final LabelledFolder folder = LabelledFolder.scan(labelled_dir.toPath(), file_pattern);
		folder.skipped().forEach(s -> log.warn("Skipped " + s));
		final List<LabelledFolder.Labelled> images = folder.images();
		final double[] scores = new double[images.size()];
		final boolean[] anomalous = new boolean[images.size()];
		final TailedCoreModel model;
		try (ImageScorer scorer = ImageScorer.open(modelPath)) {
			model = scorer.model();
			final Preprocessing preprocessing = model.preprocessing();
			status.showStatus("Scoring " + images.size() + " labelled images");
			for (int i = 0; i < scores.length; i++) {
				progress().checkCanceled();
				final Path file = images.get(i).file();
				final List<RasterImage> slices = ImageFileReader.read(file);
				final String problem = preprocessing.problem(slices.get(0));
				if (problem != null) throw new UnusableImageException(file, problem);
				scores[i] = scorer.scoreImages(slices).stream().mapToDouble(
					ImageAnomaly::score).max().getAsDouble();
				anomalous[i] = images.get(i).anomalous();
				status.showProgress(i + 1, scores.length);
			}
		}
		final Threshold before = model.threshold();
		model.setThreshold(F1OptimalThreshold.choose(scores, anomalous)
			.threshold());
		ModelFile.save(model, modelPath, true);
		summary = "Threshold " + model.threshold() + ", saved into " + modelPath +
			"; it replaces " + (before == null ? "no threshold" : before) + ".";
		log.info(summary);
	}
}
