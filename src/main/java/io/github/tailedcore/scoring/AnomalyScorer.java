package io.github.tailedcore.scoring;

import io.github.tailedcore.TailedCoreModel;
import io.github.tailedcore.feature.FeatureGrid;
import io.github.tailedcore.linalg.FeatureMatrix;
import io.github.tailedcore.memory.MemoryBank;
import io.github.tailedcore.search.BruteForceSearch;
import io.github.tailedcore.search.NearestNeighborSearch;
import io.github.tailedcore.search.NearestNeighborSearches;
import io.github.tailedcore.search.SubBankSearch;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
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
 * <p>
 * Under {@linkplain Scoring#CLASS_AWARE class-aware} scoring, M is each
 * image's own part of the bank: the rows whose origin is among the image's
 * nearest training images by embedding ({@link ImageNeighbors}), searched
 * exactly ({@link SubBankSearch}); those scorers need each image's embedding.
 * Images whose neighbours are all training images share one search over all
 * of M, exactly as under global scoring.
 * </p>
 * Thread-safe if its {@link NearestNeighborSearch} is.
 */
public final class AnomalyScorer {

	private final MemoryBank memory;
	/**
	 * The search over all of M; under class-aware scoring built on first use
	 * ({@link #whole()}).
	 */
	private NearestNeighborSearch search;
	/** The training embeddings; {@code null} under global scoring. */
	private final ImageNeighbors neighbors;
	private final int leastNeighbors;
	private final Function<FeatureMatrix, NearestNeighborSearch> subBankSearch;
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
		this(memory, search, null, 0, null, grid, sigma);
		if (search.size() != memory.size() || search.dims() != memory.dims())
			throw new IllegalArgumentException("The search holds " + search.size() +
				" vectors of " + search.dims() + " dims but the memory bank " +
				memory.size() + " of " + memory.dims() + "; build it on the bank.");
	}

	/**
	 * A class-aware scorer: each image is compared with the rows of its
	 * nearest training images only.
	 *
	 * @param memory the memory bank M, whose rows know their origin
	 * @param neighbors the embeddings of the training images the origins
	 *          refer to, under the neighbour rule to use
	 *          ({@link ImageNeighbors#under})
	 * @param leastNeighbors K, the least number of nearest training images
	 * @param subBankSearch builds the exact search over the chosen rows (and
	 *          over all of M for images whose neighbours are all training
	 *          images), e.g. {@link NearestNeighborSearches#fastest}
	 * @param grid the patch grid of the images to be scored
	 * @param sigma Gaussian σ of the map, in crop pixels (0 = no smoothing)
	 * @throws IllegalArgumentException if the rows do not know their origin,
	 *           or name an image the neighbours do not have
	 */
	public AnomalyScorer(final MemoryBank memory, final ImageNeighbors neighbors,
		final int leastNeighbors,
		final Function<FeatureMatrix, NearestNeighborSearch> subBankSearch,
		final FeatureGrid grid, final double sigma)
	{
		this(memory, null, neighbors, leastNeighbors, subBankSearch, grid, sigma);
		if (memory.origins() == null) throw new IllegalArgumentException(
			"Class-aware scoring needs to know which training image each memory " +
				"row came from; this bank does not.");
		if (Arrays.stream(memory.origins()).anyMatch(o -> o >= neighbors
			.imageCount())) throw new IllegalArgumentException("The memory rows " +
				"come from more training images than the " + neighbors.imageCount() +
				" embeddings given.");
		if (leastNeighbors < 1) throw new IllegalArgumentException(
			"Ask for at least one neighbour, got " + leastNeighbors + ".");
	}

	private AnomalyScorer(final MemoryBank memory,
		final NearestNeighborSearch search, final ImageNeighbors neighbors,
		final int leastNeighbors,
		final Function<FeatureMatrix, NearestNeighborSearch> subBankSearch,
		final FeatureGrid grid, final double sigma)
	{
		if (grid.dims() != memory.dims()) throw new IllegalArgumentException(
			"Memory vectors of " + memory.dims() + " dims do not fit the " + grid +
				" grid.");
		this.memory = memory;
		this.search = search;
		this.neighbors = neighbors;
		this.leastNeighbors = leastNeighbors;
		this.subBankSearch = subBankSearch;
		this.grid = grid;
		this.maps = new AnomalyMapGenerator(grid.cropSize(), sigma);
	}

	/**
	 * A scorer for a fitted model, with the model's σ and scoring and the
	 * fastest exact search this JVM can run
	 * ({@link NearestNeighborSearches#fastest}).
	 */
	public static AnomalyScorer of(final TailedCoreModel model) {
		return of(model, model.settings().scoring());
	}

	/**
	 * As {@link #of(TailedCoreModel)}, with another scoring (benchmarks
	 * compare both on one fit).
	 *
	 * @throws IllegalArgumentException for class-aware scoring of a model
	 *           that lacks the training embeddings or the rows' origins
	 *           (saved before class-aware scoring existed)
	 */
	public static AnomalyScorer of(final TailedCoreModel model,
		final Scoring scoring)
	{
		final double sigma = model.settings().gaussianSigma();
		if (!scoring.conditions()) return new AnomalyScorer(model.memory(),
			model.grid(), sigma);
		if (model.neighbors() == null || model.memory().origins() == null)
			throw new IllegalArgumentException("This model cannot score " +
				"class-aware: it does not hold its training images' embeddings and " +
				"the origin of each memory row (it was saved before class-aware " +
				"scoring existed, or fitted without embeddings). Score it with " +
				"global scoring, or fit it again.");
		return new AnomalyScorer(model.memory(), model.neighbors().under(scoring),
			model.settings().scoringNeighbors(), NearestNeighborSearches::fastest,
			model.grid(), sigma);
	}

	/** Which memory rows images are compared with. */
	public Scoring scoring() {
		return neighbors == null ? Scoring.GLOBAL : neighbors.rule();
	}

	/** The patch grid images must have. */
	public FeatureGrid grid() {
		return grid;
	}

	/**
	 * Scores one image under global scoring.
	 *
	 * @param imagePatches L × D patch features, row-major over locations
	 * @throws IllegalStateException for a class-aware scorer
	 */
	public AnomalyResult score(final float[] imagePatches) {
		return scoreAll(List.of(imagePatches)).get(0);
	}

	/**
	 * Scores one image.
	 *
	 * @param imagePatches L × D patch features, row-major over locations
	 * @param embedding its global embedding e (only class-aware scoring reads
	 *          it; may be {@code null} under global scoring)
	 */
	public AnomalyResult score(final float[] imagePatches,
		final float[] embedding)
	{
		return scoreAll(List.of(imagePatches), Arrays.asList(embedding)).get(0);
	}

	/**
	 * Scores several images under global scoring; see
	 * {@link #scoreAll(List, List)}.
	 *
	 * @throws IllegalStateException for a class-aware scorer
	 */
	public List<AnomalyResult> scoreAll(final List<float[]> images) {
		return scoreAll(images, null);
	}

	/**
	 * Scores several images. Under global scoring, one nearest-neighbour
	 * search over all their patches keeps every thread of the search busy;
	 * under class-aware scoring each image has its own search over its
	 * neighbours' rows.
	 *
	 * @param images L × D patch features of each image, row-major over
	 *          locations
	 * @param embeddings the global embedding e of each image, in the same
	 *          order; only class-aware scoring reads them ({@code null}
	 *          allowed under global scoring)
	 * @return one result per image, in the same order
	 * @throws IllegalStateException if a class-aware scorer is given no
	 *           embeddings
	 */
	public List<AnomalyResult> scoreAll(final List<float[]> images,
		final List<float[]> embeddings)
	{
		final int locations = grid.locations();
		final float[] scores = new float[images.size() * locations];
		final int[] nearest = new int[scores.length];
		search(images, embeddings, scores, nearest);
		final AnomalyResult[] results = new AnomalyResult[images.size()];
		IntStream.range(0, images.size()).parallel().forEach(i -> results[i] =
			result(scores, nearest, i * locations));
		return List.of(results);
	}

	/**
	 * The patch scores s of several images (or tiles), as
	 * {@link #scoreAll(List, List)} computes them, without their maps.
	 *
	 * @param embeddings the global embedding e of each image (or tile), read
	 *          as {@link #scoreAll(List, List)} reads them
	 * @return h × w scores per image, row-major, in the same order
	 */
	public List<float[]> patchScores(final List<float[]> images,
		final List<float[]> embeddings)
	{
		final int locations = grid.locations();
		final float[] scores = new float[images.size() * locations];
		search(images, embeddings, scores, new int[scores.length]);
		return IntStream.range(0, images.size()).mapToObj(i -> Arrays.copyOfRange(
			scores, i * locations, (i + 1) * locations)).toList();
	}

	/** The weighted nearest-neighbour distance of every patch of the images. */
	private void search(final List<float[]> images,
		final List<float[]> embeddings, final float[] scores, final int[] nearest)
	{
		if (neighbors != null && (embeddings == null || embeddings
			.size() != images.size())) throw new IllegalStateException(
				"Class-aware scoring needs the embedding of every image scored.");
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
		if (neighbors == null) whole().search(new FeatureMatrix(scores.length, dims,
			queries), scores, nearest);
		else conditioned(images, embeddings, queries, scores, nearest);
		weigh(scores, nearest);
	}

	/**
	 * Class-aware: each image against the rows of its neighbours; those whose
	 * neighbours are all training images in one search over all of M.
	 */
	private void conditioned(final List<float[]> images,
		final List<float[]> embeddings, final float[] queries,
		final float[] scores, final int[] nearest)
	{
		final int locations = grid.locations();
		final int[] everyRow = new int[images.size()];
		int count = 0;
		for (int i = 0; i < images.size(); i++) {
			final int[] rows = neighbors.rows(memory, embeddings.get(i), -1,
				leastNeighbors);
			if (rows.length == memory.size()) {
				everyRow[count++] = i;
				continue;
			}
			final float[] d = new float[locations];
			final int[] n = new int[locations];
			new SubBankSearch(memory.vectors(), rows, subBankSearch).search(
				new FeatureMatrix(locations, grid.dims(), images.get(i)), d, n);
			System.arraycopy(d, 0, scores, i * locations, locations);
			System.arraycopy(n, 0, nearest, i * locations, locations);
		}
		if (count > 0) searchWhole(Arrays.copyOf(everyRow, count), queries, scores,
			nearest);
	}

	/** The given images (rows of {@code queries}) in one search over all of M. */
	private void searchWhole(final int[] images, final float[] queries,
		final float[] scores, final int[] nearest)
	{
		final int locations = grid.locations();
		final int values = locations * grid.dims();
		final float[] q = new float[images.length * values];
		for (int k = 0; k < images.length; k++)
			System.arraycopy(queries, images[k] * values, q, k * values, values);
		final float[] d = new float[images.length * locations];
		final int[] n = new int[d.length];
		whole().search(new FeatureMatrix(d.length, grid.dims(), q), d, n);
		for (int k = 0; k < images.length; k++) {
			System.arraycopy(d, k * locations, scores, images[k] * locations,
				locations);
			System.arraycopy(n, k * locations, nearest, images[k] * locations,
				locations);
		}
	}

	/** The search over all of M (built on first use under class-aware scoring). */
	private synchronized NearestNeighborSearch whole() {
		if (search == null) search = subBankSearch.apply(memory.vectors());
		return search;
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
