package io.github.tailedcore.sampling;

import io.github.tailedcore.Progress;
import io.github.tailedcore.linalg.FeatureMatrix;
import io.github.tailedcore.linalg.SquaredDistance;


/**
 * Importance-weighted greedy k-center selection: like
 * {@link GreedyCoresetSampler}, but the next pick is argmax
 * w<sub>x</sub> · δ(x) instead of argmax δ(x), where w<sub>x</sub> &gt; 0 is
 * the point's importance weight (from
 * {@link io.github.tailedcore.importance.ImportanceWeights}) and δ(x) its
 * distance to the nearest pick so far. Points of heavily weighted images are
 * covered more tightly (within r / w of a pick, for the final radius r), so
 * the coreset keeps more of them.
 * <p>
 * The comparison is made on w² · δ², with δ² from the same
 * {@link SquaredDistance} as the reference: the same argmax as
 * w · δ, and with every weight 1 the products are exactly δ², so the picks
 * are the reference's, pick for pick (first index on ties, fixed blocks
 * reduced in order, repeats once all δ = 0). The weights belong to one point
 * set: a sampler is built for each pool it selects from. This is the
 * weighted reference; {@link TiledGreedyCoresetSampler#weighted} makes
 * the same picks faster.
 * </p>
 */
public final class WeightedGreedyCoresetSampler implements CoresetSampler {

	private final double[] squaredWeights;
	private final GreedyCoresetSampler unweighted;

	/**
	 * A sampler for points with the given weights, with the reference's
	 * block size.
	 *
	 * @param weights w<sub>x</sub> of each point, finite and &gt; 0
	 */
	public WeightedGreedyCoresetSampler(final double[] weights) {
		this(weights, GreedyCoresetSampler.DEFAULT_BLOCK_ROWS);
	}

	/** A sampler that splits each pass into blocks of {@code blockRows}. */
	WeightedGreedyCoresetSampler(final double[] weights, final int blockRows) {
		unweighted = new GreedyCoresetSampler(blockRows);
		squaredWeights = squares(weights);
	}

	/**
	 * w² of each point.
	 *
	 * @throws IllegalArgumentException if a weight is not positive and finite
	 */
	static double[] squares(final double[] weights) {
		final double[] squares = new double[weights.length];
		for (int i = 0; i < weights.length; i++) {
			if (!(weights[i] > 0 && weights[i] < Double.POSITIVE_INFINITY))
				throw new IllegalArgumentException("Point " + i +
					" has importance weight " + weights[i] +
					"; weights must be positive and finite.");
			squares[i] = weights[i] * weights[i];
		}
		return squares;
	}

	/**
	 * @throws IllegalArgumentException if the points are not the ones the
	 *           weights were given for
	 */
	static void checkRows(final FeatureMatrix points,
		final double[] squaredWeights)
	{
		if (points.rows() != squaredWeights.length)
			throw new IllegalArgumentException("The sampler has weights for " +
				squaredWeights.length + " points but got " + points.rows() + ".");
	}

	/**
	 * {@inheritDoc}
	 *
	 * @throws IllegalArgumentException if the points are not the ones the
	 *           weights were given for (row count), {@code count} is outside
	 *           [0, rows] or {@code start} is not a row
	 * @throws java.util.concurrent.CancellationException if canceled
	 */
	@Override
	public int[] select(final FeatureMatrix points, final int count,
		final int start, final Progress progress)
	{
		checkRows(points, squaredWeights);
		return GreedySelection.select(points, count, start, progress, unweighted
			.blockRows(), unweighted::pass, squaredWeights);
	}
}
