package io.github.tailedcore.scoring;

import io.github.tailedcore.TailedCoreModel;
import io.github.tailedcore.feature.FeatureGrid;
import io.github.tailedcore.linalg.FeatureMatrix;
import io.github.tailedcore.memory.MemoryBank;
import io.github.tailedcore.search.BruteForceSearch;
import io.github.tailedcore.search.NearestNeighborSearch;
import io.github.tailedcore.search.NearestNeighborSearches;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Scores test images against a memory bank M (spec §7,
 * {@code AATailedPatch._get_scores}):
 * <ul>
 * <li>patch score s(h, w) = min<sub>m∈M</sub> ‖f(h, w) − m‖², the
 * <em>squared</em> L2 distance to the nearest memory vector, multiplied by
 * that vector's weight when the bank is weighted (SoftPatch);</li>
 * <li>image score = max<sub>h,w</sub> s(h, w);</li>
 * <li>anomaly map = Gaussian(σ) of s upsampled bilinearly to the crop
 * ({@link AnomalyMapGenerator}).</li>
 * </ul>
 * Thread-safe if its {@link NearestNeighborSearch} is.
 */
public final class AnomalyScorer {

	private final MemoryBank memory;
	private final NearestNeighborSearch search;
	private final FeatureGrid grid;
	private final AnomalyMapGenerator maps;

	/**
	 * A scorer that searches the bank with the fastest exact search this JVM
	 * can run ({@link NearestNeighborSearches#fastest}; the reference,
	 * {@link BruteForceSearch}, is many times slower).
	 */
	public AnomalyScorer(final MemoryBank memory, final FeatureGrid grid,
		final double sigma)
	{
		this(memory, NearestNeighborSearches.fastest(memory.vectors()), grid,
			sigma);
	}

	/**
	 * @param memory the memory bank M (and its weights, if any)
	 * @param search a search over {@code memory.vectors()}, row for row
	 * @param grid the patch grid of the images to be scored
	 * @param sigma Gaussian σ of the map, in crop pixels (0 = no smoothing)
	 */
	public AnomalyScorer(final MemoryBank memory,
		final NearestNeighborSearch search, final FeatureGrid grid,
		final double sigma)
	{
		if (search.size() != memory.size() || search.dims() != memory.dims())
			throw new IllegalArgumentException("The search holds " + search.size() +
				" vectors of " + search.dims() + " dims but the memory bank " +
				memory.size() + " of " + memory.dims() + "; build it on the bank.");
		if (grid.dims() != memory.dims()) throw new IllegalArgumentException(
			"Memory vectors of " + memory.dims() + " dims do not fit the " + grid +
				" grid.");
		this.memory = memory;
		this.search = search;
		this.grid = grid;
		this.maps = new AnomalyMapGenerator(grid.cropSize(), sigma);
	}

	/**
	 * A scorer for a fitted model, with the model's σ and the fastest exact
	 * search this JVM can run ({@link NearestNeighborSearches#fastest}).
	 */
	public static AnomalyScorer of(final TailedCoreModel model) {
		return new AnomalyScorer(model.memory(), model.grid(), model.settings()
			.gaussianSigma());
	}

	/** The patch grid images must have. */
	public FeatureGrid grid() {
		return grid;
	}

	/**
	 * Scores one image.
	 *
	 * @param imagePatches L × D patch features, row-major over locations
	 */
	public AnomalyResult score(final float[] imagePatches) {
		return scoreAll(List.of(imagePatches)).get(0);
	}

	/**
	 * Scores several images with one nearest-neighbour search over all their
	 * patches, which keeps every thread of the search busy.
	 *
	 * @param images L × D patch features of each image, row-major over
	 *          locations
	 * @return one result per image, in the same order
	 */
	public List<AnomalyResult> scoreAll(final List<float[]> images) {
		final int locations = grid.locations();
		final float[] scores = new float[images.size() * locations];
		final int[] nearest = new int[scores.length];
		search(images, scores, nearest);
		final AnomalyResult[] results = new AnomalyResult[images.size()];
		IntStream.range(0, images.size()).parallel().forEach(i -> results[i] =
			result(scores, nearest, i * locations));
		return List.of(results);
	}

	/**
	 * The patch scores s of several images (or tiles) with one search, as
	 * {@link #scoreAll} computes them, without their maps.
	 *
	 * @return h × w scores per image, row-major, in the same order
	 */
	public List<float[]> patchScores(final List<float[]> images) {
		final int locations = grid.locations();
		final float[] scores = new float[images.size() * locations];
		search(images, scores, new int[scores.length]);
		return IntStream.range(0, images.size()).mapToObj(i -> Arrays.copyOfRange(
			scores, i * locations, (i + 1) * locations)).toList();
	}

	/** The weighted nearest-neighbour distance of every patch of the images. */
	private void search(final List<float[]> images, final float[] scores,
		final int[] nearest)
	{
		final int locations = grid.locations();
		final int dims = grid.dims();
		final float[] queries = new float[Math.multiplyExact(images.size(),
			locations * dims)];
		for (int i = 0; i < images.size(); i++) {
			final float[] patches = images.get(i);
			if (patches.length != locations * dims)
				throw new IllegalArgumentException("Image " + i + " has " +
					patches.length + " patch values; a " + grid + " grid needs " +
					locations * dims + ".");
			System.arraycopy(patches, 0, queries, i * locations * dims, patches.length);
		}
		search.search(new FeatureMatrix(scores.length, dims, queries), scores,
			nearest);
		weigh(scores, nearest);
	}

	/** SoftPatch: s ← s · w(nearest). */
	private void weigh(final float[] scores, final int[] nearest) {
		final float[] weights = memory.weights();
		if (weights == null) return;
		for (int p = 0; p < scores.length; p++)
			scores[p] = (float) ((double) scores[p] * weights[nearest[p]]);
	}

	private AnomalyResult result(final float[] scores, final int[] nearest,
		final int from)
	{
		final int to = from + grid.locations();
		final float[] s = Arrays.copyOfRange(scores, from, to);
		final int[] n = Arrays.copyOfRange(nearest, from, to);
		return new AnomalyResult(grid.height(), grid.width(), s, n, maps.mapSize(),
			maps.generate(s, grid.height(), grid.width()));
	}
}
