package io.github.tailedcore.benchmark.speed;

import io.github.tailedcore.linalg.FeatureMatrix;

import java.util.SplittableRandom;

/**
 * Point sets of a given size made from real projected patch features, for
 * timing the coreset where the data set has fewer patches than wanted: the
 * first copy is the real features, every further copy of a row gets seeded
 * Gaussian jitter of 1 % of the features' RMS per coordinate, so that no two
 * rows coincide. Callers must say so when they report on tiled sets.
 */
public final class CoresetPoints {

	private static final double JITTER = 0.01;

	private CoresetPoints() {}

	/**
	 * {@code rows} rows: the first rows of {@code real} if it has enough,
	 * otherwise {@code real} tiled with jitter.
	 */
	public static FeatureMatrix of(final FeatureMatrix real, final int rows,
		final long seed)
	{
		final int dims = real.cols();
		final float[] src = real.data();
		final float[] out = new float[Math.multiplyExact(rows, dims)];
		double squares = 0;
		for (final float v : src)
			squares += (double) v * v;
		final double sigma = JITTER * Math.sqrt(squares / src.length);
		final SplittableRandom random = new SplittableRandom(seed);
		for (int r = 0; r < rows; r++) {
			final int from = (r % real.rows()) * dims;
			final boolean copy = r >= real.rows();
			for (int d = 0; d < dims; d++)
				out[r * dims + d] = copy ? (float) (src[from + d] + sigma * gaussian(
					random)) : src[from + d];
		}
		return new FeatureMatrix(rows, dims, out);
	}

	/** Whether {@link #of} tiles for this size. */
	public static boolean tiled(final FeatureMatrix real, final int rows) {
		return rows > real.rows();
	}

	/** A standard normal value (Box–Muller). */
	private static double gaussian(final SplittableRandom random) {
		return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 *
			Math.PI * random.nextDouble());
	}
}
