package io.github.tailedcore.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.gui.PolygonRoi;
import ij.gui.Roi;

import java.awt.Polygon;
import java.awt.Rectangle;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Connected components of tiny maps drawn by hand. */
class AnomalyRegionsTest {

	@Test
	void outlinesEachComponentMostAnomalousFirst() {
		final float[] map = new float[10 * 8];
		fill(map, 10, 1, 1, 2, 2, 3); // peak 3, top left
		fill(map, 10, 6, 4, 3, 2, 5); // peak 5
		final List<PolygonRoi> rois = AnomalyRegions.outline(map, 10, 8, 1);
		assertEquals(2, rois.size());
		assertEquals(new Rectangle(6, 4, 3, 2), rois.get(0).getBounds());
		assertEquals(new Rectangle(1, 1, 2, 2), rois.get(1).getBounds());
		assertEquals(Roi.TRACED_ROI, rois.get(0).getType());
		// a rectangle traced along pixel edges has its 4 corners
		assertCorners(rois.get(0), 6, 4, 9, 4, 9, 6, 6, 6);
	}

	@Test
	void thresholdIsInclusive() {
		final float[] map = { 0, 2, 0, 1.999f };
		assertEquals(1, AnomalyRegions.outline(map, 2, 2, 2).size());
	}

	@Test
	void diagonalNeighboursAreOneRegion() {
		final float[] map = { 1, 0, 0, //
			0, 1, 0, //
			0, 0, 1 };
		final List<PolygonRoi> rois = AnomalyRegions.outline(map, 3, 3, 1);
		assertEquals(1, rois.size());
		assertEquals(new Rectangle(0, 0, 3, 3), rois.get(0).getBounds());
	}

	/** A ring is one outline (its hole inside); a blob in the hole is another. */
	@Test
	void aRingAndTheBlobInItsHole() {
		final float[] map = new float[9 * 9];
		fill(map, 9, 1, 1, 7, 7, 2);
		fill(map, 9, 2, 2, 5, 5, 0);
		fill(map, 9, 4, 4, 1, 1, 4);
		final List<PolygonRoi> rois = AnomalyRegions.outline(map, 9, 9, 1);
		assertEquals(2, rois.size());
		assertEquals(new Rectangle(4, 4, 1, 1), rois.get(0).getBounds());
		assertCorners(rois.get(1), 1, 1, 8, 1, 8, 8, 1, 8);
	}

	@Test
	void nanNeverCounts() {
		final float[] map = new float[4];
		Arrays.fill(map, Float.NaN);
		assertTrue(AnomalyRegions.outline(map, 2, 2, -1e9).isEmpty());
	}

	@Test
	void refusesAMapOfTheWrongSize() {
		assertThrows(IllegalArgumentException.class, () -> AnomalyRegions
			.outline(new float[5], 2, 2, 0));
	}

	private static void fill(final float[] map, final int width, final int x0,
		final int y0, final int w, final int h, final float value)
	{
		for (int y = y0; y < y0 + h; y++)
			for (int x = x0; x < x0 + w; x++)
				map[y * width + x] = value;
	}

	/** The polygon's vertices are exactly these corners, in any order. */
	private static void assertCorners(final PolygonRoi roi, final int... xy) {
		final Polygon p = roi.getPolygon();
		assertEquals(xy.length / 2, p.npoints, "vertices");
		for (int i = 0; i < xy.length; i += 2) {
			boolean found = false;
			for (int k = 0; k < p.npoints; k++)
				found |= p.xpoints[k] == xy[i] && p.ypoints[k] == xy[i + 1];
			assertTrue(found, "corner (" + xy[i] + ", " + xy[i + 1] + ")");
		}
	}
}
