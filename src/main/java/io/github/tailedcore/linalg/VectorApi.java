package io.github.tailedcore.linalg;

import java.lang.reflect.Field;

/**
 * Whether the incubating Vector API ({@code jdk.incubator.vector}) can be
 * used: Java loads it only when started with
 * {@code --add-modules jdk.incubator.vector} (in Fiji: add it to the JVM
 * options). Fast kernels check this before loading their Vector classes by
 * name, so that every JVM runs the portable code without them.
 */
public final class VectorApi {

	/** System property that forces the portable kernels when {@code true}. */
	public static final String PORTABLE_PROPERTY = "tailedcore.search.portable";

	/** The module's name. */
	public static final String MODULE = "jdk.incubator.vector";

	private VectorApi() {}

	/**
	 * The {@code INSTANCE} field of the Vector API class {@code className} if
	 * the module is {@link #usable()}, else {@code fallback}. The class is
	 * loaded by name only after the module was found, so callers work on
	 * every JVM; the field may be package-private (the kernels are not public
	 * API).
	 */
	public static <T> T instanceOr(final Class<T> type, final String className,
		final T fallback)
	{
		if (!usable()) return fallback;
		try {
			final Field instance = Class.forName(className).getDeclaredField(
				"INSTANCE");
			instance.setAccessible(true);
			return type.cast(instance.get(null));
		}
		catch (final ReflectiveOperationException | LinkageError e) {
			return fallback; // the module is there but unusable
		}
	}

	/** Whether the module is loaded and not switched off by the property. */
	public static boolean usable() {
		return !Boolean.getBoolean(PORTABLE_PROPERTY) && ModuleLayer.boot()
			.findModule(MODULE).isPresent();
	}
}
