package io.github.tailedcore.preprocess;

/**
 * Where the detector's square anomaly map lies on the original image, and
 * the map brought back onto the original pixel grid.
 * <p>
 * The detector sees the image as torchvision's {@code Resize(resize)} then
 * {@code CenterCrop(cropSize)} make it (256 and 224 in the paper):
 * </p>
 * <ol>
 * <li>the shorter side is resized to {@code resize}, the longer one to
 * {@code int(resize · long / short)} (truncated), so the scale is about
 * {@code resize / min(w, h)};</li>
 * <li>a {@code cropSize × cropSize} square is cut from the middle, at offset
 * {@code round((resized − cropSize) / 2)} resized pixels on each axis, with
 * Python's rounding of halves to even (117 / 2 = 58.5 gives 58).</li>
 * </ol>
 * <p>
 * The map has one value per crop pixel. {@link #toImage(float[])} inverts
 * both steps: the centre of original pixel {@code x} lies at resized
 * coordinate {@code (x + 0.5) · resizedWidth / width}, i.e. at continuous
 * map index {@code u = (x + 0.5) · resizedWidth / width − 0.5 − cropX}
 * (pixel centres at integer indices, as {@code align_corners=False}); the
 * value there is interpolated bilinearly, with edge values held within the
 * crop's border half-pixel. Pixels whose centre falls outside the crop get
 * NaN: the detector has not seen them.
 * </p>
 */
public final class MapGeometry {

	/** Shorter side after resizing, in the paper's setup. */
	public static final int DEFAULT_RESIZE = 256;
	/** Side of the centre crop the detector scores, in the paper's setup. */
	public static final int DEFAULT_CROP_SIZE = 224;

	private final int width;
	private final int height;
	private final int cropSize;
	private final int resizedWidth;
	private final int resizedHeight;
	private final int cropX;
	private final int cropY;

	/**
	 * @param width original image width
	 * @param height original image height
	 * @param resize shorter side after resizing
	 * @param cropSize side of the centre crop, at most {@code resize}
	 * @throws IllegalArgumentException if a size is not positive or the crop
	 *           is larger than the resized image
	 */
	public MapGeometry(final int width, final int height, final int resize,
		final int cropSize)
	{
		if (width < 1 || height < 1) throw new IllegalArgumentException(
			"An image needs a positive size, got " + width + " x " + height + ".");
		if (cropSize < 1 || cropSize > resize) throw new IllegalArgumentException(
			"The centre crop (" + cropSize + ") must be between 1 and the resized " +
				"shorter side (" + resize + ").");
		this.width = width;
		this.height = height;
		this.cropSize = cropSize;
		final int shorter = Math.min(width, height);
		resizedWidth = width == shorter ? resize : longSide(resize, width,
			shorter);
		resizedHeight = width == shorter ? longSide(resize, height, shorter)
			: resize;
		cropX = (int) Math.rint((resizedWidth - cropSize) / 2.0);
		cropY = (int) Math.rint((resizedHeight - cropSize) / 2.0);
	}

	/** The paper's geometry: resize 256, crop 224. */
	public static MapGeometry standard(final int width, final int height) {
		return new MapGeometry(width, height, DEFAULT_RESIZE, DEFAULT_CROP_SIZE);
	}

	public int resizedWidth() {
		return resizedWidth;
	}

	public int resizedHeight() {
		return resizedHeight;
	}

	/** Left edge of the crop, in resized pixels. */
	public int cropX() {
		return cropX;
	}

	/** Top edge of the crop, in resized pixels. */
	public int cropY() {
		return cropY;
	}

	/**
	 * Brings a crop-space map back to the original image.
	 *
	 * @param cropMap {@code cropSize²} values, row-major
	 * @return {@code width · height} values, row-major, NaN outside the crop
	 */
	public float[] toImage(final float[] cropMap) {
		if (cropMap.length != cropSize * cropSize)
			throw new IllegalArgumentException("A " + cropSize + " x " + cropSize +
				" crop map needs " + cropSize * cropSize + " values, got " +
				cropMap.length + ".");
		final float[] out = new float[width * height];
		for (int y = 0; y < height; y++) {
			final double v = mapIndex(y, resizedHeight, height, cropY);
			for (int x = 0; x < width; x++) {
				final double u = mapIndex(x, resizedWidth, width, cropX);
				out[y * width + x] = Double.isNaN(u) || Double.isNaN(v) ? Float.NaN
					: bilinear(cropMap, u, v);
			}
		}
		return out;
	}

	/** int(resize · long / short), as torchvision computes it. */
	private static int longSide(final int resize, final int longer,
		final int shorter)
	{
		return (int) ((double) resize * longer / shorter);
	}

	/**
	 * Continuous map index of original pixel {@code i}, clamped to the map, or
	 * NaN when its centre is outside the crop.
	 */
	private double mapIndex(final int i, final int resized, final int size,
		final int offset)
	{
		final double inCrop = (i + 0.5) * resized / size - offset;
		if (inCrop < 0 || inCrop >= cropSize) return Double.NaN;
		return Math.min(Math.max(inCrop - 0.5, 0), cropSize - 1);
	}

	private float bilinear(final float[] map, final double u, final double v) {
		final int u0 = (int) u;
		final int v0 = (int) v;
		final int u1 = Math.min(u0 + 1, cropSize - 1);
		final int v1 = Math.min(v0 + 1, cropSize - 1);
		final double fu = u - u0;
		final double fv = v - v0;
		final double top = (1 - fu) * map[v0 * cropSize + u0] + fu * map[v0 *
			cropSize + u1];
		final double bottom = (1 - fu) * map[v1 * cropSize + u0] + fu * map[v1 *
			cropSize + u1];
		return (float) ((1 - fv) * top + fv * bottom);
	}
}
