package io.github.tailedcore.search;

import ai.djl.engine.Engine;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import io.github.tailedcore.linalg.FeatureMatrix;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Exact 1-NN search whose kernel is ONNX Runtime's matrix product: it needs
 * no JVM flag, and ONNX Runtime's linear-algebra library (MLAS) picks a
 * kernel tuned for the CPU it runs on (AVX2, AVX-512, NEON). It agrees with
 * {@link BruteForceSearch} by the same scheme as the other fast searches
 * ({@link BlockedSearch}).
 * <p>
 * The memory bank is copied once, row-major as it is, into chunks of
 * {@value #CHUNK} rows outside the Java heap. For each chunk, one run of
 * {@link NearestKeysModel} computes the keys ‖m‖² − 2 q·m of every query
 * (Gemm) and keeps the {@value NearestCandidates#CAPACITY} smallest per query
 * (TopK), which are then merged and re-ranked in double like those of the
 * Java kernels. Each run uses one thread; chunks run in parallel on the
 * common fork-join pool.
 * </p>
 * <p>
 * ONNX Runtime is a dependency of the feature extractor, so this search is
 * available wherever features can be computed; {@link #usable()} says
 * whether its native library loaded on this machine.
 * </p>
 */
public final class OnnxNearestNeighborSearch extends BlockedSearch<FloatBuffer> {

	/** Memory rows per run of the model. */
	static final int CHUNK = 4096;

	private static OrtSession session;
	private static Throwable failure;

	/** Per chunk, its rows, padded to at least TopK's k rows. */
	private final FloatBuffer[] rows;
	/** Per chunk, ‖m‖² of its rows, +∞ for the padding. */
	private final FloatBuffer[] norms;

	/**
	 * A search over the rows of {@code memory} (copied once; the bank must not
	 * change while the search is in use).
	 *
	 * @throws IllegalArgumentException if the memory has no rows
	 * @throws IllegalStateException if ONNX Runtime cannot run here (see
	 *           {@link #usable()})
	 */
	public OnnxNearestNeighborSearch(final FeatureMatrix memory) {
		super(memory, CHUNK);
		session();
		final int chunks = (memory.rows() + CHUNK - 1) / CHUNK;
		rows = new FloatBuffer[chunks];
		norms = new FloatBuffer[chunks];
		for (int c = 0; c < chunks; c++) {
			final int first = c * CHUNK;
			final int count = Math.min(CHUNK, memory.rows() - first);
			final int padded = Math.max(count, NearestCandidates.CAPACITY);
			rows[c] = direct(padded * dims()).put(memory.data(), memory.offset(
				first), count * dims());
			norms[c] = direct(padded);
			for (int j = 0; j < padded; j++)
				norms[c].put(j < count ? squaredNorms[first + j]
					: Float.POSITIVE_INFINITY);
		}
	}

	/**
	 * Whether ONNX Runtime's native library loads and runs the model here;
	 * the first call loads it.
	 */
	public static boolean usable() {
		try {
			session();
			return true;
		}
		catch (final IllegalStateException e) {
			return false;
		}
	}

	/** The queries, once, outside the heap, for every chunk's run. */
	@Override
	FloatBuffer prepare(final FeatureMatrix queries) {
		return direct(queries.rows() * dims()).put(queries.data(), queries.offset(
			0), queries.rows() * dims());
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * TopK keeps the best rows of a chunk before the candidate lists see
	 * them, so where the lists refuse each query's own origin, its rows must
	 * not take TopK's places: the queries of each origin then run on their
	 * own, with the ‖m‖² of that origin's rows set to +∞.
	 * </p>
	 */
	@Override
	void scan(final FloatBuffer queries, final int queryCount, final int from,
		final int to, final NearestCandidates candidates)
	{
		if (!candidates.excludes()) {
			final int[] all = IntStream.range(0, queryCount).toArray();
			for (int c = from / CHUNK; c < (to + CHUNK - 1) / CHUNK; c++)
				run(queries, all, c, norms[c], candidates);
			return;
		}
		for (final int[] group : byOrigin(queryCount, candidates)) {
			final FloatBuffer mine = direct(group.length * dims());
			for (int k = 0; k < group.length; k++)
				mine.put(k * dims(), queries, group[k] * dims(), dims());
			for (int c = from / CHUNK; c < (to + CHUNK - 1) / CHUNK; c++)
				run(mine, group, c, masked(c, candidates.queryOrigin(group[0]),
					candidates), candidates);
		}
	}

	/** The queries grouped by origin, each group ascending. */
	private static int[][] byOrigin(final int queryCount,
		final NearestCandidates candidates)
	{
		final Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
		for (int q = 0; q < queryCount; q++)
			groups.computeIfAbsent(candidates.queryOrigin(q), o -> new ArrayList<>())
				.add(q);
		return groups.values().stream().map(g -> g.stream().mapToInt(
			Integer::intValue).toArray()).toArray(int[][]::new);
	}

	/** ‖m‖² of chunk {@code c}, +∞ for the rows of {@code origin}. */
	private FloatBuffer masked(final int c, final int origin,
		final NearestCandidates candidates)
	{
		final FloatBuffer out = direct(norms[c].capacity());
		for (int j = 0; j < norms[c].capacity(); j++) {
			final int row = c * CHUNK + j;
			out.put(j, row < size() && candidates.rowOrigin(row) == origin
				? Float.POSITIVE_INFINITY : norms[c].get(j));
		}
		return out;
	}

	/**
	 * One run of the model: the queries {@code group} (laid out in
	 * {@code queries} in that order) against chunk {@code c}, with
	 * {@code chunkNorms} as its ‖m‖².
	 */
	private void run(final FloatBuffer queries, final int[] group, final int c,
		final FloatBuffer chunkNorms, final NearestCandidates candidates)
	{
		try (OnnxTensor q = tensor(queries, group.length, dims());
				OnnxTensor m = tensor(rows[c], chunkNorms.capacity(), dims());
				OnnxTensor n = tensor(chunkNorms, chunkNorms.capacity());
				OrtSession.Result best = session().run(Map.of(NearestKeysModel.QUERIES,
					q, NearestKeysModel.ROWS, m, NearestKeysModel.NORMS, n)))
		{
			final FloatBuffer keys = ((OnnxTensor) best.get(0)).getFloatBuffer();
			final LongBuffer bestRows = ((OnnxTensor) best.get(1)).getLongBuffer();
			for (int i = 0; i < group.length * NearestCandidates.CAPACITY; i++) {
				final int query = group[i / NearestCandidates.CAPACITY];
				final float key = keys.get(i);
				if (key < candidates.threshold(query)) candidates.offer(query, key, c *
					CHUNK + (int) bestRows.get(i));
			}
		}
		catch (final OrtException e) {
			throw new IllegalStateException("ONNX Runtime failed in the " +
				"nearest-neighbour search: " + e.getMessage(), e);
		}
	}

	/** A tensor over all of {@code data} (not copied). */
	private static OnnxTensor tensor(final FloatBuffer data, final long... shape)
		throws OrtException
	{
		return OnnxTensor.createTensor(OrtEnvironment.getEnvironment(), data
			.duplicate().rewind(), shape);
	}

	private static FloatBuffer direct(final int floats) {
		return ByteBuffer.allocateDirect(Math.multiplyExact(floats, Float.BYTES))
			.order(ByteOrder.nativeOrder()).asFloatBuffer();
	}

	/**
	 * The session of {@link NearestKeysModel}, shared by every search: one
	 * thread per run, since the search runs chunks in parallel itself.
	 * <p>
	 * A process has one ONNX Runtime environment, and DJL's engine (which
	 * runs the backbone) fails to start if someone else created it: the
	 * session is made in the environment DJL's engine creates, so that
	 * searches and backbones work in either order.
	 * </p>
	 *
	 * @throws IllegalStateException if ONNX Runtime cannot run here
	 */
	private static synchronized OrtSession session() {
		if (session != null) return session;
		if (failure == null) try {
			Engine.getEngine("OnnxRuntime");
			final OrtSession.SessionOptions options = new OrtSession.SessionOptions();
			options.setIntraOpNumThreads(1);
			options.setInterOpNumThreads(1);
			session = OrtEnvironment.getEnvironment().createSession(NearestKeysModel
				.bytes(), options);
			return session;
		}
		catch (final OrtException | LinkageError | RuntimeException e) {
			failure = e;
		}
		throw new IllegalStateException("ONNX Runtime cannot run here: " +
			failure, failure);
	}

	@Override
	public String toString() {
		return "ONNX Runtime search (MLAS matrix product, " + CHUNK +
			"-row chunks, multithreaded)";
	}
}
