package io.github.tailedcore.tail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.tailedcore.Progress;
import io.github.tailedcore.linalg.FeatureMatrix;

import org.junit.jupiter.api.Test;

class HeadSeparationTest {

	/**
	 * Unit vectors at the given angles (degrees) in the plane, and their
	 * cosine similarities.
	 */
	private static FeatureMatrix similarities(final double... degrees) {
		final float[] data = new float[2 * degrees.length];
		for (int i = 0; i < degrees.length; i++) {
			data[2 * i] = (float) Math.cos(Math.toRadians(degrees[i]));
			data[2 * i + 1] = (float) Math.sin(Math.toRadians(degrees[i]));
		}
		return CosineSimilarity.of(new FeatureMatrix(degrees.length, 2, data));
	}

	/**
	 * A head spaced 10° apart (0°, 10°, 20°, 30°). A candidate at 45° lies 15°
	 * from the nearest head image, 1.5 spacings: it stays in the head. One at
	 * 80° lies 50° away, 5 spacings: it is separated. One at 70° lies 40° from
	 * the nearest head image (30°; the 80° image is a candidate, not head): 4
	 * spacings, separated.
	 */
	@Test
	void keepsTheCandidatesFarFromTheHeadAtItsSpacing() {
		final FeatureMatrix s = similarities(0, 10, 20, 30, 45, 70, 80);
		assertArrayEquals(new int[] { 5, 6 }, HeadSeparation.separated(s,
			new int[] { 4, 5, 6 }, Progress.none()));
	}

	/** The ratio λ = 2 is strict: 2.5 spacings separate, 1.9 do not. */
	@Test
	void ratioIsTwoSpacings() {
		assertArrayEquals(new int[] { 3 }, HeadSeparation.separated(similarities(
			0, 10, 20, 45), new int[] { 3 }, Progress.none()));
		assertArrayEquals(new int[0], HeadSeparation.separated(similarities(0,
			10, 20, 39), new int[] { 3 }, Progress.none()));
	}

	/** Without a head (every image a candidate) nothing is separated. */
	@Test
	void noHeadNoTail() {
		assertArrayEquals(new int[0], HeadSeparation.separated(similarities(0, 40,
			80), new int[] { 0, 1, 2 }, Progress.none()));
		assertArrayEquals(new int[0], HeadSeparation.separated(similarities(0, 40,
			80), new int[0], Progress.none()));
	}

	/**
	 * A head of identical images has the smallest spacing, 10⁻³ rad, not 0 and
	 * not the distance to another kind.
	 */
	@Test
	void identicalHeadImagesHaveTheSmallestSpacing() {
		final FeatureMatrix s = similarities(10, 10, 10, 80);
		assertEquals(HeadSeparation.MIN_SPACING, HeadSeparation.nearestAngle(s,
			0));
		assertArrayEquals(new int[] { 3 }, HeadSeparation.separated(s, new int[] {
			3 }, Progress.none()));
	}
}
