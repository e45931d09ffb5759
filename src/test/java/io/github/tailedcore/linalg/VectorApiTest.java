package io.github.tailedcore.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Tests {@link VectorApi} under the build's test JVM, which is started with
 * {@code --add-modules jdk.incubator.vector} (pom.xml): the fast kernels must
 * be the ones chosen there, and the portable property must switch them off.
 */
public class VectorApiTest {

	private static final String TILE_KERNEL =
		"io.github.tailedcore.sampling.VectorTileKernel";

	@AfterEach
	public void restore() {
		System.clearProperty(VectorApi.PORTABLE_PROPERTY);
	}

	@Test
	public void testUsableUnderTheBuildsTestJvm() {
		assertTrue(VectorApi.usable(), "the tests run with --add-modules " +
			VectorApi.MODULE + " (pom.xml), so the Vector API must be usable");
		System.setProperty(VectorApi.PORTABLE_PROPERTY, "true");
		assertFalse(VectorApi.usable());
		System.setProperty(VectorApi.PORTABLE_PROPERTY, "false");
		assertTrue(VectorApi.usable());
	}

	@Test
	public void testInstanceOrLoadsThePackagePrivateInstance() {
		final Object fallback = new Object();
		final Object kernel = VectorApi.instanceOr(Object.class, TILE_KERNEL,
			fallback);
		assertEquals(TILE_KERNEL, kernel.getClass().getName());
		assertSame(kernel, VectorApi.instanceOr(Object.class, TILE_KERNEL,
			fallback), "one shared instance");
	}

	@Test
	public void testInstanceOrFallsBack() {
		final Object fallback = new Object();
		assertSame(fallback, VectorApi.instanceOr(Object.class,
			"io.github.tailedcore.NoSuchKernel", fallback));
		assertSame(fallback, VectorApi.instanceOr(Object.class,
			"java.lang.Object", fallback), "a class without INSTANCE");
		System.setProperty(VectorApi.PORTABLE_PROPERTY, "true");
		assertSame(fallback, VectorApi.instanceOr(Object.class, TILE_KERNEL,
			fallback), "the portable property wins");
	}
}
