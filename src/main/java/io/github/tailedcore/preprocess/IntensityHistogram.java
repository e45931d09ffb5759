package io.github.tailedcore.preprocess;

import io.github.tailedcore.image.RasterImage;

/**
 * A histogram of grey values on the readers' 0–255 scale, with one bin per
 * level of a 16-bit image (65536 bins of 255 / 65535), from which
 * percentiles of many images' pixels are read without holding the pixels.
 * All channels count alike.
 */
public final class IntensityHistogram {

	private static final int BINS = 65536;
	private static final double BIN = 255.0 / (BINS - 1);

	private final long[] counts = new long[BINS];
	private long total;

	/** Counts every value of every channel (clipped to 0–255; NaN ignored). */
	public void add(final RasterImage image) {
		for (int c = 0; c < image.channels(); c++)
			for (final float v : image.plane(c)) {
				if (Float.isNaN(v)) continue;
				counts[(int) Math.round(Math.min(255, Math.max(0, v)) / BIN)]++;
				total++;
			}
	}

	/**
	 * The value below which {@code percent} % of the counted values lie
	 * (the centre of the bin reached), 0 if nothing was counted.
	 */
	public double percentile(final double percent) {
		if (total == 0) return 0;
		final double rank = percent / 100 * (total - 1);
		long seen = 0;
		for (int b = 0; b < BINS; b++) {
			seen += counts[b];
			if (seen > rank) return b * BIN;
		}
		return 255;
	}
}
