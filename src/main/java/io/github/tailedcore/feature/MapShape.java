package io.github.tailedcore.feature;

/**
 * Shape of one image's feature map: {@code channels × height × width}, e.g.
 * 512 × 28 × 28 for wide_resnet50_2's {@code layer2} at 224 px.
 */
public record MapShape(int channels, int height, int width) {

	/** @throws IllegalArgumentException unless all sizes are positive */
	public MapShape {
		if (channels < 1 || height < 1 || width < 1)
			throw new IllegalArgumentException(
				"A feature map needs positive sizes, got " + channels + " × " +
					height + " × " + width + ".");
	}

	/** Values per image, C · H · W. */
	public int size() {
		return channels * height * width;
	}

	/** Locations per channel, H · W. */
	public int locations() {
		return height * width;
	}

	@Override
	public String toString() {
		return channels + " × " + height + " × " + width;
	}
}
