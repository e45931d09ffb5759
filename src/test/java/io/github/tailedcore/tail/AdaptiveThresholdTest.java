package io.github.tailedcore.tail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.tailedcore.Progress;
import io.github.tailedcore.linalg.FeatureMatrix;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class AdaptiveThresholdTest {

	private final AdaptiveThreshold paper = new AdaptiveThreshold();

	@Test
	void quantisesToTheOneOverNGridTruncatingTowardZero() {
		final float[] q = new float[3];
		AdaptiveThreshold.quantizeSorted(new float[] { 1f, -0.3f, 0.26f }, 0, q);
		// 3·(−0.3) = −0.9 truncates to 0 (not −1), 3·0.26 = 0.78 to 0.
		assertArrayEquals(new float[] { 0f, 0f, 1f }, q, 0f);
	}

	@Test
	void halfMaxAngle() {
		assertEquals(Math.cos(Math.PI / 4), AdaptiveThreshold.halfMaxAngle(0f),
			1e-7);
		assertEquals(Math.cos(Math.PI / 6), AdaptiveThreshold.halfMaxAngle(0.5f),
			1e-7);
		assertEquals(0, AdaptiveThreshold.halfMaxAngle(-1f), 1e-7);
		assertEquals(1f, AdaptiveThreshold.halfMaxAngle(1.0000001f), 0f);
	}

	@Test
	void keepsTheTopEightyFivePercentOfTheHalfAngleRegion() {
		// N = 5: q = [0, 0.2, 0.8, 0.8, 1]; min 0 → th_half = cos 45° ≈ 0.707;
		// H = {0.8, 0.8, 1}, k = ⌊3·0.85⌋ = 2 → 2nd largest of H = 0.8.
		assertEquals(0.8f, paper.threshold(new float[] { 1f, 0.9f, 0.85f, 0.2f,
			0.1f }), 0f);
		// With p = 0.5, k = ⌊1.5⌋ = 1 → the largest, self.
		assertEquals(1f, new AdaptiveThreshold(0.5).threshold(new float[] { 1f,
			0.9f, 0.85f, 0.2f, 0.1f }), 0f);
	}

	@Test
	void smallestOfRegionWhenKIsZero() {
		// H = {1} alone, k = ⌊0.85⌋ = 0 → th = the smallest (only) element.
		assertEquals(1f, paper.threshold(new float[] { 1f, 0.1f, 0.1f }), 0f);
	}

	@Test
	void halfAngleRegionUsesQuantisedValuesStrictly() {
		// N = 10: 0.72 quantises to 0.7 < cos 45° ≈ 0.7071, so H = {1} only;
		// unquantised it would have been inside H.
		final float[] row = { 1f, 0.72f, 0, 0, 0, 0, 0, 0, 0, 0 };
		assertEquals(1f, paper.threshold(row), 0f);
		// 0.75 quantises to 0.7 as well (trunc 7.5 = 7): still outside.
		row[1] = 0.75f;
		assertEquals(1f, paper.threshold(row), 0f);
		// 0.81 quantises to 0.8 > 0.7071: H = {0.8, 1}, k = 1 → 1.
		row[1] = 0.81f;
		assertEquals(1f, paper.threshold(row), 0f);
	}

	@Test
	void neighbourhoodIncludesTiesInTheThresholdBin() {
		// Row 0 is the hand example above: th = 0.8, and 0.85, 0.9 (same bin
		// or above) are members, so |N(0)| = 3 rather than ⌊0.85·3⌋ = 2.
		final FeatureMatrix s = new FeatureMatrix(5, 5, new float[] { //
			1f, 0.9f, 0.85f, 0.2f, 0.1f, //
			0.9f, 1f, 0.95f, 0.2f, 0.1f, //
			0.85f, 0.95f, 1f, 0.2f, 0.1f, //
			0.2f, 0.2f, 0.2f, 1f, 0.1f, //
			0.1f, 0.1f, 0.1f, 0.1f, 1f });
		final Neighborhoods nb = paper.neighborhoods(s, Progress.none());
		assertEquals(0.8f, nb.threshold(0), 0f);
		assertArrayEquals(new int[] { 3, 3, 3, 1, 1 }, nb.sizes());
		assertEquals(0, nb.rowsWithoutHalfAngleRegion());
	}

	@Test
	void singleImageGuard() {
		// N = 1: q = [1], th_half = cos 0 = 1, H empty → th = max q.
		assertEquals(1f, paper.threshold(new float[] { 1f }), 0f);
		// A self-similarity just below 1 quantises to 0; still self only.
		final Neighborhoods nb = paper.neighborhoods(new FeatureMatrix(1, 1,
			new float[] { 0.99999994f }), Progress.none());
		assertEquals(0f, nb.threshold(0), 0f);
		assertArrayEquals(new int[] { 1 }, nb.sizes());
		assertEquals(1, nb.rowsWithoutHalfAngleRegion());
	}

	@Test
	void identicalEmbeddingsGuardMakesOneClass() {
		final float[] ones = new float[16];
		Arrays.fill(ones, 1f);
		final Neighborhoods nb = paper.neighborhoods(new FeatureMatrix(4, 4,
			ones), Progress.none());
		assertArrayEquals(new int[] { 4, 4, 4, 4 }, nb.sizes());
		assertEquals(4, nb.rowsWithoutHalfAngleRegion());
	}

	@Test
	void zeroRowGuardDoesNotCrash() {
		final Neighborhoods nb = paper.neighborhoods(new FeatureMatrix(2, 2,
			new float[] { 0, 0, 0, 1 }), Progress.none());
		// Row 0 (zero embedding) is flat: everything in its top bin 0.
		assertArrayEquals(new int[] { 2, 1 }, nb.sizes());
		assertEquals(1, nb.rowsWithoutHalfAngleRegion());
	}

	@Test
	void rejectsPercentileOutsideUnitInterval() {
		assertThrows(IllegalArgumentException.class,
			() -> new AdaptiveThreshold(0));
		assertThrows(IllegalArgumentException.class,
			() -> new AdaptiveThreshold(1.5));
		assertThrows(IllegalArgumentException.class,
			() -> new AdaptiveThreshold(Double.NaN));
		assertThrows(IllegalArgumentException.class, () -> paper.neighborhoods(
			new FeatureMatrix(1, 2, new float[2]), Progress.none()));
	}
}
