package io.github.tailedcore.sampling;

import io.github.tailedcore.Progress;
import io.github.tailedcore.linalg.ByteSquaredDistanceKernel;
import io.github.tailedcore.linalg.FeatureMatrix;
import io.github.tailedcore.linalg.QuantizedMatrix;
import io.github.tailedcore.linalg.SquaredDistanceKernel;


/**
 * Exact greedy k-center selection that reads a quarter of the bytes: the
 * picks of {@link GreedyCoresetSampler}, pick for pick, with most exact
 * distances replaced by a cheaper proof that they do not matter.
 * <p>
 * A pass of the reference lowers δ²(x), each point's squared distance to
 * the coreset, with d²(x, c) to the last pick c. That only changes δ²(x) if
 * d²(x, c) &lt; δ²(x). An 8-bit copy of the points ({@link QuantizedMatrix})
 * gives a lower bound ℓ ≤ ‖x − c‖ from an integer distance of 8-bit codes;
 * where ℓ² &gt; δ²(x) · (1 + 10⁻⁴) the exact d² is not computed, since it
 * cannot be below δ²(x) (the factor covers the float rounding of the exact
 * distance). Every δ² the sampler keeps is therefore the reference's own
 * value from the same {@link SquaredDistanceKernel}, and the argmax, the
 * blocks and their reduction order are the reference's
 * ({@link GreedySelection}): the picks are identical.
 * </p>
 * <p>
 * The exact distance is still computed for the points that the new pick
 * does take over (its cell) and for those whose bound is too loose. On real
 * CNN patch features most points are far from the new pick compared to
 * their δ, so most of a pass reads 1 byte per dimension instead of 4. Worth
 * it with the Vector API integer kernel; without it
 * ({@link ByteSquaredDistanceKernel#SCALAR}) the bound costs about as much
 * as the distance it saves.
 * </p>
 */
public final class QuantizedGreedyCoresetSampler implements CoresetSampler {

	/**
	 * The relative margin on δ²: far above the float rounding of
	 * {@link io.github.tailedcore.linalg.SquaredDistance} (about 10⁻⁷).
	 */
	static final double MARGIN = 1e-4;

	private final int blockRows;
	private final SquaredDistanceKernel distance;
	private final ByteSquaredDistanceKernel codeDistance;

	/** A sampler with the reference's block size and the fastest kernels. */
	public QuantizedGreedyCoresetSampler() {
		this(GreedyCoresetSampler.DEFAULT_BLOCK_ROWS, SquaredDistanceKernel
			.fastest(), ByteSquaredDistanceKernel.fastest());
	}

	QuantizedGreedyCoresetSampler(final int blockRows,
		final SquaredDistanceKernel distance,
		final ByteSquaredDistanceKernel codeDistance)
	{
		this.blockRows = GreedySelection.blockRows(blockRows);
		this.distance = distance;
		this.codeDistance = codeDistance;
	}

	/**
	 * {@inheritDoc}
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

	/**
	 * The exact distance of the rows whose bound does not rule out that they
	 * move closer.
	 */
	private GreedySelection.Pass pass(final FeatureMatrix points) {
		final QuantizedMatrix codes = QuantizedMatrix.of(points);
		final float[] data = points.data();
		final byte[] q = codes.codes();
		final int dims = points.cols();
		return (last, first, end, minDistances) -> {
			final int lastOffset = points.offset(last);
			final int lastCodes = codes.offset(last);
			for (int r = first; r < end; r++) {
				final double bound = codes.lowerBound(r, last, codeDistance.between(q,
					codes.offset(r), q, lastCodes, dims));
				if (bound > 0 && bound * bound > minDistances[r] * (1 + MARGIN))
					continue;
				final double d = distance.between(data, r * dims, data, lastOffset,
					dims);
				if (d < minDistances[r]) minDistances[r] = d;
			}
		};
	}
}
