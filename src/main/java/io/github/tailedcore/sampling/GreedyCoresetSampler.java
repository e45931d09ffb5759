package io.github.tailedcore.sampling;

import io.github.tailedcore.Progress;
import io.github.tailedcore.linalg.FeatureMatrix;
import io.github.tailedcore.linalg.SquaredDistanceKernel;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Exact greedy k-center selection by brute force, PatchCore's coreset
 * S<sub>core</sub> as the official code computes it (spec §3,
 * {@code _brute_compute_greedy_coreset_indices}); the reference that every
 * faster {@link CoresetSampler} must match pick for pick.
 * <p>
 * Starting from the given index, each point's distance to the nearest pick
 * so far, δ(x) = min<sub>s∈S</sub> ‖x − s‖, starts at +∞ and is lowered with
 * the distance to the last pick; the next pick is argmax δ, the first index
 * on ties. Picks may repeat once every point is covered (all δ = 0, so
 * argmax is index 0), as in the official code.
 * </p>
 * <p>
 * δ is kept squared, as {@link SquaredDistance#between} computes it: the
 * square root is monotone, so the argmax is the same, except that two
 * squared distances differing only in their last bits could share one
 * rounded root; the squared values are the reference, and a faster sampler
 * must compare squared distances from the same function.
 * </p>
 * <p>
 * Each pick costs one pass over all N points, split into fixed blocks of
 * rows that run in parallel on the common fork-join pool (or the pool of
 * the calling fork-join task). Every block reports its own maximum and the
 * blocks are then scanned in order, so the result does not depend on the
 * number of threads. Points must be finite.
 * </p>
 */
public final class GreedyCoresetSampler implements CoresetSampler {

	/** Default rows per parallel block. */
	static final int DEFAULT_BLOCK_ROWS = 4096;

	private final int blockRows;
	private final SquaredDistanceKernel distance;

	/** A sampler with the default block size and the fastest distance kernel. */
	public GreedyCoresetSampler() {
		this(DEFAULT_BLOCK_ROWS, SquaredDistanceKernel.fastest());
	}

	/**
	 * The reference on the scalar distance loop, whatever the JVM offers (for
	 * benchmarks: the same picks, the speed of plain Java).
	 */
	public static GreedyCoresetSampler scalarReference() {
		return new GreedyCoresetSampler(DEFAULT_BLOCK_ROWS,
			SquaredDistanceKernel.SCALAR);
	}

	/**
	 * A sampler that splits each pass into blocks of {@code blockRows} and
	 * computes distances with {@code distance} (every kernel gives the same
	 * picks).
	 */
	GreedyCoresetSampler(final int blockRows,
		final SquaredDistanceKernel distance)
	{
		if (blockRows < 1) throw new IllegalArgumentException(
			"A block needs at least one row, got " + blockRows + ".");
		this.blockRows = blockRows;
		this.distance = distance;
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * Reports {@code progress.update(picks made, count)} after every pick and
	 * checks for cancellation before each pass.
	 * </p>
	 *
	 * @throws IllegalArgumentException if {@code count} is outside
	 *           [0, rows] or {@code start} is not a row
	 * @throws java.util.concurrent.CancellationException if canceled
	 */
	@Override
	public int[] select(final FeatureMatrix points, final int count,
		final int start, final Progress progress)
	{
		final int n = points.rows();
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
	 * Lowers δ of the rows in block {@code b} with their squared distance to
	 * {@code last} and records the block's first maximal row.
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
			if (minDistances[r] > max) {
				max = minDistances[r];
				argmax = r;
			}
		}
		blockMax[b] = max;
		blockArgmax[b] = argmax;
	}
}
