package io.github.tailedcore.scoring;

/**
 * The result of scoring one whole image, whatever its framing: the image
 * score (the largest patch score of all its inputs) and the anomaly map on
 * the image's own pixel grid.
 *
 * @param score max of the patch scores over every input (tile); NaN if any
 *          is NaN
 * @param width image width
 * @param height image height
 * @param map width × height values, row-major; NaN where the detector did
 *          not look (outside the paper's crop), never elsewhere
 */
public record ImageAnomaly(float score, int width, int height, float[] map) {

	/** @throws IllegalArgumentException if the map does not fit the size */
	public ImageAnomaly {
		if (width < 1 || height < 1 || map.length != (long) width * height)
			throw new IllegalArgumentException("A " + width + " × " + height +
				" anomaly map needs " + (long) width * height + " values, got " +
				map.length + ".");
	}
}
