package io.github.tailedcore.image;

import java.util.Arrays;

/**
 * Bilinear resizing exactly as PIL's {@code Image.resize(size, BILINEAR)}
 * computes it, which is what torchvision's {@code Resize(256)} calls on the
 * PIL images of the official code (spec §2).
 * <p>
 * PIL antialiases: when shrinking by a factor {@code s > 1} it stretches the
 * triangle filter to a support of {@code s} input pixels, so every input
 * pixel contributes. Output pixel {@code o} along an axis of input length
 * {@code n} and output length {@code m} is a normalised weighted sum over
 * input pixels {@code [max(0, (int)(c − r + ½)), min(n, (int)(c + r + ½)))}
 * with centre {@code c = (o + ½)·n/m}, support {@code r = max(n/m, 1)} and
 * weights {@code tri((x − c + ½) / max(n/m, 1))}, {@code tri(t) = max(0,
 * 1 − |t|)}. The horizontal pass runs first, then the vertical one.
 * </p>
 * <p>
 * Images whose values are all whole numbers in 0–255 (anything read from an
 * 8-bit file) go through PIL's 8-bit arithmetic: weights in 22-bit fixed
 * point and each pass rounded and clipped to 0–255, so that the result is
 * bit-identical to PIL's. Other images (16- or 32-bit sources) use PIL's
 * float-image arithmetic: double weights, no rounding.
 * </p>
 */
public final class AntialiasedResize {

	/** PIL's fixed-point precision for 8-bit images, 32 − 8 − 2 bits. */
	private static final int PRECISION_BITS = 22;

	private AntialiasedResize() {}

	/**
	 * Resizes so that the shorter side becomes {@code shorter} pixels and the
	 * longer side {@code (int)(shorter · long / short)}, as torchvision's
	 * {@code Resize(int)} does.
	 */
	public static RasterImage toShorterSide(final RasterImage image,
		final int shorter)
	{
		if (shorter < 1) throw new IllegalArgumentException(
			"The shorter side must be at least 1 pixel, got " + shorter + ".");
		final int w = image.width();
		final int h = image.height();
		final int longer = (int) ((double) shorter * Math.max(w, h) / Math.min(w,
			h));
		return w <= h ? resize(image, shorter, longer) : resize(image, longer,
			shorter);
	}

	/** Resizes every channel to {@code width × height} pixels. */
	public static RasterImage resize(final RasterImage image, final int width,
		final int height)
	{
		if (width < 1 || height < 1) throw new IllegalArgumentException(
			"Cannot resize an image to " + width + " × " + height + " pixels.");
		final boolean eightBit = holdsEightBitValues(image);
		final float[][] out = new float[image.channels()][];
		for (int c = 0; c < out.length; c++) {
			float[] plane = image.plane(c);
			int w = image.width();
			final int h = image.height();
			if (width != w) {
				plane = resizeRows(plane, w, h, width, eightBit);
				w = width;
			}
			if (height != h) plane = resizeColumns(plane, w, h, height, eightBit);
			out[c] = plane == image.plane(c) ? plane.clone() : plane;
		}
		return new RasterImage(width, height, out);
	}

	/**
	 * The normalised PIL bilinear weights for resizing an axis of {@code in}
	 * pixels to {@code out}: row {@code o} holds the weights of input pixels
	 * {@code first[o] ..} (length of the row), exposed for tests.
	 */
	static double[][] weights(final int in, final int out, final int[] first) {
		final double scale = (double) in / out;
		final double filterScale = Math.max(scale, 1);
		final double support = filterScale;
		final double[][] rows = new double[out][];
		for (int o = 0; o < out; o++) {
			final double centre = (o + 0.5) * scale;
			final int xmin = Math.max((int) (centre - support + 0.5), 0);
			final int xmax = Math.min((int) (centre + support + 0.5), in);
			final double[] k = new double[xmax - xmin];
			double sum = 0;
			for (int x = 0; x < k.length; x++) {
				k[x] = triangle((x + xmin - centre + 0.5) / filterScale);
				sum += k[x];
			}
			if (sum != 0) for (int x = 0; x < k.length; x++)
				k[x] /= sum;
			first[o] = xmin;
			rows[o] = k;
		}
		return rows;
	}

