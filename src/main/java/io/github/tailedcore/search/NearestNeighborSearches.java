package io.github.tailedcore.search;

import io.github.tailedcore.linalg.FeatureMatrix;
import io.github.tailedcore.linalg.VectorApi;

/**
 * Chooses the fastest exact {@link NearestNeighborSearch} this JVM can run.
 * <p>
 * {@link OnnxNearestNeighborSearch} first: ONNX Runtime's matrix product
 * needs no JVM flag and was measured at least as fast as the Vector API
 * kernel (docs/performance.md). Where its native library cannot load,
 * {@link VectorNearestNeighborSearch}, which needs the incubating
 * {@code jdk.incubator.vector} module (Java loads it only when started with
 * {@code --add-modules=jdk.incubator.vector}); without either,
 * {@link BlockedNearestNeighborSearch} in plain Java. All give the same
 * results. The Vector class is loaded by name only after the module was
 * found, so this class works on every JVM. For comparisons, the system
 * property {@value #ONNX_PROPERTY}{@code =false} skips ONNX Runtime and
 * {@value #PORTABLE_PROPERTY}{@code =true} forces the plain Java search.
 * </p>
 * <pre>
 * NearestNeighborSearch search = NearestNeighborSearches.fastest(memory);
 * log(NearestNeighborSearches.describe()); // which path is active
 * </pre>
 */
public final class NearestNeighborSearches {

	/** System property that forces the portable path when {@code true}. */
	public static final String PORTABLE_PROPERTY = VectorApi.PORTABLE_PROPERTY;

	/** System property that skips ONNX Runtime when {@code false}. */
	public static final String ONNX_PROPERTY = "tailedcore.search.onnx";

	private static final String VECTOR_MODULE = VectorApi.MODULE;
	private static final String VECTOR_CLASS =
		"io.github.tailedcore.search.VectorNearestNeighborSearch";

	private NearestNeighborSearches() {}

	/**
	 * The ONNX Runtime search over {@code memory} if {@link #onnxUsable()},
	 * else the Vector API search if {@link #vectorApiUsable()}, otherwise the
	 * portable blocked search.
	 *
	 * @throws IllegalArgumentException if the memory has no rows
	 */
	public static NearestNeighborSearch fastest(final FeatureMatrix memory) {
		if (onnxUsable()) return new OnnxNearestNeighborSearch(memory);
		final NearestNeighborSearch vector = vectorApi(memory);
		return vector != null ? vector : new BlockedNearestNeighborSearch(memory);
	}

	/**
	 * The Vector API search over {@code memory}, or {@code null} where
	 * {@link #vectorApiUsable()} is false or the module cannot run.
	 *
	 * @throws IllegalArgumentException if the memory has no rows
	 */
	public static NearestNeighborSearch vectorApi(final FeatureMatrix memory) {
		if (!vectorApiUsable()) return null;
		try {
			return Class.forName(VECTOR_CLASS).asSubclass(NearestNeighborSearch.class)
				.getConstructor(FeatureMatrix.class).newInstance(memory);
		}
		catch (final java.lang.reflect.InvocationTargetException e) {
			if (e.getCause() instanceof RuntimeException) throw (RuntimeException) e
				.getCause();
			throw new IllegalStateException(e.getCause());
		}
		catch (final ReflectiveOperationException | LinkageError e) {
			return null; // the module is there but unusable
		}
	}

	/**
	 * Whether {@link #fastest} uses ONNX Runtime: it runs here, and neither
	 * property turns it off.
	 */
	public static boolean onnxUsable() {
		return !Boolean.getBoolean(PORTABLE_PROPERTY) && !onnxSkipped() &&
			OnnxNearestNeighborSearch.usable();
	}

	private static boolean onnxSkipped() {
		return "false".equalsIgnoreCase(System.getProperty(ONNX_PROPERTY));
	}

	/**
	 * Whether the Vector API search can run: the module is in the boot layer
	 * and the portable path is not forced ({@link #fastest} prefers ONNX
	 * Runtime).
	 */
	public static boolean vectorApiUsable() {
		return VectorApi.usable();
	}

	/**
	 * One line for logs and benchmarks saying which search
	 * {@link #fastest} picks and, for the portable one, why.
	 */
	public static String describe() {
		if (onnxUsable()) return "ONNX Runtime nearest-neighbour search " +
			"(no JVM flag needed)";
		if (vectorApiUsable()) return "Vector API nearest-neighbour search (" +
			VECTOR_MODULE + " present; ONNX Runtime " + (onnxSkipped()
				? "skipped by -D" + ONNX_PROPERTY + "=false)" : "cannot run here)");
		if (Boolean.getBoolean(PORTABLE_PROPERTY))
			return "portable blocked nearest-neighbour search (forced by -D" +
				PORTABLE_PROPERTY + "=true)";
		return "portable blocked nearest-neighbour search, many times slower: " +
			"ONNX Runtime cannot run here; start Java with --add-modules=" +
			VECTOR_MODULE + " for the Vector API search";
	}
}
