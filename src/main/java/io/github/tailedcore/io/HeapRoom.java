package io.github.tailedcore.io;

import java.util.Locale;

/**
 * Whether an array that a file declares fits into this JVM's heap, asked
 * before it is allocated, so that a huge or lying file gives a message that
 * says how much memory it needs instead of an {@link OutOfMemoryError}.
 */
final class HeapRoom {

	private HeapRoom() {}

	/**
	 * Whether {@code bytes} more can be allocated now (after a garbage
	 * collection, if needed to tell).
	 */
	static boolean fits(final long bytes) {
		if (bytes <= free()) return true;
		System.gc();
		return bytes <= free();
	}

	/** "take about 8.0 GB of memory, but Java has 1.2 GB free (of 4.0 GB)". */
	static String shortfall(final long bytes) {
		final Runtime rt = Runtime.getRuntime();
		return "take about " + gigabytes(bytes) + " of memory, but Java has " +
			gigabytes(free()) + " free (of its maximum " + gigabytes(rt
				.maxMemory()) + ")";
	}

	/** "8.0 GB", "120 MB". */
	static String gigabytes(final long bytes) {
		return bytes >= 1e9 ? String.format(Locale.ROOT, "%.1f GB", bytes / 1e9)
			: String.format(Locale.ROOT, "%.0f MB", Math.ceil(bytes / 1e6));
	}

	private static long free() {
		final Runtime rt = Runtime.getRuntime();
		return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
	}
}
