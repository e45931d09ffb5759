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
	 * source, exactly like torchvision's tensor
	 * {@code rotate(img, degrees, NEAREST, expand=False)}.
	 * <p>
	 * Output pixel (x, y) has centre offsets {@code u = x − W/2 + ½},
	 * {@code v = y − H/2 + ½} and reads source pixel
	 * {@code (rint(u·cos θ − v·sin θ + W/2 − ½),}
	 * {@code rint(u·sin θ + v·cos θ + H/2 − ½))}. The arithmetic is done in float32 in torchvision's order (affine
	 * grid normalised to [−1, 1], then grid_sample's align_corners=False
	 * unnormalisation, ties to even), so that even sources lying exactly
	 * halfway between two pixels, as at 90° on images whose width and height
	 * differ in parity, round the same way. Multiples of 90° on a square image
	 * are exact permutations.
	 * </p>
	 */
	public static RasterImage rotate(final RasterImage image,
		final double degrees)
	{
		final int w = image.width();
		final int h = image.height();
		// torchvision's inverse affine matrix for -degrees, cast to float32
		final double theta = Math.toRadians(-degrees);
		final float cos = (float) StrictMath.cos(theta);
		final float sin = (float) StrictMath.sin(theta);
		final float halfW = (float) (0.5 * w);
		final float halfH = (float) (0.5 * h);
		final float xx = cos / halfW;
		final float xy = sin / halfW;
		final float yx = -sin / halfH;
		final float yy = cos / halfH;
		final int[] source = new int[w * h];
		for (int y = 0; y < h; y++) {
			final float v = y - halfH + 0.5f;
			for (int x = 0; x < w; x++) {
				final float u = x - halfW + 0.5f;
				final float gx = u * xx + v * xy;
				final float gy = u * yx + v * yy;
				final double sx = Math.rint(((gx + 1f) * w - 1f) / 2f);
				final double sy = Math.rint(((gy + 1f) * h - 1f) / 2f);
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

	private static int clamp(final int i, final int length) {
		return i < 0 ? 0 : i >= length ? length - 1 : i;
	}
}
