package io.github.tailedcore.tail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class TailEstimateTest {

	private static TailEstimate example(final int[] kappa) {
		return new TailEstimate(kappa, new int[] { 1, 3, 3, 3 }, new int[] { 3,
			1 }, 3, 1, 0.15, TailEstimation.PAPER, new int[] { 0 }, new int[] { 0 },
			List.of());
	}

	@Test
	void kMaxIsTheSmallerThreshold() {
		final TailEstimate t = example(new int[] { 1, 3, 3, 3 });
		assertEquals(1, t.kMax());
		assertEquals(4, t.imageCount());
		assertTrue(t.isTail(0));
		assertFalse(t.isTail(1));
	}

	@Test
	void isImmutable() {
		final int[] kappa = { 1, 3, 3, 3 };
		final TailEstimate t = example(kappa);
		kappa[0] = 9;
		t.kappa()[1] = 9;
		t.tailIndices()[0] = 2;
		assertArrayEquals(new int[] { 1, 3, 3, 3 }, t.kappa());
		assertArrayEquals(new int[] { 0 }, t.tailIndices());
	}

	@Test
	void rejectsInconsistentArrays() {
		assertThrows(IllegalArgumentException.class, () -> estimate(new int[3],
			new int[0], new int[0]));
		assertThrows(IllegalArgumentException.class, () -> estimate(new int[2],
			new int[] { 1, 0 }, new int[0]));
		assertThrows(IllegalArgumentException.class, () -> estimate(new int[2],
			new int[] { 2 }, new int[0]));
		// the tail must be taken from the candidates
		assertThrows(IllegalArgumentException.class, () -> estimate(new int[2],
			new int[] { 0 }, new int[] { 1 }));
	}

	@Test
	void withTailNarrowsTheTailAndAddsItsNote() {
		final TailEstimate t = estimate(new int[2], new int[] { 0, 1 }, new int[] {
			0, 1 });
		final TailEstimate narrowed = t.withTail(new int[] { 1 }, "Image 0 left.");
		assertArrayEquals(new int[] { 1 }, narrowed.tailIndices());
		assertArrayEquals(new int[] { 0, 1 }, narrowed.candidates());
		assertTrue(narrowed.note().startsWith("Image 0 left."), narrowed.note());
		assertThrows(IllegalArgumentException.class, () -> narrowed.withTail(
			new int[] { 0 }, ""));
	}

	/**
	 * Above the cap's budget ⌊0.15·N⌋ the note says so, with the cause of the
	 * estimate that was used; all images tail is the paper's own note.
	 */
	@Test
	void noteWarnsAboveTheCap() {
		final int[] all = IntStream.range(0, 20).toArray();
		final int[] four = { 0, 1, 2, 3 };
		assertEquals("", tail(TailEstimation.PAPER, all, new int[] { 0, 1, 2 })
			.note());
		final String paper = tail(TailEstimation.PAPER, all, four).note();
		assertTrue(paper.startsWith("4 of 20 images (20 %) were taken as tail, " +
			"more than the 15 % the cap intends"), paper);
		assertTrue(paper.contains("not the number of tail images"), paper);
		assertTrue(tail(TailEstimation.ROBUST, all, four).note().contains(
			"long tail of many rare kinds"));
		assertEquals("", tail(TailEstimation.PAPER, all, all).note());
	}

	private static TailEstimate tail(final TailEstimation estimation,
		final int[] candidates, final int[] tail)
	{
		return new TailEstimate(new int[20], new int[20], new int[] { 20 }, 20, 20,
			0.15, estimation, candidates, tail, List.of());
	}

	private static TailEstimate estimate(final int[] sizes,
		final int[] candidates, final int[] tail)
	{
		return new TailEstimate(new int[2], sizes, new int[] { 2 }, 2, 2, 0.15,
			TailEstimation.PAPER, candidates, tail, List.of());
	}
}
