package io.github.tailedcore.feature;

/**
 * A batch of {@code count} feature maps of one shape, stored NCHW in one
 * array: value (image n, channel c, y, x) is at
 * {@code ((n · C + c) · H + y) · W + x}, as the network writes it.
 *
 * @param count number of images N
 * @param shape per-image shape C × H × W
 * @param data {@code count · shape.size()} values (shared, not copied)
 */
public record FeatureMaps(int count, MapShape shape, float[] data) {

	/** @throws IllegalArgumentException if the array does not fit the shape */
	public FeatureMaps {
		if (count < 0 || (long) count * shape.size() != data.length)
			throw new IllegalArgumentException(count + " feature maps of " + shape +
				" need " + (long) count * shape.size() + " values, got " + data.length +
				".");
	}

	/** Offset of image {@code n}'s first value in {@link #data()}. */
	public int offset(final int n) {
		return n * shape.size();
	}
}
