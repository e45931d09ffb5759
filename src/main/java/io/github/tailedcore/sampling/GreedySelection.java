package io.github.tailedcore.sampling;

import io.github.tailedcore.Progress;
import io.github.tailedcore.linalg.FeatureMatrix;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * The loop that the brute-force greedy k-center samplers share, so that
 * they differ only in how a pass lowers δ²: start at the given index; each pass
 * lowers every point's squared distance to the coreset δ²(x) with its
 * distance to the last pick, then picks argmax w²(x) · δ²(x) (w = 1 unless
 * weights are given), the first index on ties.
 * <p>
 * A pass is split into fixed blocks of rows that run in parallel on the
 * common fork-join pool (or the pool of the calling fork-join task); each
 * block reports its first maximal row and the blocks are then scanned in
 * order, so the result does not depend on the number of threads. Progress
 * is {@code update(picks made, count)} after every pick; cancellation is
 * checked before each pass.
 * </p>
 */
final class GreedySelection {

	/** Lowers δ² of some rows with their squared distance to the last pick. */
	@FunctionalInterface
	interface Pass {

		/**
		 * Sets {@code minDistances[r]} to the smaller of itself and the
		 * reference's squared distance of row r to row {@code last}, for
		 * {@code first ≤ r < end}.
		 */
		void lower(int last, int first, int end, double[] minDistances);
	}

	private GreedySelection() {}

	/**
	 * @param pass makes the pass of the given points; called once, after the
	 *          arguments were checked and only if there is more than one pick
	 * @param squaredWeights w² of each row, or {@code null} for all 1
	 * @throws IllegalArgumentException if {@code count} is outside
	 *           [0, rows] or {@code start} is not a row
	 * @throws java.util.concurrent.CancellationException if canceled
	 */
	static int[] select(final FeatureMatrix points, final int count,
		final int start, final Progress progress, final int blockRows,
		final Function<FeatureMatrix, Pass> pass, final double[] squaredWeights)
	{
		checkArguments(points, count, start);
		if (count == 0) return new int[0];
		final int n = points.rows();
		final int[] picks = new int[count];
		picks[0] = start;
		progress.update(1, count);
		if (count == 1) return picks;
		final Pass lowering = pass.apply(points);
		final double[] minDistances = new double[n];
		Arrays.fill(minDistances, Double.POSITIVE_INFINITY);
		final int blocks = (n + blockRows - 1) / blockRows;
		final double[] blockMax = new double[blocks];
		final int[] blockArgmax = new int[blocks];
		for (int k = 1; k < count; k++) {
			progress.checkCanceled();
			final int last = picks[k - 1];
			IntStream.range(0, blocks).parallel().forEach(b -> {
				final int first = b * blockRows;
				final int end = Math.min(n, first + blockRows);
				lowering.lower(last, first, end, minDistances);
				double max = Double.NEGATIVE_INFINITY;
				int argmax = first;
				for (int r = first; r < end; r++) {
					final double key = squaredWeights == null ? minDistances[r]
						: squaredWeights[r] * minDistances[r];
					if (key > max) {
						max = key;
						argmax = r;
					}
				}
				blockMax[b] = max;
				blockArgmax[b] = argmax;
			});
			int best = 0;
			for (int b = 1; b < blocks; b++)
				if (blockMax[b] > blockMax[best]) best = b;
			picks[k] = blockArgmax[best];
			progress.update(k + 1, count);
		}
		return picks;
	}

	/**
	 * @throws IllegalArgumentException if {@code count} is outside
	 *           [0, rows] or {@code start} is not a row (unless
	 *           {@code count} is 0)
	 */
	static void checkArguments(final FeatureMatrix points, final int count,
		final int start)
	{
		checkArguments(points.rows(), count, start);
	}

	/** {@link #checkArguments(FeatureMatrix, int, int)} for n points. */
	static void checkArguments(final int n, final int count, final int start) {
		if (count < 0 || count > n) throw new IllegalArgumentException(
			"Cannot pick " + count + " coreset points from " + n + " points.");
		if (count > 0 && (start < 0 || start >= n))
			throw new IllegalArgumentException("The first coreset pick " + start +
				" is not one of the " + n + " points.");
	}

	/** Checks a block size. */
	static int blockRows(final int blockRows) {
		if (blockRows < 1) throw new IllegalArgumentException(
			"A block needs at least one row, got " + blockRows + ".");
		return blockRows;
	}
}
