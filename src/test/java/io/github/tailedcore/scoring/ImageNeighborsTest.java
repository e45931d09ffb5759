package io.github.tailedcore.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.tailedcore.linalg.FeatureMatrix;
import io.github.tailedcore.memory.MemoryBank;

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

	/** Angles 2, 3, 7 | 77, 82, 117: the largest jump follows kind A. */
	@Test
	void theImagesBeforeTheLargestJumpInAngle() {
		assertArrayEquals(new int[] { 0, 1, 2 }, kinds().nearest(at(3), -1, 1));
		assertArrayEquals(new int[] { 0, 1, 2, 3 }, kinds().nearest(at(3), -1, 4),
			"at least K");
		assertArrayEquals(new int[] { 0, 1, 2, 3, 4, 5 }, kinds().nearest(at(3),
			-1, 40), "never more than there are");
		// angles 2, 3 | 37 | 73, 78, 83: the odd image is nearer than A
		assertArrayEquals(new int[] { 3, 4, 5 }, kinds().nearest(at(83), -1, 1));
	}

	/** One kind with an outlier: every image but the outlier. */
	@Test
	void oneKindGivesNearlyEveryImage() {
		final ImageNeighbors one = new ImageNeighbors(embeddings(0, 4, 8, 12, 16,
			20, 40));
		assertArrayEquals(new int[] { 0, 1, 2, 3, 4, 5 }, one.nearest(at(10), -1,
			1));
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
		assertArrayEquals(new int[] { 0, 1, 2, 3 }, kinds().rows(bank, at(83), -1,
			1));
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
