package io.github.tailedcore.scoring;

/**
 * The scores of one test image, immutable: the patch scores s(h, w) on the
 * feature grid, the memory vector nearest to each patch, the image score
 * max<sub>h,w</sub> s with the grid location where it is reached, and the
 * anomaly map on the input crop.
 * <p>
 * Scores are squared L2 distances (times the nearest item's weight for
 * SoftPatch), so they are ≥ 0 and have no upper bound; compare them with a
 * {@link io.github.tailedcore.Threshold} fitted on the same model. Accessors
 * return copies of the arrays.
 * </p>
 */
public final class AnomalyResult {

	private final int gridHeight;
	private final int gridWidth;
	private final float[] patchScores;
	private final int[] nearestIndices;
	private final int mapSize;
	private final float[] map;
	private final int maxLocation;

	/**
	 * @param gridHeight patch rows h
	 * @param gridWidth patch columns w
	 * @param patchScores s, h × w values, row-major (copied)
	 * @param nearestIndices the nearest memory row of each patch (copied)
	 * @param mapSize side of the square anomaly map
	 * @param map mapSize × mapSize values, row-major (copied)
	 */
	public AnomalyResult(final int gridHeight, final int gridWidth,
		final float[] patchScores, final int[] nearestIndices, final int mapSize,
		final float[] map)
	{
		final int locations = gridHeight * gridWidth;
		if (gridHeight < 1 || gridWidth < 1 || patchScores.length != locations ||
			nearestIndices.length != locations) throw new IllegalArgumentException(
				"A " + gridHeight + " × " + gridWidth + " grid needs " + locations +
					" patch scores and nearest indices, got " + patchScores.length +
					" and " + nearestIndices.length + ".");
		if (mapSize < 1 || map.length != mapSize * mapSize)
			throw new IllegalArgumentException("A " + mapSize + " × " + mapSize +
				" anomaly map needs " + mapSize * mapSize + " values, got " +
				map.length + ".");
		this.gridHeight = gridHeight;
		this.gridWidth = gridWidth;
		this.patchScores = patchScores.clone();
		this.nearestIndices = nearestIndices.clone();
		this.mapSize = mapSize;
		this.map = map.clone();
		this.maxLocation = argMax(this.patchScores);
	}

	/**
	 * The image score max<sub>h,w</sub> s(h, w); NaN if any patch score is NaN
	 * (as numpy's {@code max}).
	 */
	public float imageScore() {
		return patchScores[maxLocation];
	}

	/** The patch scores s, h × w values, row-major. */
	public float[] patchScores() {
		return patchScores.clone();
	}

	/** The nearest memory row of each patch, h × w values, row-major. */
	public int[] nearestIndices() {
		return nearestIndices.clone();
	}

	/** Patch rows h of the grid. */
	public int gridHeight() {
		return gridHeight;
	}

	/** Patch columns w of the grid. */
	public int gridWidth() {
		return gridWidth;
	}

	/** Location p = y · w + x of the image score (the first on ties). */
	public int maxLocation() {
		return maxLocation;
	}

	/** Grid row y of the image score. */
	public int maxRow() {
		return maxLocation / gridWidth;
	}

	/** Grid column x of the image score. */
	public int maxColumn() {
		return maxLocation % gridWidth;
	}

	/** Side of the square anomaly map in pixels (the crop size). */
	public int mapSize() {
		return mapSize;
	}

	/** The anomaly map, mapSize × mapSize values, row-major. */
	public float[] map() {
		return map.clone();
	}

	/** First location of the maximum, or of the first NaN if there is one. */
	private static int argMax(final float[] scores) {
		int best = 0;
		for (int p = 0; p < scores.length; p++) {
			if (Float.isNaN(scores[p])) return p;
			if (scores[p] > scores[best]) best = p;
		}
		return best;
	}
}
