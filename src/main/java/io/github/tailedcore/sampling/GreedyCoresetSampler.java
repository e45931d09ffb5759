package io.github.tailedcore.sampling;

import io.github.tailedcore.Progress;
import io.github.tailedcore.linalg.FeatureMatrix;
import io.github.tailedcore.linalg.SquaredDistance;

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
 * Each pick costs one pass over all N points, in parallel blocks whose
 * order fixes the result ({@link GreedySelection}). Points must be finite.
 * </p>
 */
public final class GreedyCoresetSampler implements CoresetSampler {

	/** Default rows per parallel block. */
	static final int DEFAULT_BLOCK_ROWS = 4096;

	private final int blockRows;

	/** A sampler with the default block size. */
	public GreedyCoresetSampler() {
		this(DEFAULT_BLOCK_ROWS);
	}

	/**
	 * A sampler that splits each pass into blocks of {@code blockRows} (every
	 * block size gives the same picks).
	 */
	GreedyCoresetSampler(final int blockRows) {
		this.blockRows = GreedySelection.blockRows(blockRows);
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
		return GreedySelection.select(points, count, start, progress, blockRows,
			this::pass, null);
	}

	int blockRows() {
		return blockRows;
	}

	/** The reference pass: the exact distance of every row. */
	GreedySelection.Pass pass(final FeatureMatrix points) {
		final float[] data = points.data();
		final int dims = points.cols();
		return (last, first, end, minDistances) -> {
			final int lastOffset = points.offset(last);
			for (int r = first; r < end; r++) {
				final double d = SquaredDistance.between(data, r * dims, data,
					lastOffset, dims);
				if (d < minDistances[r]) minDistances[r] = d;
			}
		};
	}
}
