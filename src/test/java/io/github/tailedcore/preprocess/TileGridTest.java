package io.github.tailedcore.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Tile origins cover the image, overlap at least as asked, and stay inside. */
class TileGridTest {

	@Test
	void originsWorkedByHand() {
		// 600 px, tiles of 224 overlapping by at least 32: ⌈568 / 192⌉ = 3
		// tiles at 0, 188, 376 (the last ends at 600)
		assertArrayEquals(new int[] { 0, 188, 376 }, TileGrid.origins(600, 224,
			32));
		assertArrayEquals(new int[] { 0 }, TileGrid.origins(224, 224, 32));
		assertArrayEquals(new int[] { 0, 1 }, TileGrid.origins(225, 224, 32));
	}

	@Test
	void tilesCoverEveryPixelAndOverlapEnough() {
		for (final int length : new int[] { 224, 225, 300, 415, 416, 417, 1000,
			2048, 4096 })
			for (final int overlap : new int[] { 0, 16, 32, 112 }) {
				final int[] o = TileGrid.origins(length, 224, overlap);
				final int[] covered = new int[length];
				for (final int x : o)
					for (int i = x; i < x + 224; i++)
						covered[i]++;
				for (int i = 0; i < length; i++)
					assertTrue(covered[i] >= 1, length + "/" + overlap + ": pixel " + i);
				assertEquals(0, o[0]);
				assertEquals(length - 224, o[o.length - 1]);
				for (int i = 1; i < o.length; i++)
					assertTrue(o[i - 1] + 224 - o[i] >= overlap, length + "/" + overlap +
						": tiles " + (i - 1) + " and " + i + " overlap too little");
			}
	}

	@Test
	void countsTilesRowAfterRow() {
		final TileGrid g = new TileGrid(600, 300, 224, 32);
		assertEquals(6, g.count());
		assertEquals(188, g.x(1));
		assertEquals(0, g.y(1));
		assertEquals(0, g.x(3));
		assertEquals(76, g.y(3));
	}

	@Test
	void refusesBadSizes() {
		assertThrows(IllegalArgumentException.class, () -> new TileGrid(200, 300,
			224, 32));
		assertThrows(IllegalArgumentException.class, () -> new TileGrid(300, 300,
			224, 113));
	}
}
