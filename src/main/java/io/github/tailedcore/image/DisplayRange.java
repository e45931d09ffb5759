package io.github.tailedcore.image;

/**
 * The grey values an image channel was displayed between, on the 0–255
 * scale of a {@link RasterImage}: Fiji's minimum and maximum, shown black
 * and white (or the channel's full colour).
 *
 * @param min shown black
 * @param max shown at full intensity; above {@code min}
 */
public record DisplayRange(double min, double max) {

	/** @throws IllegalArgumentException unless min &lt; max, both finite */
	public DisplayRange {
		if (!(Double.isFinite(min) && Double.isFinite(max) && min < max))
			throw new IllegalArgumentException("A display range needs finite " +
				"min < max, got " + min + " and " + max + ".");
	}
}
