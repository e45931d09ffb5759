package io.github.tailedcore.search;

import io.github.tailedcore.linalg.FeatureMatrix;

import java.util.Arrays;
import java.util.stream.IntStream;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Exact 1-NN search with the {@code jdk.incubator.vector} API: a blocked
 * matrix-product kernel that reaches most of the CPU's FMA throughput, and
 * agrees with {@link BruteForceSearch} (see {@link BlockedSearch} for the
 * scheme).
 * <p>
 * When the search is built, the memory bank is copied once into panels of
 * P = 2 × (vector lanes) rows (32 with AVX-512), stored dimension-major
 * and multiplied by −2 (exact in float), so that one vector load gives one
 * dimension of P memory rows. The kernel keeps 6 queries × P rows of
 * partial sums in 12 vector registers and, per dimension, loads two panel
 * vectors and broadcasts 6 query values: 12 FMAs for 8 loads. Twelve
 * accumulators hide the FMA latency and, with the two panel vectors and the
 * broadcast, fit the 16 registers of AVX2 (8 queries, 16 accumulators,
 * spilled there and ran at a third of the speed). Groups of 8 panels
 * (512 KB with AVX2, 1 MB with AVX-512, for D = 1024) stay in the L2 cache
 * while all queries pass over them. The copy costs as much memory as the
 * bank itself.
 * </p>
 * <p>
 * Only {@link NearestNeighborSearches} should name this class, and only
 * after checking that the module is present: it fails to load otherwise.
 * </p>
 */
public final class VectorNearestNeighborSearch extends BlockedSearch<float[][]> {

	private static final VectorSpecies<Float> SPECIES =
		FloatVector.SPECIES_PREFERRED;
	private static final int LANES = SPECIES.length();
	/** Memory rows per panel. */
	private static final int PANEL = 2 * LANES;
	/** Queries per register tile. */
	private static final int QUERIES = 6;
	/** Panels that share one pass over the queries. */
	private static final int GROUP = 8;

	/** Per panel, −2·m<sub>row,d</sub> at {@code d * PANEL + row}. */
	private final float[][] panels;
	/** ‖m‖², +∞ for the padding rows of the last panel. */
	private final float[] paddedNorms;

	/**
	 * A search over the rows of {@code memory} (shared, and copied once into
	 * the kernel's layout; it must not change while the search is in use).
	 *
	 * @throws IllegalArgumentException if the memory has no rows
	 */
	public VectorNearestNeighborSearch(final FeatureMatrix memory) {
		super(memory, PANEL);
		final int count = (memory.rows() + PANEL - 1) / PANEL;
		final int dims = memory.cols();
		panels = new float[count][];
		IntStream.range(0, count).parallel().forEach(p -> {
			final float[] panel = new float[dims * PANEL];
			for (int j = 0; j < PANEL && p * PANEL + j < memory.rows(); j++) {
				final int offset = memory.offset(p * PANEL + j);
				for (int d = 0; d < dims; d++)
					panel[d * PANEL + j] = -2 * memory.data()[offset + d];
			}
			panels[p] = panel;
		});
		paddedNorms = Arrays.copyOf(squaredNorms, count * PANEL);
		Arrays.fill(paddedNorms, memory.rows(), paddedNorms.length,
			Float.POSITIVE_INFINITY);
	}

	/** Queries in blocks of {@value #QUERIES}, each block dimension-major, zero-padded. */
	@Override
	float[][] prepare(final FeatureMatrix queries) {
		final int dims = dims();
		final float[][] blocks = new float[(queries.rows() + QUERIES - 1) /
			QUERIES][dims * QUERIES];
		for (int q = 0; q < queries.rows(); q++) {
			final float[] block = blocks[q / QUERIES];
			final int offset = queries.offset(q);
			for (int d = 0; d < dims; d++)
				block[d * QUERIES + q % QUERIES] = queries.data()[offset + d];
		}
		return blocks;
	}

	/**
	 * Panels in groups of {@value #GROUP} (1 MB for D = 1024, held in L2)
	 * meet every query block, so that the queries stream from memory once
	 * per group rather than once per panel.
	 */
	@Override
	void scan(final float[][] queries, final int queryCount, final int from,
		final int to, final NearestCandidates candidates)
	{
		final float[] keys = new float[QUERIES * PANEL];
		final int end = (to + PANEL - 1) / PANEL;
		for (int g = from / PANEL; g < end; g += GROUP)
			for (int b = 0; b < queries.length; b++)
				for (int p = g; p < Math.min(end, g + GROUP); p++) {
					tile(panels[p], queries[b], p * PANEL, keys);
					offer(keys, b, p, queryCount, candidates);
				}
	}

