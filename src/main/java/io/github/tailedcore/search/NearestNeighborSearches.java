package io.github.tailedcore.search;

import io.github.tailedcore.linalg.FeatureMatrix;
import io.github.tailedcore.linalg.VectorApi;

/**
 * Chooses the fastest exact {@link NearestNeighborSearch} this JVM can run.
 * <p>
 * {@link VectorNearestNeighborSearch} needs the incubating
 * {@code jdk.incubator.vector} module, which Java loads only when started
 * with {@code --add-modules jdk.incubator.vector} (in Fiji: add it to the
 * JVM options). Without it, {@link BlockedNearestNeighborSearch} runs: the
 * same results, several times slower. The Vector class is loaded by name
 * only after the module was found, so this class works on every JVM.
 * Setting the system property {@value #PORTABLE_PROPERTY} to {@code true}
 * forces the portable path (for comparisons).
 * </p>
 * <pre>
 * NearestNeighborSearch search = NearestNeighborSearches.fastest(memory);
 * log(NearestNeighborSearches.describe()); // which path is active
 * </pre>
 */
public final class NearestNeighborSearches {

	/** System property that forces the portable path when {@code true}. */
	public static final String PORTABLE_PROPERTY = VectorApi.PORTABLE_PROPERTY;

	private static final String VECTOR_MODULE = VectorApi.MODULE;
	private static final String VECTOR_CLASS =
		"io.github.tailedcore.search.VectorNearestNeighborSearch";

	private NearestNeighborSearches() {}

	/**
	 * The Vector API search over {@code memory} if {@link #vectorApiUsable()},
	 * otherwise the portable blocked search.
	 *
	 * @throws IllegalArgumentException if the memory has no rows
	 */
	public static NearestNeighborSearch fastest(final FeatureMatrix memory) {
		if (vectorApiUsable()) {
			try {
				return Class.forName(VECTOR_CLASS).asSubclass(
					NearestNeighborSearch.class).getConstructor(FeatureMatrix.class)
					.newInstance(memory);
			}
			catch (final java.lang.reflect.InvocationTargetException e) {
				if (e.getCause() instanceof RuntimeException) throw (RuntimeException) e
					.getCause();
				throw new IllegalStateException(e.getCause());
			}
			catch (final ReflectiveOperationException | LinkageError e) {
				// the module is there but unusable: the portable search still works
			}
		}
		return new BlockedNearestNeighborSearch(memory);
	}

	/**
	 * Whether {@link #fastest} uses the Vector API: the module is in the boot
	 * layer and the portable path is not forced.
	 */
	public static boolean vectorApiUsable() {
		return VectorApi.usable();
	}

	/**
	 * One line for logs and benchmarks saying which search
	 * {@link #fastest} picks and, for the portable one, how to enable the
	 * fast one.
	 */
	public static String describe() {
		if (vectorApiUsable()) return "Vector API nearest-neighbour search (" +
			VECTOR_MODULE + " present)";
		if (Boolean.getBoolean(PORTABLE_PROPERTY))
			return "portable blocked nearest-neighbour search (forced by -D" +
				PORTABLE_PROPERTY + "=true)";
		return "portable blocked nearest-neighbour search; start Java with " +
			"--add-modules " + VECTOR_MODULE + " for the Vector API search, " +
			"several times faster";
	}
}
