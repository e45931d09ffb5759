package io.github.tailedcore.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tailedcore.linalg.FeatureMatrix;
import io.github.tailedcore.memory.MemoryBank;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** Which training images, and rows, class-aware scoring compares with. */
class ImageNeighborsTest {

	/**
	 * Training embeddings in the plane at the given angles; lengths differ,
	 * which the cosine ignores.
	 */
	private static FeatureMatrix embeddings(final double... degrees) {
		final float[] e = new float[2 * degrees.length];
		for (int i = 0; i < degrees.length; i++) {
			final double a = Math.toRadians(degrees[i]);
			e[2 * i] = (float) ((i + 1) * Math.cos(a));
			e[2 * i + 1] = (float) ((i + 1) * Math.sin(a));
		}
		return new FeatureMatrix(degrees.length, 2, e);
	}

	/** Kind A at 0°, 5°, 10°; kind B at 80°, 85°; an odd image at 120°. */
	private static ImageNeighbors kinds() {
		return new ImageNeighbors(embeddings(0, 5, 10, 80, 85, 120));
	}

	private static float[] at(final double degrees) {
		final double a = Math.toRadians(degrees);
		return new float[] { (float) Math.cos(a), (float) Math.sin(a) };
	}

	/** Nearest-neighbour angles 5°, 5°, 5°, 5°, 5°, 35°: s = 5°. */
	@Test
	void theSpacingIsTheMedianAngleToTheNearestOtherImage() {
		assertEquals(Math.toRadians(5), kinds().spacing(), 1e-6);
		assertEquals(Double.POSITIVE_INFINITY, new ImageNeighbors(embeddings(7))
			.spacing());
	}

	/**
	 * Angles 2, 3, 7 | 77, 82, 117: the first jump wider than 5° follows kind
	 * A. Angles 2, 3 | 37, 73, 78, 83: kind B, without the odd image.
	 */
	@Test
	void theImagesBeforeTheFirstJumpWiderThanTheSpacing() {
		assertArrayEquals(new int[] { 0, 1, 2 }, kinds().nearest(at(3), -1, 1));
		assertArrayEquals(new int[] { 0, 1, 2, 3 }, kinds().nearest(at(3), -1, 4),
			"at least K");
		assertArrayEquals(new int[] { 0, 1, 2, 3, 4, 5 }, kinds().nearest(at(3),
			-1, 40), "never more than there are");
		assertArrayEquals(new int[] { 3, 4 }, kinds().nearest(at(83), -1, 1));
	}

	/**
	 * The first rule takes the images before the largest jump: from 83°, the
	 * odd image at 120° is 34° away from B but A is 36° from the odd image.
	 */
	@Test
	void theLargestJumpRuleIsKept() {
		final ImageNeighbors largest = kinds().under(
			Scoring.CLASS_AWARE_LARGEST_JUMP);
		assertEquals(Scoring.CLASS_AWARE_LARGEST_JUMP, largest.rule());
		assertArrayEquals(new int[] { 3, 4, 5 }, largest.nearest(at(83), -1, 1));
		assertArrayEquals(new int[] { 0, 1, 2 }, largest.nearest(at(3), -1, 1));
		assertEquals(Scoring.CLASS_AWARE, largest.under(Scoring.CLASS_AWARE)
			.rule());
		assertThrows(IllegalArgumentException.class, () -> kinds().under(
			Scoring.GLOBAL));
	}

	/**
	 * One kind: a cloud of embeddings around one direction, as images of one
	 * product are. No image of the kind stands apart, so each image's
	 * neighbours are every training image, however many K asks for; the
	 * largest-jump rule cuts the same cloud short.
	 */
	@Test
	void oneKindGivesEveryImage() {
		final ImageNeighbors one = new ImageNeighbors(cloud(40, 1));
		final FeatureMatrix tests = cloud(20, 2);
		int shortOfAll = 0;
		for (int t = 0; t < tests.rows(); t++) {
			final float[] e = tests.row(t);
			for (final int k : new int[] { 1, 10 })
				assertEquals(40, one.nearest(e, -1, k).length, "test image " + t);
			assertEquals(39, one.nearest(e, 5, 1).length, "all but the excluded");
			if (one.under(Scoring.CLASS_AWARE_LARGEST_JUMP).nearest(e, -1,
				1).length < 40) shortOfAll++;
		}
		assertTrue(shortOfAll > 0, "the largest jump conditions on one kind");
	}

	/** n embeddings of 64 values: a common direction plus Gaussian spread. */
	static FeatureMatrix cloud(final int n, final long seed) {
		final Random random = new Random(seed);
		final float[] e = new float[n * 64];
		for (int i = 0; i < n; i++)
			for (int d = 0; d < 64; d++)
				e[i * 64 + d] = (d < 8 ? 1 : 0) + 0.15f * (float) random.nextGaussian();
		return new FeatureMatrix(n, 64, e);
	}

	@Test
	void theExcludedImageIsNeverANeighbor() {
		assertArrayEquals(new int[] { 0, 2 }, kinds().nearest(at(5), 1, 1));
	}

	@Test
	void imagesWithoutRowsGiveTheRowsOfTheNearestImageThatHasSome() {
		final MemoryBank bank = new MemoryBank(new FeatureMatrix(4, 1, new float[] {
			0, 1, 2, 3 }), null, 0, new int[] { 3, 5, 3, 4 });
		assertArrayEquals(new int[] { 0, 2 }, kinds().rows(bank, at(3), -1, 1),
			"A kept no row; image 3 of B has rows 0 and 2");
		assertArrayEquals(new int[] { 0, 2, 3 }, kinds().rows(bank, at(83), -1, 1),
			"B: images 3 and 4");
		assertArrayEquals(new int[] { 0, 1, 2, 3 }, kinds().rows(bank, at(83), -1,
			3), "and the odd image 5");
	}

	@Test
	void refusesWrongEmbeddings() {
		assertThrows(IllegalArgumentException.class, () -> kinds().nearest(
			new float[3], -1, 1));
		assertThrows(IllegalArgumentException.class, () -> kinds().nearest(
			new float[] { Float.NaN, 0 }, -1, 1));
		assertThrows(IllegalArgumentException.class, () -> kinds().nearest(at(3),
			-1, 0));
	}
}
