package io.github.tailedcore.ij;

import ij.ImagePlus;

import io.github.tailedcore.feature.FeatureExtractor;
import io.github.tailedcore.image.RasterImage;
import io.github.tailedcore.scoring.AnomalyResult;
import io.github.tailedcore.scoring.AnomalyScorer;

import java.util.ArrayList;
import java.util.List;

/**
 * Scores every slice of an {@link ImagePlus} (one slice for a 2D or RGB
 * image): its image score and its anomaly map at the size of the input
 * (the model's map covers the centre crop; outside it the map is NaN).
 */
public final class SliceScores {

	private final List<Double> scores;
	private final List<float[]> maps;

	private SliceScores(final List<Double> scores, final List<float[]> maps) {
		this.scores = scores;
		this.maps = maps;
	}

	/**
	 * @throws IllegalArgumentException if the image is too small or of an
	 *           unsupported type (the message names it)
	 */
	public static SliceScores of(final ImagePlus imp,
		final FeatureExtractor extractor, final AnomalyScorer scorer)
	{
		final List<Double> scores = new ArrayList<>();
		final List<float[]> maps = new ArrayList<>();
		final MapGeometry geometry = MapGeometry.standard(imp.getWidth(), imp
			.getHeight());
		for (final RasterImage slice : ImagePlusConverter.toRasterImages(imp)) {
			final AnomalyResult r = scorer.score(extractor.extract(slice).patches());
			scores.add((double) r.imageScore());
			maps.add(geometry.toImage(r.map()));
		}
		return new SliceScores(scores, maps);
	}

	/** Image score of slice {@code i} (0-based). */
	public double score(final int i) {
		return scores.get(i);
	}

	/** Maps, one per slice, {@code width · height} each. */
	public List<float[]> maps() {
		return maps;
	}

	/** The largest map value of all slices (NaN ignored; 0 if none). */
	public double maxMapValue() {
		double max = 0;
		for (final float[] map : maps)
			for (final float v : map)
				if (v > max) max = v;
		return max;
	}

	public int size() {
		return scores.size();
	}
}
