package io.github.tailedcore.tail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tailedcore.TailedCoreSettings;
import io.github.tailedcore.noise.NoiseFilterResult;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/**
 * Four tail images of 4 patches and ten head images, with LOF scores chosen
 * per patch and the patches of LOF &gt; 2 dropped, as the adaptive noise
 * threshold does: image 0 a rare kind (every patch an outlier, most
 * dropped), image 1 a defective image of a common kind (one outlier, dropped),
 * image 2 half outlying (a rare kind), image 3 ordinary with patches at the
 * threshold 1.5, which are no outliers. The head images are ordinary; in
 * {@link #headWith(int)} some of them have a dropped patch too.
 */
class PatchConfirmationTest {

	private static final int L = 4;

	private static final float[] TAIL = { //
		3, 2.5f, 1.6f, 8, // rare kind
		1, 1.1f, 6, 0.9f, // defect at location 2
		1.7f, 1, 1.9f, 1, // half
		1.5f, 1.5f, 1.5f, 1.6f }; // at the threshold, one above

	private static TailEstimate tail(final TailEstimation estimation) {
		final int[] tail = { 0, 1, 2, 3 };
		return new TailEstimate(new int[14], new int[14], new int[] { 10, 4 }, 1,
			1, 0.15, estimation, tail, tail, List.of());
	}

	/**
	 * The tail's scores, then ten head images of LOF 1 of which the first
	 * {@code outlying} have one patch of LOF 3; patches above 2 dropped.
	 */
	private static NoiseFilterResult headWith(final int outlying) {
		final float[] lof = Arrays.copyOf(TAIL, 14 * L);
		Arrays.fill(lof, TAIL.length, lof.length, 1);
		for (int h = 0; h < outlying; h++)
			lof[TAIL.length + h * L] = 3;
		return new NoiseFilterResult(lof, 2, IntStream.range(0, lof.length)
			.filter(g -> lof[g] <= 2).asLongStream().toArray());
	}

	@Test
	void returnsADefectiveImageOfACommonKindToTheHead() {
		final TailEstimate confirmed = PatchConfirmation.confirm(tail(
			TailEstimation.ROBUST), headWith(0), L);
		assertArrayEquals(new int[] { 0, 2, 3 }, confirmed.tailIndices());
		assertArrayEquals(new int[] { 0, 1, 2, 3 }, confirmed.candidates());
		assertTrue(confirmed.note().contains("1 of 4 tail images look like " +
			"defective images of a common kind"), confirmed.note());
		assertTrue(confirmed.note().contains("LOF > 1.5"), confirmed.note());
	}

	/**
	 * With 2 of 10 head images as outlying as image 1 (one dropped patch of
	 * four), that is ordinary for this data (the 0.9-quantile), and image 1
	 * stays tail.
	 */
	@Test
	void whatIsOrdinaryIsTheHeadsNinetiethPercentile() {
		assertArrayEquals(new int[] { 0, 2, 3 }, PatchConfirmation.confirm(tail(
			TailEstimation.ROBUST), headWith(1), L).tailIndices());
		final TailEstimate t = tail(TailEstimation.ROBUST);
		assertSame(t, PatchConfirmation.confirm(t, headWith(2), L));
	}

	@Test
	void outlierShareCountsScoresAboveTheThreshold() {
		final NoiseFilterResult f = headWith(0);
		assertEquals(1.0, PatchConfirmation.outlierShare(f, 0, L));
		assertEquals(0.25, PatchConfirmation.outlierShare(f, 1, L));
		assertEquals(0.5, PatchConfirmation.outlierShare(f, 2, L));
		assertEquals(0.25, PatchConfirmation.outlierShare(f, 3, L));
		assertEquals(0.0, PatchConfirmation.outlierShare(f, 4, L));
	}

	/** Only the robust estimate checks patches; the others keep their tail. */
	@Test
	void theSamplerConfirmsForTheRobustEstimateAlone() {
		for (final TailEstimation e : TailEstimation.values()) {
			final TailEstimate t = tail(e);
			final TailEstimate confirmed = new TailSampler(
				TailedCoreSettings.DEFAULT_TAIL_PERCENTILE,
				TailedCoreSettings.DEFAULT_TAIL_CAP_FRACTION, e).confirm(t, headWith(
					0), L);
			if (e == TailEstimation.ROBUST) assertArrayEquals(new int[] { 0, 2, 3 },
				confirmed.tailIndices());
			else assertSame(t, confirmed, e.label());
		}
	}
}
