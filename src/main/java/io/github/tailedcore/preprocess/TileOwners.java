package io.github.tailedcore.preprocess;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The image each unit of a fit belongs to: a tiled fit's units are tiles,
 * tile u of image i when {@code first[i] ≤ u < first[i + 1]}; an untiled
 * fit's units are its images. What leaves "one image out" must leave out
 * all of that image's tiles, or its overlapping neighbours vouch for the
 * tile left out.
 */
public final class TileOwners {

	private final int[] first;
	private final int[] owner;

	/**
	 * @param first the first tile of each image, and the tile count last:
	 *          starts at 0, strictly increasing
	 * @throws IllegalArgumentException otherwise
	 */
	public TileOwners(final int[] first) {
		if (first.length < 1 || first[0] != 0) throw new IllegalArgumentException(
			"The first tiles must start at 0, got " + Arrays.toString(first) + ".");
		for (int i = 1; i < first.length; i++)
			if (first[i] <= first[i - 1]) throw new IllegalArgumentException(
				"Every image needs at least one tile, got first tiles " + Arrays
					.toString(first) + ".");
		this.first = first.clone();
		owner = new int[first[first.length - 1]];
		for (int i = 0; i + 1 < first.length; i++)
			Arrays.fill(owner, first[i], first[i + 1], i);
	}

	/** One unit per image: {@code n} untiled images. */
	public static TileOwners untiled(final int n) {
		return new TileOwners(IntStream.rangeClosed(0, n).toArray());
	}

	/** Number of images. */
	public int imageCount() {
		return first.length - 1;
	}

	/** Number of tiles (units) of all images. */
	public int tileCount() {
		return owner.length;
	}

	/** The image tile {@code u} belongs to. */
	public int owner(final int u) {
		return owner[u];
	}

	/** The image of each given tile. */
	public int[] owners(final int[] tiles) {
		return Arrays.stream(tiles).map(u -> owner[u]).toArray();
	}

	/** The first tile of image {@code i}. */
	public int first(final int i) {
		return first[i];
	}

	/** One past the last tile of image {@code i}. */
	public int end(final int i) {
		return first[i + 1];
	}

	/** Every tile of the given images, image after image. */
	public int[] tilesOf(final int[] images) {
		return Arrays.stream(images).flatMap(i -> IntStream.range(first[i],
			first[i + 1])).toArray();
	}
}
