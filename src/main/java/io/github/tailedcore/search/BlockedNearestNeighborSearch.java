package io.github.tailedcore.search;

import io.github.tailedcore.linalg.FeatureMatrix;

/**
 * Exact 1-NN search in plain Java, the last resort where neither ONNX
 * Runtime ({@link OnnxNearestNeighborSearch}) nor the
 * {@code jdk.incubator.vector} module can run: blocked, multithreaded, and
 * agreeing with {@link BruteForceSearch} (see {@link BlockedSearch} for the
 * scheme).
 * <p>
 * The kernel computes 4 queries × 4 memory rows of dot products at once in
 * 16 scalar {@code float} registers, so that each loaded value is used four
 * times; memory rows are visited in blocks of {@value #ROW_BLOCK} that stay
 * in the L2 cache while all queries pass over them. It works straight on the
 * row-major memory bank and needs no copy of it. Expect a few percent of the
 * machine's peak: HotSpot's C2 (JDK 17) does not turn this, or any
 * register-blocked loop over several rows tried, into vector instructions
 * (docs/performance.md); the other two searches are 10–15× faster.
 * </p>
 */
public final class BlockedNearestNeighborSearch extends
	BlockedSearch<FeatureMatrix>
{

	/** Memory rows per cache block. */
	static final int ROW_BLOCK = 64;
	/** Queries and memory rows per register tile. */
	private static final int TILE = 4;

	/**
	 * A search over the rows of {@code memory} (shared, not copied; it must
	 * not change while the search is in use).
	 *
	 * @throws IllegalArgumentException if the memory has no rows
	 */
	public BlockedNearestNeighborSearch(final FeatureMatrix memory) {
		super(memory, ROW_BLOCK);
	}

	@Override
	FeatureMatrix prepare(final FeatureMatrix queries) {
		return queries;
	}

	@Override
	void scan(final FeatureMatrix queries, final int queryCount, final int from,
		final int to, final NearestCandidates candidates)
	{
		for (int block = from; block < to; block += ROW_BLOCK) {
			final int blockEnd = Math.min(to, block + ROW_BLOCK);
			for (int q = 0; q < queryCount; q += TILE)
				for (int m = block; m < blockEnd; m += TILE) {
					if (q + TILE <= queryCount && m + TILE <= blockEnd) tile(queries, q,
						m, candidates);
					else for (int qi = q; qi < Math.min(queryCount, q + TILE); qi++)
						for (int mi = m; mi < Math.min(blockEnd, m + TILE); mi++)
							offer(candidates, qi, mi, dot(queries, qi, mi));
				}
		}
	}

	/** The 4 × 4 dot products of queries q… and memory rows m…, offered. */
	private void tile(final FeatureMatrix queries, final int q, final int m,
		final NearestCandidates candidates)
	{
		final float[] x = queries.data();
		final float[] y = memory.data();
		final int dims = dims();
		final int x0 = queries.offset(q), x1 = x0 + dims, x2 = x1 + dims, x3 = x2 +
			dims;
		final int y0 = memory.offset(m), y1 = y0 + dims, y2 = y1 + dims, y3 = y2 +
			dims;
		float s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0,
				s13 = 0, s20 = 0, s21 = 0, s22 = 0, s23 = 0, s30 = 0, s31 = 0, s32 = 0,
				s33 = 0;
		for (int d = 0; d < dims; d++) {
			final float a0 = x[x0 + d], a1 = x[x1 + d], a2 = x[x2 + d], a3 = x[x3 +
				d];
			final float b0 = y[y0 + d], b1 = y[y1 + d], b2 = y[y2 + d], b3 = y[y3 +
				d];
			s00 += a0 * b0;
			s01 += a0 * b1;
			s02 += a0 * b2;
			s03 += a0 * b3;
			s10 += a1 * b0;
			s11 += a1 * b1;
			s12 += a1 * b2;
			s13 += a1 * b3;
			s20 += a2 * b0;
			s21 += a2 * b1;
			s22 += a2 * b2;
			s23 += a2 * b3;
			s30 += a3 * b0;
			s31 += a3 * b1;
			s32 += a3 * b2;
			s33 += a3 * b3;
		}
		offerRow(candidates, q, m, s00, s01, s02, s03);
		offerRow(candidates, q + 1, m, s10, s11, s12, s13);
		offerRow(candidates, q + 2, m, s20, s21, s22, s23);
		offerRow(candidates, q + 3, m, s30, s31, s32, s33);
	}

	private void offerRow(final NearestCandidates candidates, final int q,
		final int m, final float d0, final float d1, final float d2,
		final float d3)
	{
		offer(candidates, q, m, d0);
		offer(candidates, q, m + 1, d1);
		offer(candidates, q, m + 2, d2);
		offer(candidates, q, m + 3, d3);
	}

	/** Offers row m to query q with key ‖m‖² − 2 q·m. */
	private void offer(final NearestCandidates candidates, final int q,
		final int m, final float dot)
	{
		final float key = squaredNorms[m] - 2 * dot;
		if (key < candidates.threshold(q)) candidates.offer(q, key, m);
	}

	private float dot(final FeatureMatrix queries, final int q, final int m) {
		final float[] x = queries.data();
		final float[] y = memory.data();
		final int a = queries.offset(q);
		final int b = memory.offset(m);
		float sum = 0;
		for (int d = 0; d < dims(); d++)
			sum += x[a + d] * y[b + d];
		return sum;
	}

	@Override
	public String toString() {
		return "portable blocked search (plain Java, 4 × 4 float tiles, " +
			"multithreaded)";
	}
}
