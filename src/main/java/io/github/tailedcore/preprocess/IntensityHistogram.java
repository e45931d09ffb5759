package io.github.tailedcore.preprocess;

import io.github.tailedcore.image.RasterImage;

import java.util.Arrays;

/**
 * A histogram of grey values, from which percentiles of many images' pixels
 * are read without holding the pixels, whatever their scale: the 0–255 of
 * integer data or 32-bit data's own values (0–1, negative, thousands).
 * <p>
 * Its {@value #BINS} bins split the float line by the values' bit patterns
 * (sign, exponent and the 11 leading bits of the mantissa), so each is at
 * most 2<sup>−11</sup> of its values' magnitude wide, at any scale; each
 * bin keeps its least value, which a percentile gives back. Values that
 * differ by at least 2<sup>−11</sup> of the smaller never share a bin
 * (every level of 8-bit data, on the 0–255 scale or divided by 255 as 0–1
 * data; every integer below 4096), so their percentiles are exact pixel
 * values; any other percentile is within 2<sup>−11</sup> of its magnitude
 * of the exact one. All channels count alike; NaN and infinite values are
 * left out.
 * </p>
 */
public final class IntensityHistogram {

	/** Bits of a float's pattern dropped: 23 − 11 of the mantissa. */
	private static final int DROPPED_BITS = 12;
	static final int BINS = 1 << (32 - DROPPED_BITS);

	private final long[] counts = new long[BINS];
	private final float[] least = new float[BINS];
	private long total;
	private int images;
	private int floatingPointImages;

	public IntensityHistogram() {
		Arrays.fill(least, Float.POSITIVE_INFINITY);
	}

	/** Counts every finite value of every channel. */
	public void add(final RasterImage image) {
		images++;
		if (image.floatingPoint()) floatingPointImages++;
		for (int c = 0; c < image.channels(); c++)
			for (final float v : image.plane(c)) {
				if (!Float.isFinite(v)) continue;
				final int b = bin(v);
				counts[b]++;
				if (v < least[b]) least[b] = v;
				total++;
			}
	}

	/**
	 * The bin of a value: its bit pattern made monotone (negative values'
	 * bits flipped, the sign bit flipped), less its last bits.
	 */
	private static int bin(final float v) {
		final int bits = Float.floatToIntBits(v);
		final int ordered = bits ^ (bits >> 31 | Integer.MIN_VALUE);
		return ordered >>> DROPPED_BITS;
	}

	/**
	 * The least value of the bin where {@code percent} % of the counted
	 * values are reached, 0 if nothing was counted.
	 */
	public double percentile(final double percent) {
		if (total == 0) return 0;
		final double rank = percent / 100 * (total - 1);
		long seen = 0;
		for (int b = 0; b < BINS; b++) {
			seen += counts[b];
			if (seen > rank) return least[b];
		}
		throw new AssertionError("The counts add up to " + total + ".");
	}

	/**
	 * Whether every image counted was 32-bit data, whose values are on no
	 * scale a bit depth gives; false if none was counted.
	 */
	public boolean floatingPoint() {
		return images > 0 && floatingPointImages == images;
	}
}