	/** Offers the keys of one tile that beat their query's threshold. */
	private static void offer(final float[] keys, final int block, final int panel,
		final int queryCount, final NearestCandidates candidates)
	{
		for (int r = 0; r < QUERIES && block * QUERIES + r < queryCount; r++) {
			final int q = block * QUERIES + r;
			float threshold = candidates.threshold(q);
			for (int j = 0; j < PANEL; j++)
				if (keys[r * PANEL + j] < threshold) {
					candidates.offer(q, keys[r * PANEL + j], panel * PANEL + j);
					threshold = candidates.threshold(q);
				}
		}
	}

	/**
	 * Writes ‖m‖² − 2 q·m for {@value #QUERIES} queries × one panel into {@code keys}
	 * ({@code keys[r * PANEL + j]} for query r, panel row j).
	 */
	private void tile(final float[] panel, final float[] q, final int firstRow,
		final float[] keys)
	{
		FloatVector a0 = FloatVector.zero(SPECIES), a1 = a0, a2 = a0, a3 = a0,
				a4 = a0, a5 = a0;
		FloatVector b0 = a0, b1 = a0, b2 = a0, b3 = a0, b4 = a0, b5 = a0;
		final int dims = dims();
		for (int d = 0; d < dims; d++) {
			final FloatVector lo = FloatVector.fromArray(SPECIES, panel, d * PANEL);
			final FloatVector hi = FloatVector.fromArray(SPECIES, panel, d * PANEL +
				LANES);
			final int x = d * QUERIES;
			FloatVector s = FloatVector.broadcast(SPECIES, q[x]);
			a0 = s.fma(lo, a0);
			b0 = s.fma(hi, b0);
			s = FloatVector.broadcast(SPECIES, q[x + 1]);
			a1 = s.fma(lo, a1);
			b1 = s.fma(hi, b1);
			s = FloatVector.broadcast(SPECIES, q[x + 2]);
			a2 = s.fma(lo, a2);
			b2 = s.fma(hi, b2);
			s = FloatVector.broadcast(SPECIES, q[x + 3]);
			a3 = s.fma(lo, a3);
			b3 = s.fma(hi, b3);
			s = FloatVector.broadcast(SPECIES, q[x + 4]);
			a4 = s.fma(lo, a4);
			b4 = s.fma(hi, b4);
			s = FloatVector.broadcast(SPECIES, q[x + 5]);
			a5 = s.fma(lo, a5);
			b5 = s.fma(hi, b5);
		}
		final FloatVector nLo = FloatVector.fromArray(SPECIES, paddedNorms,
			firstRow);
		final FloatVector nHi = FloatVector.fromArray(SPECIES, paddedNorms,
			firstRow + LANES);
		// stored here, not by a helper: a helper that takes vectors is not
		// always inlined (on AVX-512 it was too big), and then every vector is
		// boxed, which made the search about 20 times slower
		a0.add(nLo).intoArray(keys, 0);
		b0.add(nHi).intoArray(keys, LANES);
		a1.add(nLo).intoArray(keys, PANEL);
		b1.add(nHi).intoArray(keys, PANEL + LANES);
		a2.add(nLo).intoArray(keys, 2 * PANEL);
		b2.add(nHi).intoArray(keys, 2 * PANEL + LANES);
		a3.add(nLo).intoArray(keys, 3 * PANEL);
		b3.add(nHi).intoArray(keys, 3 * PANEL + LANES);
		a4.add(nLo).intoArray(keys, 4 * PANEL);
		b4.add(nHi).intoArray(keys, 4 * PANEL + LANES);
		a5.add(nLo).intoArray(keys, 5 * PANEL);
		b5.add(nHi).intoArray(keys, 5 * PANEL + LANES);
	}

	@Override
	public String toString() {
		return "Vector API search (jdk.incubator.vector, " + SPECIES.vectorBitSize() +
			"-bit vectors, " + LANES + " float lanes, " + QUERIES + " × " + PANEL +
			" tiles, " +
			"multithreaded)";
	}
}
