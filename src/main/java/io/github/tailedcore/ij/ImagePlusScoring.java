package io.github.tailedcore.ij;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import io.github.tailedcore.Threshold;
import io.github.tailedcore.image.ImageRequirements;
import io.github.tailedcore.image.RasterImage;
import io.github.tailedcore.preprocess.Preprocessing;
import io.github.tailedcore.scoring.ImageAnomaly;
import io.github.tailedcore.scoring.ImageScorer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Scores an {@link ImagePlus} (each slice of a stack on its own) and shows
 * the result the ImageJ way: a {@link HeatmapOverlay} on the image, a
 * 32-bit anomaly map of the image's size, and one {@link ResultsTables} row
 * per slice.
 * <p>
 * The heatmap's display range is fixed by the threshold τ, [0, 2τ], so that
 * colours mean the same on every image a model scores and τ sits in the
 * middle of the LUT; without a threshold it is [0, the largest map value].
 * The outlines are the regions of the <em>smoothed</em> map at or above τ,
 * so an image whose score (the largest patch score) just passes τ may have
 * none.
 * </p>
 */
public final class ImagePlusScoring {

	private final ImageScorer scorer;
	private final Threshold threshold;
	private final double opacity;
	private final boolean regions;
	private final boolean roiManager;

	/**
	 * @param threshold τ for the verdicts and outlines, or {@code null}
	 * @param opacity of the heatmap, in [0, 1]
	 * @param regions whether to outline the regions at or above τ
	 * @param roiManager whether to add the outlines to the ROI Manager too
	 *          (ignored when headless)
	 */
	public ImagePlusScoring(final ImageScorer scorer, final Threshold threshold,
		final double opacity, final boolean regions, final boolean roiManager)
	{
		this.scorer = scorer;
		this.threshold = threshold;
		this.opacity = opacity;
		this.regions = regions;
		this.roiManager = roiManager;
	}

	/** τ, or {@code null} when none is set. */
	public Threshold threshold() {
		return threshold;
	}

	/**
	 * What decides this scoring's outputs besides the model, as text: τ (or
	 * {@code none}), the heatmap's opacity and whether regions are outlined.
	 * Shards of one run must agree on it.
	 */
	public Map<String, String> settings() {
		return Map.of("threshold", threshold == null ? "none" : Double.toString(
			threshold.value()), "overlay_opacity", Double.toString(opacity),
			"regions", Boolean.toString(regions));
	}

	/** The image score of each slice and what the overlay added. */
	public record Scored(double[] scores, HeatmapOverlay.Result overlay) {}

	/**
	 * Scores every slice of {@code imp}, replaces the heatmaps and outlines in
	 * its overlay, and appends one row per slice to {@code table}.
	 *
	 * @param name the image's name in the table
	 * @throws IllegalArgumentException if the image cannot be converted,
	 *           lacks a channel the model uses or has values its intensity
	 *           scaling cannot read ({@link Preprocessing#problem}) or breaks the
	 *           {@link ImageRequirements} (a slice too small, a thin strip,
	 *           blank)
	 */
	public Scored score(final ImagePlus imp, final String name,
		final ResultsTable table)
	{
		final List<RasterImage> slices = ImagePlusConverter.toRasterImages(imp);
		final Preprocessing preprocessing = scorer.model().preprocessing();
		for (int i = 0; i < slices.size(); i++) {
			String problem = preprocessing.problem(slices.get(i));
			if (problem == null) problem = ImageRequirements.contentProblem(slices
				.get(i));
			if (problem != null) throw new IllegalArgumentException("Cannot score " +
				name + (slices.size() > 1 ? " (slice " + (i + 1) + ")" : "") + ": " +
				problem + ".");
		}
		final List<ImageAnomaly> results = scorer.scoreImages(slices);
		final List<float[]> maps = new ArrayList<>();
		final double[] scores = new double[results.size()];
		double max = 0;
		for (int i = 0; i < scores.length; i++) {
			scores[i] = results.get(i).score();
			final float[] map = results.get(i).map();
			for (final float v : map)
				if (v > max) max = v;
			maps.add(map);
			ResultsTables.addScore(table, name, i + 1, scores[i], threshold);
		}
		final double top = threshold != null ? 2 * threshold.value() : max;
		final HeatmapOverlay overlay = HeatmapOverlay.builder().displayRange(0,
			top > 0 ? top : 1).opacity(opacity).threshold(regions &&
				threshold != null ? threshold.value() : Double.NaN).roiManager(
					roiManager).build();
		return new Scored(scores, overlay.apply(imp, maps));
	}
}
