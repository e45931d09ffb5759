package io.github.tailedcore.benchmark.synthetic;

import io.github.tailedcore.image.RasterImage;

import java.util.SplittableRandom;

/**
 * Defect-free samples of a tileable pattern: the pattern repeated without
 * seams, shifted by a random offset, flipped at random horizontally and
 * vertically, and re-lit by a small random gain ({@value #GAIN_RANGE}
 * either side of 1) and offset ({@value #OFFSET_RANGE} grey levels either
 * side of 0). Values are rounded to whole grey levels, so a sample is
 * exactly what its 8-bit PNG file holds.
 */
public final class TileSampler {

	/** Largest relative change of contrast. */
	public static final double GAIN_RANGE = 0.08;

	/** Largest change of brightness, in grey levels. */
	public static final double OFFSET_RANGE = 8;

	private final RasterImage tile;

	/** Samples of {@code tile}, which should repeat without seams. */
	public TileSampler(final RasterImage tile) {
		this.tile = tile;
	}

	/** The pattern. */
	public RasterImage tile() {
		return tile;
	}

	/** One defect-free sample of {@code width × height} pixels. */
	public RasterImage sample(final int width, final int height,
		final SplittableRandom random)
	{
		final int tw = tile.width();
		final int th = tile.height();
		final int dx = random.nextInt(tw);
		final int dy = random.nextInt(th);
		final boolean flipX = random.nextBoolean();
		final boolean flipY = random.nextBoolean();
		final double gain = 1 + GAIN_RANGE * (2 * random.nextDouble() - 1);
		final double offset = OFFSET_RANGE * (2 * random.nextDouble() - 1);
		final float[][] planes = new float[tile.channels()][width * height];
		for (int c = 0; c < planes.length; c++)
			for (int y = 0; y < height; y++) {
				final int ty = Math.floorMod((flipY ? height - 1 - y : y) + dy, th);
				for (int x = 0; x < width; x++) {
					final int tx = Math.floorMod((flipX ? width - 1 - x : x) + dx, tw);
					planes[c][y * width + x] = level(gain * tile.get(c, tx, ty) + offset);
				}
			}
		return new RasterImage(width, height, planes);
	}

	/** {@code v} rounded to a whole grey level in 0–255. */
	static float level(final double v) {
		return (float) Math.max(0, Math.min(255, Math.rint(v)));
	}
}
