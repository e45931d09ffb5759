package io.github.tailedcore.ij;

import ij.gui.PolygonRoi;
import ij.gui.Roi;
import ij.gui.Wand;
import ij.process.ByteProcessor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The regions of an anomaly map at or above a threshold τ, as traced
 * outlines: one {@link PolygonRoi} ({@link Roi#TRACED_ROI}) per 8-connected
 * component of the pixels with score ≥ τ (NaN pixels never count).
 * <p>
 * Each outline is the component's outer boundary along pixel edges, traced
 * by ImageJ's {@link Wand} as the Wand tool and the particle analyzer do;
 * holes inside a component belong to its region, and a component lying in
 * another's hole gets its own outline. Regions come most anomalous first
 * (highest peak score; ties by position, top to bottom, left to right).
 * </p>
 */
public final class AnomalyRegions {

	private AnomalyRegions() {}

	/**
	 * @param map {@code width · height} scores, row-major, NaN where none
	 * @param threshold τ: pixels with score ≥ τ are anomalous
	 * @return the outlines, most anomalous first; empty if no pixel reaches τ
	 */
	public static List<PolygonRoi> outline(final float[] map, final int width,
		final int height, final double threshold)
	{
		if (map.length != width * height) throw new IllegalArgumentException(
			"A " + width + " x " + height + " map needs " + width * height +
				" values, got " + map.length + ".");
		final byte[] mask = new byte[map.length];
		for (int i = 0; i < map.length; i++)
			if (map[i] >= threshold) mask[i] = (byte) 255;
		final Wand wand = new Wand(new ByteProcessor(width, height, mask));
		final boolean[] seen = new boolean[map.length];
		final List<Region> regions = new ArrayList<>();
		for (int start = 0; start < map.length; start++) {
			if (mask[start] == 0 || seen[start]) continue;
			final float peak = fill(map, mask, seen, width, height, start);
			wand.autoOutline(start % width, start / width, 255.0, 255.0,
				Wand.EIGHT_CONNECTED);
			regions.add(new Region(peak, start, new PolygonRoi(Arrays.copyOf(
				wand.xpoints, wand.npoints), Arrays.copyOf(wand.ypoints,
					wand.npoints), wand.npoints, Roi.TRACED_ROI)));
		}
		regions.sort(Comparator.comparingDouble((Region r) -> -r.peak)
			.thenComparingInt(r -> r.start));
		final List<PolygonRoi> rois = new ArrayList<>();
		for (final Region r : regions)
			rois.add(r.roi);
		return rois;
	}

	/**
	 * Marks the 8-connected component holding {@code start} as seen and
	 * returns its highest score.
	 */
	private static float fill(final float[] map, final byte[] mask,
		final boolean[] seen, final int width, final int height, final int start)
	{
		int[] stack = new int[64];
		int top = 0;
		stack[top++] = start;
		seen[start] = true;
		float peak = map[start];
		while (top > 0) {
			final int p = stack[--top];
			peak = Math.max(peak, map[p]);
			final int px = p % width;
			final int py = p / width;
			for (int y = Math.max(py - 1, 0); y <= Math.min(py + 1, height -
				1); y++)
			{
				for (int x = Math.max(px - 1, 0); x <= Math.min(px + 1, width -
					1); x++)
				{
					final int q = y * width + x;
					if (mask[q] == 0 || seen[q]) continue;
					seen[q] = true;
					if (top == stack.length) stack = Arrays.copyOf(stack, 2 * top);
					stack[top++] = q;
				}
			}
		}
		return peak;
	}

	/** A component: its peak score, first pixel and outline. */
	private record Region(float peak, int start, PolygonRoi roi) {}
}