	private static double triangle(final double t) {
		final double a = Math.abs(t);
		return a < 1 ? 1 - a : 0;
	}

	/** Resizes each of {@code h} rows of length {@code w} to {@code outW}. */
	private static float[] resizeRows(final float[] in, final int w,
		final int h, final int outW, final boolean eightBit)
	{
		final int[] first = new int[outW];
		final double[][] k = weights(w, outW, first);
		final int[][] fixed = eightBit ? toFixedPoint(k) : null;
		final float[] out = new float[outW * h];
		for (int y = 0; y < h; y++)
			for (int o = 0; o < outW; o++) {
				final int base = y * w + first[o];
				if (eightBit) {
					int ss = 1 << (PRECISION_BITS - 1);
					for (int x = 0; x < fixed[o].length; x++)
						ss += (int) in[base + x] * fixed[o][x];
					out[y * outW + o] = clip8(ss);
				}
				else {
					double ss = 0;
					for (int x = 0; x < k[o].length; x++)
						ss += in[base + x] * k[o][x];
					out[y * outW + o] = (float) ss;
				}
			}
		return out;
	}

	/**
	 * Resizes each of {@code w} columns of length {@code h} to {@code outH},
	 * adding whole input rows so that memory is read in order.
	 */
	private static float[] resizeColumns(final float[] in, final int w,
		final int h, final int outH, final boolean eightBit)
	{
		final int[] first = new int[outH];
		final double[][] k = weights(h, outH, first);
		final int[][] fixed = eightBit ? toFixedPoint(k) : null;
		final float[] out = new float[w * outH];
		final int[] fixedSum = new int[w];
		final double[] sum = new double[w];
		for (int o = 0; o < outH; o++) {
			if (eightBit) {
				Arrays.fill(fixedSum, 1 << (PRECISION_BITS - 1));
				for (int t = 0; t < fixed[o].length; t++) {
					final int row = (first[o] + t) * w;
					final int weight = fixed[o][t];
					for (int x = 0; x < w; x++)
						fixedSum[x] += (int) in[row + x] * weight;
				}
				for (int x = 0; x < w; x++)
					out[o * w + x] = clip8(fixedSum[x]);
			}
			else {
				Arrays.fill(sum, 0);
				for (int t = 0; t < k[o].length; t++) {
					final int row = (first[o] + t) * w;
					final double weight = k[o][t];
					for (int x = 0; x < w; x++)
						sum[x] += in[row + x] * weight;
				}
				for (int x = 0; x < w; x++)
					out[o * w + x] = (float) sum[x];
			}
		}
		return out;
	}

	/** PIL's {@code normalize_coeffs_8bpc}: round half away from zero. */
	private static int[][] toFixedPoint(final double[][] k) {
		final int[][] fixed = new int[k.length][];
		for (int o = 0; o < k.length; o++) {
			fixed[o] = new int[k[o].length];
			for (int x = 0; x < k[o].length; x++) {
				final double v = k[o][x] * (1 << PRECISION_BITS);
				fixed[o][x] = (int) (v < 0 ? v - 0.5 : v + 0.5);
			}
		}
		return fixed;
	}

	private static int clip8(final int ss) {
		if (ss <= 0) return 0;
		return Math.min(ss >> PRECISION_BITS, 255);
	}

	/** Whether every value is a whole number in 0–255. */
	static boolean holdsEightBitValues(final RasterImage image) {
		for (int c = 0; c < image.channels(); c++)
			for (final float v : image.plane(c))
				if (!(v >= 0 && v <= 255 && v == Math.rint(v))) return false;
		return true;
	}
}
