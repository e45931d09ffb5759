package io.github.tailedcore.sampling;

import io.github.tailedcore.Progress;
import io.github.tailedcore.linalg.FeatureMatrix;
import io.github.tailedcore.linalg.SquaredDistance;

import java.util.Arrays;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

/**
 * Exact greedy k-center selection at the speed of a matrix product: the
 * picks of {@link GreedyCoresetSampler}, pick for pick, with nearly every
 * exact distance replaced by a proof from a float dot product that it
 * cannot matter, and the dot products computed many picks at a time.
 * <p>
 * The reference lowers δ²(x), each point's squared distance to the
 * coreset, with d²(x, c) for every new pick c, then picks argmax δ² (first
 * index on ties). d²(x, c) = ‖x‖² + ‖c‖² − 2 x · c only matters if it is
 * below δ²(x). The dot product s = x · c, accumulated in {@code float} over
 * d dimensions, is off by at most γ<sub>d</sub> ‖x‖ ‖c‖ with
 * γ<sub>d</sub> = d u / (1 − d u) and u = 2⁻²⁴, so with the slack
 * σ ≥ γ<sub>d</sub> + 4u (10⁻⁵ for d = 128) the test
 * </p>
 * <pre>
 * 2 s &lt; L_x + L_c,  L_x = (1 − σ) ‖x‖² − δ²(x) (1 + 10⁻⁴),  L_c = (1 − σ) ‖c‖²
 * </pre>
 * <p>
 * (both limits rounded down, the sum rounded once) proves d²(x, c) &gt;
 * δ²(x) (1 + 10⁻⁴)(1 − u), beyond the float rounding of the reference's
 * own distance, so the reference would not lower δ²(x). On projected CNN
 * patch features ‖x‖² is of the order of δ², so the test leaves only near
 * ties (d² within about 10⁻⁴ of δ²) to the exact distance.
 * </p>
 * <p>
 * <b>Tiles.</b> The points are held in blocks of 16 (32 with AVX-512),
 * dimension-major ({@link PointBlocks}), and {@link TileKernel} tests a
 * block against six picks at once: twelve fused multiply-adds per two
 * loads, most of the CPU's arithmetic peak. <b>Late passes.</b> δ² only
 * decreases, so a block that has not yet been lowered with the latest
 * picks keeps its old maximum as an upper bound;
 * blocks wait in a {@link BlockHeap} and are brought up to date (with all
 * the picks they missed, six at a time) only while they could hold the
 * argmax. Every δ² kept is the reference's value from
 * {@link SquaredDistance}, so the picks are identical; with
 * importance weights ({@link #weighted}) the argmax is that of w² · δ².
 * </p>
 * <p>
 * Blocks are brought up to date in parallel on the common fork-join pool;
 * the result does not depend on the thread count. Memory: 4 d + 20 bytes
 * per point (its values in blocks, δ², its limit and norm) and 4 d + 4 per
 * pick.
 * </p>
 */
public final class TiledGreedyCoresetSampler implements CoresetSampler {

	/** The relative margin on δ², far above the rounding of its value. */
	static final double MARGIN = 1e-4;

	/**
	 * Blocks brought up to date at once at first for a pick; each further
	 * round for the same pick takes twice as many, up to
	 * {@value #MAX_BATCH}.
	 */
	private static final int FIRST_BATCH = 4;
	private static final int MAX_BATCH = 1024;

	private final TileKernel kernel;
	/** w² of each point, or {@code null} for all 1. */
	private final double[] squaredWeights;

	/** A sampler with the fastest kernel. */
	public TiledGreedyCoresetSampler() {
		this(TileKernel.fastest(), null);
	}

	/**
	 * The picks of {@link WeightedGreedyCoresetSampler} for these weights
	 * (argmax w²(x) · δ²(x), which only decreases too), with the fastest
	 * kernel.
	 *
	 * @param weights w<sub>x</sub> of each point, finite and &gt; 0
	 */
	public static TiledGreedyCoresetSampler weighted(final double[] weights) {
		return new TiledGreedyCoresetSampler(TileKernel.fastest(),
			WeightedGreedyCoresetSampler.squares(weights));
	}

	/** A sampler with the given kernel (every kernel gives the same picks). */
	TiledGreedyCoresetSampler(final TileKernel kernel,
		final double[] squaredWeights)
	{
		this.kernel = kernel;
		this.squaredWeights = squaredWeights;
	}

