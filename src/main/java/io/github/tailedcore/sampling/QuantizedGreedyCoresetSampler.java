package io.github.tailedcore.sampling;

import io.github.tailedcore.Progress;
import io.github.tailedcore.linalg.CodeBoundKernel;
import io.github.tailedcore.linalg.FeatureMatrix;
import io.github.tailedcore.linalg.QuantizedMatrix;
import io.github.tailedcore.linalg.SquaredDistanceKernel;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Exact greedy k-center selection that touches a small part of the points
 * per pick: the picks of {@link GreedyCoresetSampler}, pick for pick, with
 * most of its work proven unnecessary or put off until it matters.
 * <p>
 * The reference lowers δ²(x), each point's squared distance to the coreset,
 * with d²(x, c) to every new pick c, then picks argmax δ² (first index on
 * ties). This sampler does two things less:
 * </p>
 * <ol>
 * <li><b>Bounds instead of distances.</b> d²(x, c) only matters if it is
 * below δ²(x). A 7-bit copy of the points ({@link QuantizedMatrix}) proves
 * d²(x, c) &gt; δ²(x) · (1 + 10⁻⁴) for most rows from one integer dot
 * product of codes, computed for a block of rows in the lanes of one vector
 * ({@link CodeBoundKernel}); for those the exact d² is skipped (the factor
 * covers the float rounding of the exact distance). On real CNN patch
 * features the exact distance is left for 0.5–4 % of the rows.</li>
 * <li><b>Late passes.</b> δ² only decreases, so a block of rows that has
 * not yet been lowered with the latest picks still knows an upper bound of
 * its largest δ²: the largest it had. The blocks wait in a max-heap by that
 * value ({@link BlockHeap}); the argmax needs exact values only where a
 * block's bound could beat the best exact value, so blocks are taken from
 * the top (4 at a time, then 8, 16, … for the same pick), brought up to
 * date with all the picks they missed (in any order, since δ² is a minimum)
 * and put back, until the top block is up to date: it holds the argmax.
 * After the reference's first pass over everything, a pick brings up to
 * date a few dozen blocks of 16 rows; each then catches up with hundreds
 * of picks at once while its codes stay in the L1 cache. Blocks that never
 * come near the top again are never updated: on CNN patch features
 * (N = 1M) that saves half of the block-pick pairs of the first 300 picks,
 * a third of the first 1,000, and about 15 % later on.</li>
 * </ol>
 * <p>
 * Every δ² the sampler keeps is the reference's own value from the same
 * {@link SquaredDistanceKernel}, and a block whose bound is below the best
 * value (or equal to it, with a larger index) cannot hold the reference's
 * argmax, so the picks are identical. Blocks are brought up to date in
 * parallel on the common fork-join pool; the result does not depend on the
 * thread count. With importance weights ({@link #weighted}) the argmax is
 * that of w² · δ², as {@link WeightedGreedyCoresetSampler} makes it.
 * Extra memory: N · (d + 32) bytes for δ², the codes and
 * the row quantities, and about 2d + 64 bytes per pick. Worth it with
 * the Vector API kernel; without it the scalar dot products cost about
 * what they save.
 * </p>
 */
public final class QuantizedGreedyCoresetSampler implements CoresetSampler {

	/**
	 * The relative margin on δ²: far above the float rounding of
	 * {@link io.github.tailedcore.linalg.SquaredDistance} (about 10⁻⁷).
	 */
	static final double MARGIN = 1e-4;

	/**
	 * Blocks brought up to date at once at first for a pick; each further
	 * round for the same pick takes twice as many, up to
	 * {@value #MAX_BATCH}.
	 */
	private static final int FIRST_BATCH = 4;
	private static final int MAX_BATCH = 1024;

	private final SquaredDistanceKernel distance;
	private final CodeBoundKernel bounds;
	/** w² of each point, or {@code null} for all 1. */
	private final double[] squaredWeights;

	/** A sampler with the fastest kernels. */
	public QuantizedGreedyCoresetSampler() {
		this(SquaredDistanceKernel.fastest(), CodeBoundKernel.fastest(), null);
	}

	/**
	 * The picks of {@link WeightedGreedyCoresetSampler} for these weights
	 * (argmax w²(x) · δ²(x); w² · δ² only decreases too, so a block's old
	 * maximum stays a bound), with the fastest kernels.
	 *
	 * @param weights w<sub>x</sub> of each point, finite and &gt; 0
	 */
	public static QuantizedGreedyCoresetSampler weighted(final double[] weights) {
		return new QuantizedGreedyCoresetSampler(SquaredDistanceKernel.fastest(),
			CodeBoundKernel.fastest(), WeightedGreedyCoresetSampler.squares(
				weights));
	}

	/** A sampler with the given kernels (all give the same picks). */
	QuantizedGreedyCoresetSampler(final SquaredDistanceKernel distance,
		final CodeBoundKernel bounds, final double[] squaredWeights)
	{
		this.distance = distance;
		this.bounds = bounds;
		this.squaredWeights = squaredWeights;
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * Reports {@code progress.update(picks made, count)} after every pick and
	 * checks for cancellation before each.
	 * </p>
	 *
	 * @throws IllegalArgumentException if {@code count} is outside
	 *           [0, rows], {@code start} is not a row, or the sampler has
	 *           weights for another number of points
	 * @throws java.util.concurrent.CancellationException if canceled
	 */
	@Override
	public int[] select(final FeatureMatrix points, final int count,
		final int start, final Progress progress)
	{
		if (squaredWeights != null) WeightedGreedyCoresetSampler.checkRows(points,
			squaredWeights);
		GreedySelection.checkArguments(points, count, start);
		if (count == 0) return new int[0];
		final int[] picks = new int[count];
		picks[0] = start;
		progress.update(1, count);
		if (count > 1) new Selection(points, picks).run(progress);
		return picks;
	}

	/** The state of one selection. */
	private final class Selection {

		private final FeatureMatrix points;
		private final int[] picks;
		private final QuantizedMatrix codes;
		private final int width;
		/** The test's quantities of each pick made so far. */
		private final QuantizedMatrix.BoundsTo[] pickBounds;
		/** δ² of every row, lowered with the first applied[b] picks. */
		private final double[] minDistances;
		/** L(δ² · (1 + margin)) of every row. */
		private final float[] limits;
		/** Per block: how many picks have lowered its δ². */
		private final int[] applied;
		/**
		 * Per block: its largest w² · δ² (an upper bound while it is behind).
		 */
		private final double[] blockMax;
		/** Per block: the first row with w² · δ² = blockMax. */
		private final int[] blockArgmax;
		/** The blocks, by blockMax; made after the first pass. */
		private BlockHeap heap;
		/** Scratch: the blocks to bring up to date. */
		private final int[] behind;

		Selection(final FeatureMatrix points, final int[] picks) {
			this.points = points;
			this.picks = picks;
			width = bounds.width();
			codes = QuantizedMatrix.of(points, width);
			pickBounds = new QuantizedMatrix.BoundsTo[picks.length];
			minDistances = new double[points.rows()];
			Arrays.fill(minDistances, Double.POSITIVE_INFINITY);
			limits = codes.rowLimits();
			final int blocks = (points.rows() + width - 1) / width;
			applied = new int[blocks];
			blockMax = new double[blocks];
			blockArgmax = new int[blocks];
			behind = new int[MAX_BATCH];
		}

		void run(final Progress progress) {
			for (int k = 1; k < picks.length; k++) {
				progress.checkCanceled();
				pickBounds[k - 1] = codes.boundsTo(picks[k - 1]);
				picks[k] = blockArgmax[bestBlock(k)];
				progress.update(k + 1, picks.length);
			}
		}

		/**
		 * The block of the reference's argmax after {@code made} picks: brings
		 * up to date the blocks that could hold it, largest bound first, until
		 * no block behind can beat the best exact one.
		 */
		private int bestBlock(final int made) {
			if (made == 1) return firstPass();
			int batch = FIRST_BATCH;
			while (applied[heap.peek()] < made) {
				int count = 0;
				while (count < batch && !heap.isEmpty() && applied[heap.peek()] < made)
					behind[count++] = heap.pop();
				final int n = count;
				IntStream.range(0, n).parallel().forEach(i -> catchUp(behind[i],
					made));
				for (int i = 0; i < n; i++)
					heap.push(behind[i]);
				batch = Math.min(2 * batch, MAX_BATCH);
			}
			return heap.peek();
		}

		/**
		 * The reference's first pass: every block is lowered with the start
		 * point, then ordered by its exact maximum.
		 */
		private int firstPass() {
			IntStream.range(0, applied.length).parallel().forEach(b -> catchUp(b,
				1));
			heap = new BlockHeap(blockMax);
			return heap.peek();
		}

		/** Lowers δ² of block b with the picks it missed, then its max. */
		private void catchUp(final int b, final int made) {
			final int first = b * width;
			final int end = Math.min(points.rows(), first + width);
			final int dims = points.cols();
			final float[] data = points.data();
			for (int p = applied[b]; p < made; p++) {
				final int pickOffset = points.offset(picks[p]);
				for (long undecided = bounds.undecided(pickBounds[p], first,
					limits); undecided != 0; undecided &= undecided - 1)
				{
					final int r = first + Long.numberOfTrailingZeros(undecided);
					final double d = distance.between(data, r * dims, data, pickOffset,
						dims);
					if (d < minDistances[r]) {
						minDistances[r] = d;
						limits[r] = codes.rowLimit(r, d * (1 + MARGIN));
					}
				}
			}
			applied[b] = made;
			double max = Double.NEGATIVE_INFINITY;
			for (int r = first; r < end; r++) {
				final double key = squaredWeights == null ? minDistances[r]
					: squaredWeights[r] * minDistances[r];
				if (key > max) {
					max = key;
					blockArgmax[b] = r;
				}
			}
			blockMax[b] = max;
		}
	}
}
