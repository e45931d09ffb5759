package io.github.tailedcore.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.tailedcore.linalg.FeatureMatrix;
import io.github.tailedcore.memory.MemoryBank;

import org.junit.jupiter.api.Test;

/** Which training images, and rows, class-aware scoring compares with. */
class ImageNeighborsTest {

	/**
	 * Six training embeddings in the plane at angles 0°, 10°, 20° (one kind)
	 * and 90°, 100°, 170° (others); lengths differ, cosine ignores them.
	 */
	private static FeatureMatrix embeddings() {
		final double[] degrees = { 0, 10, 20, 90, 100, 170 };
		final float[] e = new float[12];
		for (int i = 0; i < 6; i++) {
			final double a = Math.toRadians(degrees[i]);
			e[2 * i] = (float) ((i + 1) * Math.cos(a));
			e[2 * i + 1] = (float) ((i + 1) * Math.sin(a));
		}
		return new FeatureMatrix(6, 2, e);
	}

	private static float[] at(final double degrees) {
		final double a = Math.toRadians(degrees);
		return new float[] { (float) Math.cos(a), (float) Math.sin(a) };
	}

	@Test
	void theKNearestByCosineAscending() {
		final ImageNeighbors n = new ImageNeighbors(embeddings(), null, 0.85);
		assertArrayEquals(new int[] { 1 }, n.nearest(at(12), -1, 1));
		assertArrayEquals(new int[] { 0, 1, 2 }, n.nearest(at(12), -1, 3));
		assertArrayEquals(new int[] { 3, 4 }, n.nearest(at(97), -1, 2));
		assertArrayEquals(new int[] { 0, 1, 2, 3, 4, 5 }, n.nearest(at(12), -1,
			40), "never more than there are");
	}

	@Test
	void theExcludedImageIsNeverANeighbor() {
		final ImageNeighbors n = new ImageNeighbors(embeddings(), null, 0.85);
		assertArrayEquals(new int[] { 0, 2 }, n.nearest(embeddings().row(1), 1,
			2));
	}

	/** κ̃ = 3 of the nearest image: ⌈3 / 0.75⌉ = 4 images, more than K = 1. */
	@Test
	void theClassSizeOfTheNearestExtendsK() {
		final ImageNeighbors n = new ImageNeighbors(embeddings(), new int[] { 3, 3,
			3, 1, 1, 1 }, 0.75);
		assertArrayEquals(new int[] { 0, 1, 2, 3 }, n.nearest(at(5), -1, 1));
		assertArrayEquals(new int[] { 3, 4 }, n.nearest(at(101), -1, 1),
			"κ = 1: ⌈1 / 0.75⌉ = 2");
	}

	@Test
	void imagesWithoutRowsGiveTheRowsOfTheNearestImageThatHasSome() {
		final ImageNeighbors n = new ImageNeighbors(embeddings(), null, 0.85);
		final MemoryBank bank = new MemoryBank(new FeatureMatrix(4, 1, new float[] {
			0, 1, 2, 3 }), null, 0, new int[] { 3, 5, 3, 0 });
		assertArrayEquals(new int[] { 3 }, n.rows(bank, at(12), -1, 2),
			"images 1 and 2 kept no row; image 0 has row 3");
		assertArrayEquals(new int[] { 0, 2 }, n.rows(bank, at(95), -1, 1));
		assertArrayEquals(new int[] { 0, 1, 2 }, n.rows(bank, at(95), -1, 4));
	}

	@Test
	void refusesWrongEmbeddings() {
		final ImageNeighbors n = new ImageNeighbors(embeddings(), null, 0.85);
		assertThrows(IllegalArgumentException.class, () -> n.nearest(new float[3],
			-1, 1));
		assertThrows(IllegalArgumentException.class, () -> n.nearest(new float[] {
			Float.NaN, 0 }, -1, 1));
		assertThrows(IllegalArgumentException.class, () -> new ImageNeighbors(
			embeddings(), new int[2], 0.85));
	}
}
