package io.github.tailedcore;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MemoryEstimateTest {

	/** 1,600 MVTec images: 1,254,400 patches of 1024 floats = 5.14 GB. */
	private final MemoryEstimate mvtec = MemoryEstimate.forFit(1600, 784, 1024,
		128, 0.1, 2);

	@Test
	void mvtecSizedFitByHand() {
		assertEquals(5_138_022_400L, mvtec.featureBytes());
		// coreset stage: 642,252,800 projected + 240,844,800 working set
		// (1,254,400 × (32 + 128) + 125,440 × (2 · 128 + 64))
		// + 1,027,604,480 bank and layout = 1,910,702,080 bytes;
		// LOF: 2 × (10,240,000 + 7,372,800) = 35,225,600, smaller.
		final double expected = 1.1 * (5_138_022_400L + 1_910_702_080L);
		assertEquals(expected, mvtec.peakBytes(), 2);
	}

	@Test
	void lofDominatesForManyImagesOnManyThreads() {
		final MemoryEstimate e = MemoryEstimate.forFit(40000, 1, 16, 16, 0.1, 8);
		// LOF: 8 × (4 · 1.6e9 + 4 · 40000 · 32) = 51,240,960,000
		assertEquals(1.1 * (2_560_000 + 51_240_960_000L), e.peakBytes(), 2);
	}

	@Test
	void failsEarlyWithAMessageSayingHowMuch() {
		final IllegalStateException e = assertThrows(IllegalStateException.class,
			() -> mvtec.requireHeap(4_000_000_000L));
		assertTrue(e.getMessage().contains("about 7.8 GB of heap for 1600 images"),
			e.getMessage());
		assertTrue(e.getMessage().contains("-Xmx8g"), e.getMessage());
		assertTrue(e.getMessage().contains("fewer images"), e.getMessage());
		assertDoesNotThrow(() -> mvtec.requireHeap(9_000_000_000L));
		assertDoesNotThrow(() -> MemoryEstimate.forFit(10, 784, 1024, 128, 0.1, 2)
			.requireHeap());
	}

	@Test
	void rejectsImpossibleSizes() {
		assertThrows(IllegalArgumentException.class, () -> MemoryEstimate.forFit(
			10, 784, 1024, 128, 0, 2));
		assertThrows(IllegalArgumentException.class, () -> MemoryEstimate.forFit(
			-1, 784, 1024, 128, 0.1, 2));
	}
}
