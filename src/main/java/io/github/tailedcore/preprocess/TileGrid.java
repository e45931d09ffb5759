package io.github.tailedcore.preprocess;

/**
 * Where the overlapping square tiles of an image lie: along each axis of
 * {@code length} pixels, {@code n = ⌈(length − overlap) / (tile − overlap)⌉}
 * tiles of {@code tile} pixels, the first at 0, the last ending at the
 * image's edge, the others spread evenly in between, so that neighbours
 * overlap by at least {@code overlap} pixels and every pixel is covered.
 */
public final class TileGrid {

	private final int tile;
	private final int[] xs;
	private final int[] ys;

	/**
	 * @param width image width, at least {@code tile}
	 * @param height image height, at least {@code tile}
	 * @param tile side of a tile
	 * @param overlap smallest overlap of neighbours, in [0, tile / 2]
	 */
	public TileGrid(final int width, final int height, final int tile,
		final int overlap)
	{
		if (tile < 1 || overlap < 0 || 2 * overlap > tile)
			throw new IllegalArgumentException("Tiles of " + tile +
				" px need an overlap between 0 and half a tile, got " + overlap + ".");
		if (width < tile || height < tile) throw new IllegalArgumentException(
			"A " + width + " × " + height + " image is smaller than one " + tile +
				" px tile.");
		this.tile = tile;
		xs = origins(width, tile, overlap);
		ys = origins(height, tile, overlap);
	}

	/** Tile origins along an axis of {@code length} pixels. */
	static int[] origins(final int length, final int tile, final int overlap) {
		final int n = length <= tile ? 1 : (int) Math.ceil((double) (length -
			overlap) / (tile - overlap));
		final int[] out = new int[n];
		for (int i = 1; i < n; i++)
			out[i] = (int) Math.round((double) i * (length - tile) / (n - 1));
		return out;
	}

	/** Side of a tile in pixels. */
	public int tile() {
		return tile;
	}

	/** Number of tiles, row after row. */
	public int count() {
		return xs.length * ys.length;
	}

	/** Left edge of tile {@code k}. */
	public int x(final int k) {
		return xs[k % xs.length];
	}

	/** Top edge of tile {@code k}. */
	public int y(final int k) {
		return ys[k / xs.length];
	}
}
