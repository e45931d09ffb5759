package io.github.tailedcore.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HeapRoomTest {

	/** Gigabytes with one decimal from 10⁹ bytes on, whole megabytes (rounded up) below. */
	@Test
	void sizesReadAsGigabytesOrMegabytes() {
		assertEquals("8.0 GB", HeapRoom.gigabytes(8_000_000_000L));
		assertEquals("1.0 GB", HeapRoom.gigabytes(1_000_000_000L));
		assertEquals("2.5 GB", HeapRoom.gigabytes(2_450_000_001L));
		assertEquals("1000 MB", HeapRoom.gigabytes(999_999_999L));
		assertEquals("120 MB", HeapRoom.gigabytes(120_000_000L));
		assertEquals("121 MB", HeapRoom.gigabytes(120_000_001L));
		assertEquals("1 MB", HeapRoom.gigabytes(1));
		assertEquals("0 MB", HeapRoom.gigabytes(0));
	}

	@Test
	void nothingFitsAndTooMuchDoesNot() {
		assertTrue(HeapRoom.fits(0));
		assertTrue(HeapRoom.fits(1 << 10));
		assertFalse(HeapRoom.fits(Runtime.getRuntime().maxMemory() + 1));
		assertFalse(HeapRoom.fits(Long.MAX_VALUE));
		// Room the heap has not even claimed from the system yet is free.
		final Runtime rt = Runtime.getRuntime();
		assertTrue(HeapRoom.fits(rt.maxMemory() - rt.totalMemory()));
	}

	@Test
	void theShortfallSaysWhatIsNeededAndWhatJavaHas() {
		final String s = HeapRoom.shortfall(8_000_000_000L);
		assertTrue(s.startsWith("take about 8.0 GB of memory, but Java has "), s);
		assertTrue(s.endsWith(" free (of its maximum " + HeapRoom.gigabytes(Runtime
			.getRuntime().maxMemory()) + ")"), s);
	}
}
