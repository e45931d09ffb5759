package io.github.tailedcore.image;

/**
 * The geometric operations of the official preprocessing and tail
 * augmentation (spec §2, §6), each matching the torchvision function it
 * replaces: {@code CenterCrop}, {@code hflip}, replicate padding and
 * {@code TF.rotate(angle, NEAREST, expand=False, fill=0)}.
 * <p>
 * All return new images; the input is never changed.
 * </p>
 */
public final class ImageTransforms {

	private ImageTransforms() {}

	/**
	 * Cuts the centred {@code size × size} square, at offsets
	 * {@code round((W − size) / 2)} and {@code round((H − size) / 2)} with
	 * Python's round-half-to-even, as torchvision's {@code center_crop} does.
	 *
	 * @throws IllegalArgumentException if the image is smaller than the crop
	 */
	public static RasterImage centerCrop(final RasterImage image,
		final int size)
	{
		if (image.width() < size || image.height() < size)
			throw new IllegalArgumentException("A " + image.width() + " × " + image
				.height() + " image is smaller than the " + size + " × " + size +
				" centre crop; it needs at least " + size + " pixels on each side.");
		final int left = cropOffset(image.width(), size);
		final int top = cropOffset(image.height(), size);
		final float[][] out = new float[image.channels()][size * size];
		for (int c = 0; c < out.length; c++) {
			final float[] in = image.plane(c);
			for (int y = 0; y < size; y++)
				System.arraycopy(in, (y + top) * image.width() + left, out[c], y *
					size, size);
		}
		return new RasterImage(size, size, out);
	}

	/** torchvision's centre-crop offset {@code int(round((length − size) / 2))}. */
	public static int cropOffset(final int length, final int size) {
		return (int) Math.rint((length - size) / 2.0);
	}

	/** Mirrors left and right: pixel (x, y) comes from (W − 1 − x, y). */
	public static RasterImage flipHorizontal(final RasterImage image) {
		final int w = image.width();
		final int h = image.height();
		final float[][] out = new float[image.channels()][w * h];
		for (int c = 0; c < out.length; c++) {
			final float[] in = image.plane(c);
			for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++)
					out[c][y * w + x] = in[y * w + w - 1 - x];
		}
		return new RasterImage(w, h, out);
	}

	/**
	 * Adds {@code border} pixels on every side, each a copy of the nearest
	 * edge pixel (torch's {@code mode="replicate"}).
	 */
	public static RasterImage padReplicate(final RasterImage image,
		final int border)
	{
		if (border < 0) throw new IllegalArgumentException(
			"Padding needs a non-negative border, got " + border + ".");
		final int w = image.width();
		final int h = image.height();
		final int ow = w + 2 * border;
		final int oh = h + 2 * border;
		final float[][] out = new float[image.channels()][ow * oh];
		for (int c = 0; c < out.length; c++) {
			final float[] in = image.plane(c);
			for (int y = 0; y < oh; y++) {
				final int sy = clamp(y - border, h);
				for (int x = 0; x < ow; x++)
					out[c][y * ow + x] = in[sy * w + clamp(x - border, w)];
			}
		}
		return new RasterImage(ow, oh, out);
	}

	/**
	 * Rotates counter-clockwise by {@code degrees} about the image centre,
	 * keeping the size, with nearest-neighbour sampling and 0 outside the
	 * source, like torchvision's tensor {@code rotate}.
	 * <p>
	 * Output pixel (x, y) has centre offsets {@code u = x − W/2 + ½},
	 * {@code v = y − H/2 + ½}; it takes the source pixel
	 * {@code (rint(u·cos θ − v·sin θ + W/2 − ½), rint(u·sin θ + v·cos θ + H/2 −
	 * ½))} (grid_sample, align_corners=False, ties to even). Multiples of 90°
	 * on a square image are exact permutations. torchvision computes the grid
	 * in float32, so where a source lies exactly halfway between two pixels
	 * (at 90° multiples on an image whose width and height differ in parity)
	 * it may round the other way; square images have no such ties.
	 * </p>
	 */
	public static RasterImage rotate(final RasterImage image,
		final double degrees)
	{
		final int w = image.width();
		final int h = image.height();
		final double[] cs = cosSin(degrees);
		final int[] source = new int[w * h];
		for (int y = 0; y < h; y++) {
			final double v = y - h / 2.0 + 0.5;
			for (int x = 0; x < w; x++) {
				final double u = x - w / 2.0 + 0.5;
				final double sx = Math.rint(u * cs[0] - v * cs[1] + w / 2.0 - 0.5);
				final double sy = Math.rint(u * cs[1] + v * cs[0] + h / 2.0 - 0.5);
				source[y * w + x] = sx < 0 || sy < 0 || sx >= w || sy >= h ? -1
					: (int) sy * w + (int) sx;
			}
		}
		final float[][] out = new float[image.channels()][w * h];
		for (int c = 0; c < out.length; c++) {
			final float[] in = image.plane(c);
			for (int i = 0; i < source.length; i++)
				out[c][i] = source[i] < 0 ? 0 : in[source[i]];
		}
		return new RasterImage(w, h, out);
	}

	/** cos and sin of an angle in degrees, exact for multiples of 90°. */
	private static double[] cosSin(final double degrees) {
		final double turns = degrees / 90;
		if (turns == Math.rint(turns)) {
			final int quarter = Math.floorMod((int) turns, 4);
			final double[][] exact = { { 1, 0 }, { 0, 1 }, { -1, 0 }, { 0, -1 } };
			return exact[quarter];
		}
		final double r = Math.toRadians(degrees);
		return new double[] { Math.cos(r), Math.sin(r) };
	}

	private static int clamp(final int i, final int length) {
		return i < 0 ? 0 : i >= length ? length - 1 : i;
	}
}