	/**
	 * The slack σ for d dimensions: at least γ<sub>d</sub> + 4u, and 10⁻⁵ for
	 * d ≤ 160.
	 */
	static double slack(final int dims) {
		return Math.max(1e-5, 1.25 * (dims + 4) * Math.ulp(1f) / 2);
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
		return select(points, null, count, start, progress);
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * The rows are copied straight into the sampler's blocks, never into a
	 * matrix of their own.
	 * </p>
	 */
	@Override
	public int[] select(final FeatureMatrix points, final long[] rows,
		final int count, final int start, final Progress progress)
	{
		final int n = rows == null ? points.rows() : rows.length;
		if (squaredWeights != null && squaredWeights.length != n)
			throw new IllegalArgumentException("The sampler has weights for " +
				squaredWeights.length + " points but got " + n + ".");
		GreedySelection.checkArguments(n, count, start);
		if (count == 0) return new int[0];
		final int[] picks = new int[count];
		picks[0] = start;
		progress.update(1, count);
		if (count > 1) selection(PointBlocks.of(points, rows, kernel.width()),
			picks, progress);
		return picks;
	}

	/**
	 * Makes {@code picks[1..]} from {@code picks[0]} and returns the
	 * selection, whose work counts the tests read to see that the pruning
	 * skipped work.
	 */
	Selection selection(final PointBlocks points, final int[] picks,
		final Progress progress)
	{
		final Selection selection = new Selection(points, picks);
		selection.run(progress);
		return selection;
	}

	/** The state of one selection. */
	final class Selection {

		private final PointBlocks points;
		private final int[] picks;
		private final int width;
		private final int dims;
		private final double slack;
		/** The values of each pick made so far, d per pick. */
		private final float[] pickValues;
		/** L<sub>c</sub> of each pick made so far. */
		private final float[] pickLimits;
		/** δ² of every point, lowered with the first applied[b] picks. */
		private final double[] minDistances;
		/** L<sub>x</sub> of every point; +∞ for the padding. */
		private final float[] limits;
		/** Per block: how many picks have lowered its δ². */
		private final int[] applied;
		/** Per block: its largest w² · δ² (an upper bound while it is behind). */
		private final double[] blockMax;
		/** Per block: the first point with w² · δ² = blockMax. */
		private final int[] blockArgmax;
		/** The blocks, by blockMax; made after the first pass. */
		private BlockHeap heap;
		/** Scratch: the blocks to bring up to date. */
		private final int[] behind;
		/** Per block: the exact distances computed (pairs the tiles left undecided). */
		private final long[] exact;

		Selection(final PointBlocks points, final int[] picks) {
			this.points = points;
			this.picks = picks;
			width = points.width();
			dims = points.dims();
			slack = slack(dims);
			pickValues = new float[Math.multiplyExact(picks.length, dims)];
			pickLimits = new float[picks.length];
			minDistances = new double[points.rows()];
			Arrays.fill(minDistances, Double.POSITIVE_INFINITY);
			limits = new float[points.blockCount() * width];
			Arrays.fill(limits, 0, points.rows(), Float.NEGATIVE_INFINITY);
			Arrays.fill(limits, points.rows(), limits.length,
				Float.POSITIVE_INFINITY);
			applied = new int[points.blockCount()];
			blockMax = new double[applied.length];
			blockArgmax = new int[applied.length];
			behind = new int[MAX_BATCH];
			exact = new long[applied.length];
		}

		/** Exact distances computed: the point–pick pairs the tiles left undecided. */
		long exactDistances() {
			return LongStream.of(exact).sum();
		}

		/**
		 * Picks applied to blocks, summed over the blocks: (blocks) · (picks −
		 * 1) if every block were brought up to date with every pick.
		 */
		long blockUpdates() {
			return IntStream.of(applied).asLongStream().sum();
		}

		void run(final Progress progress) {
			for (int k = 1; k < picks.length; k++) {
				progress.checkCanceled();
				final int c = picks[k - 1];
				points.copy(c, pickValues, (k - 1) * dims);
				pickLimits[k - 1] = roundDown((1 - slack) * points.squaredNorm(c));
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
			if (made == 1) {
				IntStream.range(0, applied.length).parallel().forEach(b -> catchUp(b,
					1));
				heap = new BlockHeap(blockMax);
				return heap.peek();
			}
			int batch = FIRST_BATCH;
			while (applied[heap.peek()] < made) {
				int count = 0;
				while (count < batch && !heap.isEmpty() && applied[heap.peek()] < made)
					behind[count++] = heap.pop();
				final int n = count;
				if (n == 1) catchUp(behind[0], made);
				else IntStream.range(0, n).parallel().forEach(i -> catchUp(behind[i],
					made));
				for (int i = 0; i < n; i++)
					heap.push(behind[i]);
				batch = Math.min(2 * batch, MAX_BATCH);
			}
			return heap.peek();
		}

		/** Lowers δ² of block b with the picks it missed, then its max. */
		private void catchUp(final int b, final int made) {
			final int first = b * width;
			final int end = Math.min(points.rows(), first + width);
			final long[] masks = new long[TileKernel.MAX_PICKS];
			float[] row = null;
			long lowered = 0;
			for (int p = applied[b]; p < made; p += TileKernel.MAX_PICKS) {
				final int count = Math.min(TileKernel.MAX_PICKS, made - p);
				kernel.undecided(points, first, pickValues, p, count, pickLimits,
					limits, masks);
				for (int j = 0; j < count; j++)
					for (long undecided = masks[j]; undecided != 0; undecided &=
						undecided - 1)
					{
						if (row == null) row = new float[dims];
						lower(first + Long.numberOfTrailingZeros(undecided), p + j, row);
						lowered++;
					}
			}
			exact[b] += lowered;
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

		/**
		 * Lowers δ² of point r with its exact distance to pick p, computed as
		 * the reference does; {@code row} is scratch for r's values.
		 */
		private void lower(final int r, final int p, final float[] row) {
			points.copy(r, row, 0);
			final double d = SquaredDistance.between(row, 0, pickValues, p * dims,
				dims);
			if (d < minDistances[r]) {
				minDistances[r] = d;
				limits[r] = roundDown((1 - slack) * points.squaredNorm(r) - d * (1 +
					MARGIN));
			}
		}
	}

	/** The largest float ≤ v. */
	private static float roundDown(final double v) {
		final float f = (float) v;
		return f > v ? Math.nextDown(f) : f;
	}
}
