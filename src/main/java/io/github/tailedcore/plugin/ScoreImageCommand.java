package io.github.tailedcore.plugin;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import io.github.tailedcore.ij.HeatmapOverlay;
import io.github.tailedcore.ij.ImagePlusScoring;
import io.github.tailedcore.scoring.ImageScorer;

import java.awt.GraphicsEnvironment;
import java.io.File;
import java.io.IOException;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;
import org.scijava.widget.NumberWidget;

/**
 * <em>Plugins › TailedCore › Score Image</em>: scores the current image
 * (each slice of a stack) and shows where it is anomalous: a heatmap
 * {@link ij.gui.ImageRoi} and the outlines of the regions at or above the
 * threshold in the image's overlay (and the ROI Manager, with a display),
 * a 32-bit anomaly map of the image's size, and a row per slice in the
 * {@value #TABLE} table.
 */
@Plugin(type = Command.class, menuPath = "Plugins>TailedCore>Score Image")
public class ScoreImageCommand extends TailedCoreCommand {

	/** Title of the results table the rows go to. */
	public static final String TABLE = "TailedCore scores";

	@Parameter
	private ImagePlus image;

	@Parameter(label = "Model file", style = FileWidget.OPEN_STYLE,
		persist = false)
	private File model_file;

	@Parameter(label = "Threshold (0 = the model's)", min = "0")
	private double threshold;

	@Parameter(label = "Overlay opacity", min = "0", max = "1",
		stepSize = "0.05", style = NumberWidget.SLIDER_STYLE)
	private double overlay_opacity = HeatmapOverlay.DEFAULT_OPACITY;

	@Parameter(label = "Outline anomalous regions")
	private boolean show_regions = true;

	@Parameter(type = ItemIO.OUTPUT)
	private ImagePlus anomaly_map;

	private ResultsTable table;

	@Override
	protected void execute() throws IOException {
		final boolean headless = GraphicsEnvironment.isHeadless();
		final ResultsTable shown = headless ? null : ResultsTable
			.getResultsTable(TABLE);
		table = shown != null ? shown : new ResultsTable();
		try (ImageScorer scorer = ImageScorer.open(model_file.toPath())) {
			status.showStatus("Scoring " + image.getTitle());
			anomaly_map = new ImagePlusScoring(scorer, threshold(scorer.model(),
				threshold), overlay_opacity, show_regions, true).score(image, image
					.getTitle(), table).overlay().map();
		}
		if (!headless) table.show(TABLE);
	}

	/** The rows this run added to (headless: its own table). */
	public ResultsTable table() {
		return table;
	}
}
