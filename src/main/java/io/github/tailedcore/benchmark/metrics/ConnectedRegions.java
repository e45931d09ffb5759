package io.github.tailedcore.benchmark.metrics;

import io.github.tailedcore.benchmark.data.BinaryMask;

import java.util.Arrays;

/**
 * The connected regions of a defect mask, with 8-connectivity (pixels
 * touching at an edge or a corner belong together), as the MVTec AD
 * evaluation code labels ground-truth masks for the per-region overlap
 * ({@code scipy.ndimage.label} with a 3 × 3 structure of ones).
 */
public final class ConnectedRegions {

	private final int[] labels;
	private final int[] sizes;

	private ConnectedRegions(final int[] labels, final int[] sizes) {
		this.labels = labels;
		this.sizes = sizes;
	}

	/** Labels the regions of {@code mask} in scan order, 1, 2, …. */
	public static ConnectedRegions of(final BinaryMask mask) {
		final int w = mask.width();
		final int h = mask.height();
		final boolean[] on = mask.pixels();
		final int[] labels = new int[on.length];
		final int[] queue = new int[on.length];
		int[] sizes = new int[8];
		int count = 0;
		for (int start = 0; start < on.length; start++) {
			if (!on[start] || labels[start] != 0) continue;
			final int label = ++count;
			int head = 0;
			int tail = 0;
			queue[tail++] = start;
			labels[start] = label;
			while (head < tail) {
				final int i = queue[head++];
				final int x = i % w;
				final int y = i / w;
				for (int dy = -1; dy <= 1; dy++)
					for (int dx = -1; dx <= 1; dx++) {
						final int nx = x + dx;
						final int ny = y + dy;
						if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
						final int j = ny * w + nx;
						if (on[j] && labels[j] == 0) {
							labels[j] = label;
							queue[tail++] = j;
						}
					}
			}
			if (count > sizes.length) sizes = Arrays.copyOf(sizes, 2 *
				count);
			sizes[count - 1] = tail;
		}
		return new ConnectedRegions(labels, Arrays.copyOf(sizes, count));
	}

	/** Number of regions. */
	public int count() {
		return sizes.length;
	}

	/** Region of each pixel, 1…{@link #count()}, 0 outside the mask (shared). */
	public int[] labels() {
		return labels;
	}

	/** Number of pixels of region {@code label} (1-based). */
	public int size(final int label) {
		return sizes[label - 1];
	}
}
