package io.github.tailedcore.sampling;

import io.github.tailedcore.Progress;
import io.github.tailedcore.linalg.FeatureMatrix;
import io.github.tailedcore.linalg.SquaredDistanceKernel;

import java.util.Arrays;
import java.util.stream.IntStream;

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
 * {@link SquaredDistanceKernel} as the reference: the same argmax as
 * w · δ, and with every weight 1 the products are exactly δ², so the picks
 * are the reference's, pick for pick (first index on ties, fixed blocks
 * reduced in order, repeats once all δ = 0). The weights belong to one point
 * set: a sampler is built for each pool it selects from.
 * </p>
 */
public final class WeightedGreedyCoresetSampler implements CoresetSampler {

	private final double[] squaredWeights;
	private final int blockRows;
	private final SquaredDistanceKernel distance;

	/**
	 * A sampler for points with the given weights, with the reference's
	 * block size and the fastest distance kernel.
	 *
	 * @param weights w<sub>x</sub> of each point, finite and &gt; 0
	 */
	public WeightedGreedyCoresetSampler(final double[] weights) {
		this(weights, GreedyCoresetSampler.DEFAULT_BLOCK_ROWS,
			SquaredDistanceKernel.fastest());
	}

	/** A sampler that splits each pass into blocks of {@code blockRows}. */
	WeightedGreedyCoresetSampler(final double[] weights, final int blockRows,
		final SquaredDistanceKernel distance)
	{
		if (blockRows < 1) throw new IllegalArgumentException(
			"A block needs at least one row, got " + blockRows + ".");
		squaredWeights = new double[weights.length];
		for (int i = 0; i < weights.length; i++) {
			if (!(weights[i] > 0 && weights[i] < Double.POSITIVE_INFINITY))
				throw new IllegalArgumentException("Point " + i +
					" has importance weight " + weights[i] +
					"; weights must be positive and finite.");
			squaredWeights[i] = weights[i] * weights[i];
		}
		this.blockRows = blockRows;
		this.distance = distance;
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
		final int n = points.rows();
		if (n != squaredWeights.length) throw new IllegalArgumentException(
			"The sampler has weights for " + squaredWeights.length +
				" points but got " + n + ".");
		if (count < 0 || count > n) throw new IllegalArgumentException(
			"Cannot pick " + count + " coreset points from " + n + " points.");
		if (count == 0) return new int[0];
		if (start < 0 || start >= n) throw new IllegalArgumentException(
			"The first coreset pick " + start + " is not one of the " + n +
				" points.");
		final int[] picks = new int[count];
		picks[0] = start;
		progress.update(1, count);
		final double[] minDistances = new double[n];
		Arrays.fill(minDistances, Double.POSITIVE_INFINITY);
		final int blocks = (n + blockRows - 1) / blockRows;
		final double[] blockMax = new double[blocks];
		final int[] blockArgmax = new int[blocks];
		for (int k = 1; k < count; k++) {
			progress.checkCanceled();
			final int last = picks[k - 1];
			IntStream.range(0, blocks).parallel().forEach(b -> updateBlock(points,
				last, minDistances, b, blockMax, blockArgmax));
			int best = 0;
			for (int b = 1; b < blocks; b++)
				if (blockMax[b] > blockMax[best]) best = b;
			picks[k] = blockArgmax[best];
			progress.update(k + 1, count);
		}
		return picks;
	}

	/**
	 * Lowers δ² of the rows in block {@code b} with their squared distance to
	 * {@code last} and records the block's first row of maximal w² · δ².
	 */
	private void updateBlock(final FeatureMatrix points, final int last,
		final double[] minDistances, final int b, final double[] blockMax,
		final int[] blockArgmax)
	{
		final float[] data = points.data();
		final int dims = points.cols();
		final int lastOffset = points.offset(last);
		final int first = b * blockRows;
		final int end = Math.min(points.rows(), first + blockRows);
		double max = Double.NEGATIVE_INFINITY;
		int argmax = first;
		for (int r = first; r < end; r++) {
			final double d = distance.between(data, r * dims, data, lastOffset,
				dims);
			if (d < minDistances[r]) minDistances[r] = d;
			final double key = squaredWeights[r] * minDistances[r];
			if (key > max) {
				max = key;
				argmax = r;
			}
		}
		blockMax[b] = max;
		blockArgmax[b] = argmax;
	}
}
