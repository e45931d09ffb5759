package io.github.tailedcore.scoring;

/**
 * Turns the h × w patch scores s into a pixel anomaly map on the square input
 * crop, as the official code's {@code RescaleSegmentor} does (spec §7):
 * <ol>
 * <li>bilinear upsampling to {@code mapSize × mapSize}, exactly like torch's
 * {@code F.interpolate(mode='bilinear', align_corners=False)};</li>
 * <li>a Gaussian blur of σ pixels, exactly like
 * {@code scipy.ndimage.gaussian_filter(σ)} with its defaults
 * ({@code mode='reflect'}, {@code truncate=4.0}).</li>
 * </ol>
 * Maps are row-major {@code float} arrays; arithmetic is done in
 * {@code double} and stored in {@code float} after each pass, so values agree
 * with the Python reference to float rounding.
 */
public final class AnomalyMapGenerator {

	/** scipy's default: the kernel reaches 4 σ to each side. */
	private static final double TRUNCATE = 4.0;

	private final int mapSize;
	private final double sigma;
	private final double[] kernel;

	/**
	 * @param mapSize side of the square map, the crop size (224 in the paper)
	 * @param sigma Gaussian σ in map pixels (4 in the paper); 0 means no
	 *          smoothing
	 */
	public AnomalyMapGenerator(final int mapSize, final double sigma) {
		if (mapSize < 1) throw new IllegalArgumentException(
			"An anomaly map needs a positive size, got " + mapSize + ".");
		this.mapSize = mapSize;
		this.sigma = sigma;
		this.kernel = gaussianKernel(sigma);
	}

	/** Side of the square map in pixels. */
	public int mapSize() {
		return mapSize;
	}

	/** The Gaussian σ in pixels. */
	public double sigma() {
		return sigma;
	}

	/**
	 * The anomaly map of one image.
	 *
	 * @param patchScores s, {@code height × width} values, row-major
	 * @return {@code mapSize × mapSize} values, row-major
	 */
	public float[] generate(final float[] patchScores, final int height,
		final int width)
	{
		final float[] map = upsampleBilinear(patchScores, height, width, mapSize,
			mapSize);
		return filter(map, mapSize, mapSize, kernel);
	}

	/**
	 * Bilinear resampling as torch's {@code align_corners=False}: output pixel
	 * {@code dst} reads the source at {@code (dst + 0.5) · in / out − 0.5},
	 * clamped at 0; the upper neighbour is clamped to the last source pixel.
	 *
	 * @param source {@code height × width} values, row-major
	 * @return {@code outHeight × outWidth} values, row-major
	 */
	public static float[] upsampleBilinear(final float[] source,
		final int height, final int width, final int outHeight,
		final int outWidth)
	{
		if (height < 1 || width < 1 || outHeight < 1 || outWidth < 1 ||
			source.length != height * width) throw new IllegalArgumentException(
				"Cannot resample " + source.length + " values as " + height + " × " +
					width + " to " + outHeight + " × " + outWidth + ".");
		final Taps rows = new Taps(height, outHeight);
		final Taps cols = new Taps(width, outWidth);
		final float[] out = new float[outHeight * outWidth];
		for (int y = 0; y < outHeight; y++) {
			final int top = rows.low[y] * width;
			final int bottom = rows.high[y] * width;
			final double wy = rows.weight[y];
			for (int x = 0; x < outWidth; x++) {
				final int left = cols.low[x];
				final int right = cols.high[x];
				final double wx = cols.weight[x];
				final double upper = (1 - wx) * source[top + left] + wx *
					source[top + right];
				final double lower = (1 - wx) * source[bottom + left] + wx *
					source[bottom + right];
				out[y * outWidth + x] = (float) ((1 - wy) * upper + wy * lower);
			}
		}
		return out;
	}

	/**
	 * scipy's {@code gaussian_filter(image, σ)} with {@code mode='reflect'}
	 * and {@code truncate=4.0}: a separable blur along rows (axis 0) and then
	 * columns (axis 1) with {@link #gaussianKernel(double)}.
	 *
	 * @param image {@code height × width} values, row-major (not changed)
	 * @return a new blurred image
	 */
	public static float[] gaussianFilter(final float[] image, final int height,
		final int width, final double sigma)
	{
		if (height < 1 || width < 1 || image.length != height * width)
			throw new IllegalArgumentException("Cannot filter " + image.length +
				" values as a " + height + " × " + width + " image.");
		return filter(image, height, width, gaussianKernel(sigma));
	}

	/**
	 * The normalised 1-D kernel exp(−x² / 2σ²) / Σ for x = −r … r, with radius
	 * r = ⌊4σ + 0.5⌋ (scipy's {@code _gaussian_kernel1d}); {1} for σ = 0.
	 *
	 * @throws IllegalArgumentException if σ is negative or not finite
	 */
	public static double[] gaussianKernel(final double sigma) {
		if (!(sigma >= 0) || Double.isInfinite(sigma))
			throw new IllegalArgumentException(
				"The Gaussian σ must be a finite number ≥ 0, got " + sigma + ".");
		final int radius = (int) (TRUNCATE * sigma + 0.5);
		final double[] k = new double[2 * radius + 1];
		if (radius == 0) {
			k[0] = 1;
			return k;
		}
		final double c = -0.5 / (sigma * sigma);
		double sum = 0;
		for (int x = -radius; x <= radius; x++) {
			k[x + radius] = Math.exp(c * (x * x));
			sum += k[x + radius];
		}
		for (int i = 0; i < k.length; i++)
			k[i] /= sum;
		return k;
	}

	/**
	 * scipy's 'reflect' (half-sample symmetric) extension, d c b a | a b c d |
	 * d c b a, repeated as often as needed: the index of the sample that
	 * position {@code i} reads in an axis of length {@code n}.
	 */
	static int reflect(final int i, final int n) {
		final int m = Math.floorMod(i, 2 * n);
		return m < n ? m : 2 * n - 1 - m;
	}

	private static float[] filter(final float[] image, final int height,
		final int width, final double[] kernel)
	{
		if (kernel.length == 1) return image.clone();
		final int radius = kernel.length / 2;
		// Axis 0 (down the columns), then axis 1 (along the rows), like scipy.
		final float[] once = new float[image.length];
		for (int y = 0; y < height; y++)
			for (int x = 0; x < width; x++) {
				double sum = 0;
				for (int k = -radius; k <= radius; k++)
					sum += kernel[k + radius] * image[reflect(y + k, height) * width + x];
				once[y * width + x] = (float) sum;
			}
		final float[] twice = new float[image.length];
		for (int y = 0; y < height; y++)
			for (int x = 0; x < width; x++) {
				double sum = 0;
				for (int k = -radius; k <= radius; k++)
					sum += kernel[k + radius] * once[y * width + reflect(x + k, width)];
				twice[y * width + x] = (float) sum;
			}
		return twice;
	}

	/** Source pixels and weight of each output pixel along one axis. */
	private static final class Taps {

		final int[] low;
		final int[] high;
		final double[] weight;

		Taps(final int in, final int out) {
			low = new int[out];
			high = new int[out];
			weight = new double[out];
			final double scale = (double) in / out;
			for (int dst = 0; dst < out; dst++) {
				final double src = Math.max(0, (dst + 0.5) * scale - 0.5);
				low[dst] = Math.min((int) src, in - 1);
				high[dst] = Math.min(low[dst] + 1, in - 1);
				weight[dst] = src - low[dst];
			}
		}
	}
}
