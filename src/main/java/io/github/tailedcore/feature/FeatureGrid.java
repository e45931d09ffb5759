package io.github.tailedcore.feature;

/**
 * The patch grid of a backbone: {@code height × width} patch locations per
 * image (28 × 28 for wide_resnet50_2 and MobileNetV2 at 224 px), each a
 * {@code dims}-dimensional feature vector, computed from an input crop of
 * {@code cropSize × cropSize} pixels.
 * <p>
 * Location {@code p = y * width + x} indexes patches in row-major order, as
 * the official code flattens its feature maps.
 * </p>
 */
public final class FeatureGrid {

	private final int height;
	private final int width;
	private final int dims;
	private final int cropSize;

	public FeatureGrid(final int height, final int width, final int dims,
		final int cropSize)
	{
		if (height < 1 || width < 1 || dims < 1 || cropSize < 1)
			throw new IllegalArgumentException("A feature grid needs positive sizes, got " +
				height + " × " + width + " patches of " + dims + " dims from a " +
				cropSize + " px crop.");
		this.height = height;
		this.width = width;
		this.dims = dims;
		this.cropSize = cropSize;
	}

	/** Patch rows. */
	public int height() {
		return height;
	}

	/** Patch columns. */
	public int width() {
		return width;
	}

	/** Number of patch locations L = height × width. */
	public int locations() {
		return height * width;
	}

	/** Dimensions D of one patch feature vector. */
	public int dims() {
		return dims;
	}

	/** Side of the square input crop, in pixels (224 in the paper). */
	public int cropSize() {
		return cropSize;
	}

	@Override
	public boolean equals(final Object o) {
		if (!(o instanceof FeatureGrid)) return false;
		final FeatureGrid g = (FeatureGrid) o;
		return height == g.height && width == g.width && dims == g.dims &&
			cropSize == g.cropSize;
	}

	@Override
	public int hashCode() {
		return ((height * 31 + width) * 31 + dims) * 31 + cropSize;
	}

	@Override
	public String toString() {
		return height + "×" + width + " patches × " + dims + " dims (crop " +
			cropSize + " px)";
	}
}
