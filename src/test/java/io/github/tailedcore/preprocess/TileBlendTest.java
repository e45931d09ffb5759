package io.github.tailedcore.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** Overlap weights sum to 1 and a stitched constant is that constant. */
class TileBlendTest {

	private static final int TILE = 32;

	@Test
	void normalisedWeightsSumToOneAtEveryPixel() {
		final TileGrid grid = new TileGrid(100, 70, TILE, 8);
		final TileBlend blend = new TileBlend(100, 70, grid, 8);
		final double[] total = new double[100 * 70];
		final double[] weights = new double[total.length];
		for (int k = 0; k < grid.count(); k++)
			for (int y = 0; y < TILE; y++)
				for (int x = 0; x < TILE; x++)
					weights[(grid.y(k) + y) * 100 + grid.x(k) + x] += blend.weight(x, y);
		for (int k = 0; k < grid.count(); k++)
			for (int y = 0; y < TILE; y++)
				for (int x = 0; x < TILE; x++) {
					final int i = (grid.y(k) + y) * 100 + grid.x(k) + x;
					total[i] += blend.weight(x, y) / weights[i];
				}
		for (int i = 0; i < total.length; i++)
			assertEquals(1, total[i], 1e-9, "pixel " + i);
	}

	@Test
	void stitchedConstantIsTheConstant() {
		final TileGrid grid = new TileGrid(150, 97, TILE, 8);
		final TileBlend blend = new TileBlend(150, 97, grid, 8);
		final float[] tile = new float[TILE * TILE];
		Arrays.fill(tile, 2.5f);
		for (int k = 0; k < grid.count(); k++)
			blend.add(k, tile);
		for (final float v : blend.map())
			assertEquals(2.5f, v, 1e-6f);
	}

	@Test
	void blendsLinearlyAcrossAnOverlap() {
		// two tiles side by side, overlapping by 16 px: 0 on the left, 1 on the
		// right; in the overlap the value rises monotonically from 0 to 1
		final TileGrid grid = new TileGrid(48, TILE, TILE, 16);
		assertEquals(2, grid.count());
		final TileBlend blend = new TileBlend(48, TILE, grid, 16);
		blend.add(0, new float[TILE * TILE]);
		final float[] ones = new float[TILE * TILE];
		Arrays.fill(ones, 1);
		blend.add(1, ones);
		final float[] map = blend.map();
		assertEquals(0, map[0]);
		assertEquals(1, map[47]);
		for (int x = 1; x < 48; x++)
			assertTrue(map[x] >= map[x - 1], "x = " + x);
		assertEquals(0.5f, (map[23] + map[24]) / 2, 1e-6f);
	}
}
