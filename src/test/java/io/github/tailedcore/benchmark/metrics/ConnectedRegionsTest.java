package io.github.tailedcore.benchmark.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.tailedcore.benchmark.data.BinaryMask;

import org.junit.jupiter.api.Test;

class ConnectedRegionsTest {

	@Test
	void diagonalNeighboursBelongTogether() {
		// X . . X
		// . X . X
		// . . . .
		// X X . .
		final ConnectedRegions r = ConnectedRegions.of(mask(4, "X..X", ".X.X",
			"....", "XX.."));
		assertEquals(3, r.count());
		assertArrayEquals(new int[] { 1, 0, 0, 2, 0, 1, 0, 2, 0, 0, 0, 0, 3, 3, 0,
			0 }, r.labels());
		assertEquals(2, r.size(1));
		assertEquals(2, r.size(2));
		assertEquals(2, r.size(3));
	}

	@Test
	void aUShapeIsOneRegionAndAnEmptyMaskNone() {
		final ConnectedRegions u = ConnectedRegions.of(mask(3, "X.X", "X.X",
			"XXX"));
		assertEquals(1, u.count());
		assertEquals(7, u.size(1));
		assertEquals(0, ConnectedRegions.of(BinaryMask.empty(5, 4)).count());
	}

	/** A mask from rows of 'X' (defect) and '.'. */
	static BinaryMask mask(final int width, final String... rows) {
		final boolean[] p = new boolean[width * rows.length];
		for (int y = 0; y < rows.length; y++)
			for (int x = 0; x < width; x++)
				p[y * width + x] = rows[y].charAt(x) == 'X';
		return new BinaryMask(width, rows.length, p);
	}
}
