package io.github.tailedcore.plugin;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import io.github.tailedcore.Threshold;
import io.github.tailedcore.ij.HeatmapOverlay;
import io.github.tailedcore.ij.ResultsTables;
import io.github.tailedcore.ij.ScoringSession;
import io.github.tailedcore.ij.SliceScores;

import java.awt.GraphicsEnvironment;
import java.io.File;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * <em>Plugins › TailedCore › Score Image</em>: scores the current image
 * (each slice of a stack): a 32-bit anomaly map of the input's size (Fire
 * LUT), a semi-transparent heatmap and the above-threshold regions in the
 * image's overlay (and the ROI Manager when not headless), and a row per
 * slice in a results table.
 */
@Plugin(type = Command.class, menuPath = "Plugins>TailedCore>Score Image")
public final class ScoreImageCommand extends ContextCommand {

	/** Title of the results table. */
	public static final String TABLE_TITLE = "TailedCore scores";

	@Parameter
	private ImagePlus imp;

	@Parameter(label = "Model file", style = "open")
	private File model_file;

	@Parameter(label = "Threshold (empty: the model's)", required = false)
	private double threshold = Double.NaN;

	@Parameter(label = "Overlay opacity", min = "0", max = "1",
		required = false)
	private double overlay_opacity = HeatmapOverlay.DEFAULT_OPACITY;

	@Parameter(label = "Outline anomalous regions", required = false)
	private boolean show_regions = true;

	@Parameter(type = ItemIO.OUTPUT)
	private ImagePlus anomaly_map;

	@Parameter(type = ItemIO.OUTPUT)
	private ResultsTable scores;

	@Parameter
	private LogService log;

	@Override
	public void run() {
		try (ScoringSession session = ScoringSession.open(model_file.toPath())) {
			final Threshold t = session.threshold(threshold);
			final SliceScores result = SliceScores.of(imp, session.extractor(),
				session.scorer());
			final HeatmapOverlay.Builder overlay = HeatmapOverlay.builder().opacity(
				overlay_opacity).roiManager(show_regions);
			final double top = Math.max(t == null ? 0 : 2 * t.value(), result
				.maxMapValue());
			if (top > 0) overlay.displayRange(0, top);
			if (t != null && show_regions) overlay.threshold(t.value());
			anomaly_map = overlay.build().apply(imp, result.maps()).map();
			scores = new ResultsTable();
			for (int s = 0; s < result.size(); s++)
				ResultsTables.addScore(scores, imp.getTitle(), s + 1, result.score(s),
					t);
			log.info("Threshold: " + (t == null ? "none" : t));
			if (!GraphicsEnvironment.isHeadless()) scores.show(TABLE_TITLE);
		}
		catch (final Exception e) {
			log.error("Score Image failed: " + e.getMessage());
			cancel("Score Image failed: " + e.getMessage());
		}
	}
}
