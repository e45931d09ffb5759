package io.github.tailedcore.tail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tailedcore.TailedCoreSettings;
import io.github.tailedcore.noise.NoiseFilterResult;

import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

/**
 * Four tail images of 4 patches and one head image, with LOF scores chosen
 * per patch: image 0 a rare kind (every patch an outlier), image 1 a
 * defective image of a common kind (one outlier), image 2 exactly half
 * outlying, image 3 with scores at the threshold 1.5, which is no outlier.
 */
class PatchConfirmationTest {

	private static final int L = 4;

	private static final float[] LOF = { //
		3, 2.5f, 1.6f, 8, // rare kind
		1, 1.1f, 6, 0.9f, // defect at location 2
		1.7f, 1, 1.9f, 1, // half
		1.5f, 1.5f, 1.5f, 1.6f, // at the threshold, one above
		1, 1, 1, 1 }; // head

	private static TailEstimate tail(final TailEstimation estimation) {
		return new TailEstimate(new int[5], new int[5], new int[] { 5 }, 1, 1,
			0.15, estimation, new int[] { 0, 1, 2, 3 }, new int[] { 0, 1, 2, 3 },
			List.of());
	}

	/** The scores above, every patch kept (as the filter may, LOF ≤ 2). */
	private static NoiseFilterResult filter() {
		return new NoiseFilterResult(LOF, 2, LongStream.range(0, LOF.length)
			.toArray());
	}

	@Test
	void returnsImagesWithMostlyOrdinaryPatchesToTheHead() {
		final TailEstimate confirmed = PatchConfirmation.confirm(tail(
			TailEstimation.ROBUST), filter(), L);
		assertArrayEquals(new int[] { 0, 2 }, confirmed.tailIndices());
		assertArrayEquals(new int[] { 0, 1, 2, 3 }, confirmed.candidates());
		assertTrue(confirmed.note().contains("2 of 4 tail images have mostly " +
			"ordinary patches"), confirmed.note());
		assertTrue(confirmed.note().contains("LOF > 1.5"), confirmed.note());
	}

	@Test
	void outlierShareCountsScoresAboveTheThreshold() {
		final NoiseFilterResult f = filter();
		assertEquals(1.0, PatchConfirmation.outlierShare(f, 0, L));
		assertEquals(0.25, PatchConfirmation.outlierShare(f, 1, L));
		assertEquals(0.5, PatchConfirmation.outlierShare(f, 2, L));
		assertEquals(0.25, PatchConfirmation.outlierShare(f, 3, L));
		assertEquals(0.0, PatchConfirmation.outlierShare(f, 4, L));
	}

	/** A tail of rare kinds alone is kept as it is, with no note of ours. */
	@Test
	void keepsATailOfRareKinds() {
		final TailEstimate rare = new TailEstimate(new int[5], new int[5],
			new int[] { 5 }, 1, 1, 0.15, TailEstimation.ROBUST, new int[] { 0, 2 },
			new int[] { 0, 2 }, List.of());
		assertSame(rare, PatchConfirmation.confirm(rare, filter(), L));
		assertFalse(rare.note().contains("ordinary patches"), rare.note());
	}

	/** Only the robust estimate checks patches; the others keep their tail. */
	@Test
	void theSamplerConfirmsForTheRobustEstimateAlone() {
		for (final TailEstimation e : TailEstimation.values()) {
			final TailEstimate t = tail(e);
			final TailEstimate confirmed = new TailSampler(
				TailedCoreSettings.DEFAULT_TAIL_PERCENTILE,
				TailedCoreSettings.DEFAULT_TAIL_CAP_FRACTION, e).confirm(t, filter(),
					L);
			if (e == TailEstimation.ROBUST) assertArrayEquals(new int[] { 0, 2 },
				confirmed.tailIndices());
			else assertSame(t, confirmed, e.label());
		}
	}
}
