package io.github.tailedcore.preprocess;

/**
 * Stitches the maps of overlapping tiles into one map of the whole image
 * without seams: each tile's value is weighted by a window that is 1 in its
 * interior and falls linearly to near 0 over the last {@code ramp} pixels of
 * each edge, and every pixel is the weighted mean of the tiles covering it,
 * Σ<sub>t</sub> w<sub>t</sub> m<sub>t</sub> / Σ<sub>t</sub> w<sub>t</sub>.
 * <p>
 * The normalised weights sum to 1 at every pixel, so a constant map stays
 * that constant; where only one tile covers a pixel (the image's border),
 * that tile's value is taken whatever its weight. Tile edges, where the
 * backbone saw the zero padding of its convolutions, count least where a
 * neighbour covers the same pixels.
 * </p>
 */
public final class TileBlend {

	private final int width;
	private final int height;
	private final TileGrid grid;
	private final float[] window;
	private final float[] sum;
	private final float[] weights;

	/**
	 * @param width image width
	 * @param height image height
	 * @param ramp pixels over which a tile's weight falls at each edge (≥ 1)
	 */
	public TileBlend(final int width, final int height, final TileGrid grid,
		final int ramp)
	{
		this.width = width;
		this.height = height;
		this.grid = grid;
		window = window(grid.tile(), Math.max(1, ramp));
		sum = new float[Math.multiplyExact(width, height)];
		weights = new float[sum.length];
	}

	/** The 1-D window: min(1, (i + ½) / ramp, (tile − i − ½) / ramp). */
	static float[] window(final int tile, final int ramp) {
		final float[] w = new float[tile];
		for (int i = 0; i < tile; i++)
			w[i] = (float) Math.min(1, Math.min((i + 0.5) / ramp, (tile - i - 0.5) /
				ramp));
		return w;
	}

	/** The weight of pixel (x, y) of a tile. */
	float weight(final int x, final int y) {
		return window[x] * window[y];
	}

	/**
	 * Adds the map of tile {@code k}.
	 *
	 * @param map tile × tile values, row-major
	 */
	public void add(final int k, final float[] map) {
		final int t = grid.tile();
		if (map.length != t * t) throw new IllegalArgumentException("A " + t +
			" px tile map needs " + t * t + " values, got " + map.length + ".");
		final int x0 = grid.x(k);
		final int y0 = grid.y(k);
		for (int y = 0; y < t; y++) {
			final int row = (y0 + y) * width + x0;
			for (int x = 0; x < t; x++) {
				final float w = weight(x, y);
				sum[row + x] += w * map[y * t + x];
				weights[row + x] += w;
			}
		}
	}

	/**
	 * The blended map, width × height values, row-major; NaN where no tile
	 * was added. Computed in place (a 4096² map is 64 MB): call it once, after
	 * the last tile.
	 */
	public float[] map() {
		for (int i = 0; i < sum.length; i++)
			sum[i] = weights[i] > 0 ? sum[i] / weights[i] : Float.NaN;
		return sum;
	}

	/** Image width. */
	public int width() {
		return width;
	}

	/** Image height. */
	public int height() {
		return height;
	}
}
