package io.github.tailedcore.benchmark.data;

/**
 * A defect mask: {@code true} where a pixel belongs to a defect, as stored
 * in MVTec's 0/255 {@code *_mask.png} files. Pixel (x, y) is
 * {@code pixels[y * width + x]}; the array is shared, not copied.
 *
 * @param width width in pixels
 * @param height height in pixels
 * @param pixels {@code width · height} flags
 */
public record BinaryMask(int width, int height, boolean[] pixels) {

	/** Checks that the flags fit the size. */
	public BinaryMask {
		if (width < 1 || height < 1 || pixels.length != width * height)
			throw new IllegalArgumentException("A " + width + " × " + height +
				" mask needs " + width * height + " flags, got " + pixels.length + ".");
	}

	/** An all-false mask, the truth of a defect-free image. */
	public static BinaryMask empty(final int width, final int height) {
		return new BinaryMask(width, height, new boolean[width * height]);
	}

	/** Number of defect pixels. */
	public int count() {
		int n = 0;
		for (final boolean p : pixels)
			if (p) n++;
		return n;
	}
}
