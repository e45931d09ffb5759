package io.github.tailedcore.image;

/**
 * The grey values an image channel was displayed between, on the scale of a
 * {@link RasterImage}'s planes (0–255 for integer data, the values
 * themselves for 32-bit data): Fiji's minimum and maximum, shown black and
 * white (or the channel's full colour).
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
