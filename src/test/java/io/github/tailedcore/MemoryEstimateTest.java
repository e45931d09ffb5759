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
		// the features go to disk; the features pass holds two projections
		// (2 × 642,252,800) and three batches (77,070,336) = 1,361,575,936
		// bytes; LOF 1,308,262,400. The adaptive noise threshold may keep
		// every patch, so the head coreset holds the most: 642,252,800
		// + 1,254,400 × (4 · 128 + 20) + 125,440 × (4 · 128 + 4)
		// = 1,374,320,640 (with the fixed 15 % drop, 1,066,240 kept patches:
		// 1,264,510,464); the bank and its search layout, with the
		// threshold's queries, less.
		assertEquals(1.1 * 1_374_320_640L, mvtec.peakBytes(), 2);
		assertEquals(2 * 642_252_800L, mvtec.projectionBytes());
		assertEquals(125_440L * 1024 * 4, mvtec.bankBytes(), 1);
	}

	@Test
	void theTailPoolAddsItsProjectionsAndBank() {
		// MVTec step K=4: 36 tail images with 47 views, Q = 1,354,752 patches;
		// the bank of 125,440 + 135,475.2 rows and its search layout
		// (2,137,417,318) hold more than the tail coreset: the pool's
		// projection 693,633,024, its blocks and state Q (4 · 128 + 20)
		// = 720,728,064, the picks' 0.1 Q (4 · 128 + 4) = 69,905,203 and one
		// image's views 150,929,408, 1,635,195,699 in all
		final MemoryEstimate e = mvtec.withTail(36, 47);
		assertEquals(1.1 * 2 * 4 * (125_440 + 135_475.2) * 1024, e.peakBytes(),
			4);
		assertEquals(mvtec.peakBytes(), mvtec.withTail(0, 47).peakBytes());
		assertTrue(mvtec.withTail(1, 7).peakBytes() == mvtec.peakBytes());
	}

	@Test
	void lofDominatesForManyImagesOnManyThreads() {
		final MemoryEstimate e = MemoryEstimate.forFit(40000, 1, 16, 16, 0.1, 8);
		// LOF: 2 · 4 · 40000 · 16 + 8 × (4 · 1.6e9 + 8 · 40000 · 16)
		assertEquals(1.1 * (5_120_000 + 51_240_960_000L), e.peakBytes(), 2);
	}

	@Test
	void failsEarlyWithAMessageSayingHowMuch() {
		final IllegalStateException e = assertThrows(IllegalStateException.class,
			() -> mvtec.requireHeap(1_000_000_000L));
		assertTrue(e.getMessage().contains("about 1.5 GB of heap for 1600 images"),
			e.getMessage());
		assertTrue(e.getMessage().contains("-Xmx2g"), e.getMessage());
		assertTrue(e.getMessage().contains("fewer images"), e.getMessage());
		assertDoesNotThrow(() -> mvtec.requireHeap(2_000_000_000L));
		assertDoesNotThrow(() -> MemoryEstimate.forFit(10, 784, 1024, 128, 0.1, 2)
			.requireHeap());
		final String tail = assertThrows(IllegalStateException.class, () -> mvtec
			.withTail(36, 47).requireHeap(2_000_000_000L)).getMessage();
		assertTrue(tail.contains("36 tail images with 47 views each") && tail
			.contains("fewer views"), tail);
	}

	@Test
	void rejectsImpossibleSizes() {
		assertThrows(IllegalArgumentException.class, () -> MemoryEstimate.forFit(
			10, 784, 1024, 128, 0, 2));
		assertThrows(IllegalArgumentException.class, () -> MemoryEstimate.forFit(
			-1, 784, 1024, 128, 0.1, 2));
	}
}
