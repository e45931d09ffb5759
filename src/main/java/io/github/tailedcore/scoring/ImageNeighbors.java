package io.github.tailedcore.scoring;

import io.github.tailedcore.linalg.FeatureMatrix;
import io.github.tailedcore.memory.MemoryBank;
import io.github.tailedcore.tail.CosineSimilarity;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The global embeddings e<sub>i</sub> of a model's N training images: what
 * class-aware scoring needs to find the training images of a test image's
 * own kind without labels ({@link Scoring#CLASS_AWARE}).
 * <p>
 * The neighbours of an image with embedding e are the training images
 * ordered by the angle θ<sub>j</sub> = arccos(ê · ê<sub>j</sub>) (the cosine
 * similarity TailSampler compares images by, spec §5.1), nearest first, the
 * lower index on ties. The images of the test image's kind come first and
 * those of other kinds after the largest jump between consecutive angles,
 * so the neighbours are the images before that jump, and at least K (a
 * setting), never more than there are. Fitted on one kind, the largest jump
 * usually lies before a few outlying images, so nearly every image is a
 * neighbour and scoring stays close to global.
 * </p>
 * <p>
 * A tiled fit's units are its tiles (TailSampler compares tiles, and every
 * memory row's origin is a tile), so there the "images" are training tiles:
 * each tile of a tiled test image chooses its own neighbours by its own
 * embedding.
 * </p>
 * Immutable and thread-safe.
 */
public final class ImageNeighbors {

	private final FeatureMatrix embeddings;
	private final FeatureMatrix unit;

	/**
	 * @param embeddings e<sub>i</sub>, one row per training image, in the
	 *          order the memory bank's origins refer to (shared, not copied)
	 * @throws IllegalArgumentException if there are no images or an
	 *           embedding is not finite
	 */
	public ImageNeighbors(final FeatureMatrix embeddings) {
		if (embeddings.rows() == 0 || embeddings.cols() == 0)
			throw new IllegalArgumentException("Class-aware scoring needs the " +
				"embedding of at least one training image.");
		this.embeddings = embeddings;
		this.unit = CosineSimilarity.normalizedRows(embeddings);
	}

	/** N, the number of training images. */
	public int imageCount() {
		return embeddings.rows();
	}

	/** The training embeddings (shared, not a copy). */
	public FeatureMatrix embeddings() {
		return embeddings;
	}

	/**
	 * The training images whose memory rows an image with this embedding is
	 * compared with, ascending.
	 *
	 * @param embedding e of the image, as many values as the training
	 *          embeddings
	 * @param excluded a training image never to return (the image itself,
	 *          when training images are scored leave one out), or −1
	 * @param least K, at least this many images (fewer only if there are
	 *          not that many)
	 * @throws IllegalArgumentException if the embedding has the wrong length
	 *           or is not finite
	 */
	public int[] nearest(final float[] embedding, final int excluded,
		final int least)
	{
		return nearest(embedding, excluded, excluded + 1, least);
	}

	/**
	 * As {@link #nearest(float[], int, int)}, never returning the training
	 * units {@code excludedFrom ≤ j < excludedTo}: all tiles of one image,
	 * when a tiled training image is scored leave one out.
	 */
	public int[] nearest(final float[] embedding, final int excludedFrom,
		final int excludedTo, final int least)
	{
		if (least < 1) throw new IllegalArgumentException(
			"Ask for at least one neighbour, got " + least + ".");
		final double[] angle = new double[imageCount()];
		final Integer[] order = order(embedding, excludedFrom, excludedTo, angle);
		final int k = Math.min(order.length, Math.max(least, beforeLargestJump(
			order, angle)));
		final int[] chosen = new int[k];
		for (int i = 0; i < k; i++)
			chosen[i] = order[i];
		Arrays.sort(chosen);
		return chosen;
	}

	/**
	 * The rows of {@code memory} an image with this embedding is compared
	 * with: those of its {@link #nearest} training images, or, where a small
	 * coreset kept no row of any of them, those of the nearest training image
	 * that has rows.
	 *
	 * @param memory a bank whose origins are these training images
	 * @return the rows, ascending; empty only if every row's origin is
	 *         {@code excluded}
	 * @throws IllegalArgumentException as {@link #nearest}
	 * @throws IllegalStateException if the rows do not know their origin
	 */
	public int[] rows(final MemoryBank memory, final float[] embedding,
		final int excluded, final int least)
	{
		return rows(memory, embedding, excluded, excluded + 1, least);
	}

	/**
	 * As {@link #rows(MemoryBank, float[], int, int)}, never of the training
	 * units {@code excludedFrom ≤ j < excludedTo} (all tiles of one image).
	 */
	public int[] rows(final MemoryBank memory, final float[] embedding,
		final int excludedFrom, final int excludedTo, final int least)
	{
		final int[] rows = memory.rowsOf(nearest(embedding, excludedFrom,
			excludedTo, least));
		if (rows.length > 0) return rows;
		for (final int image : order(embedding, excludedFrom, excludedTo,
			new double[imageCount()]))
		{
			final int[] own = memory.rowsOf(new int[] { image });
			if (own.length > 0) return own;
		}
		return rows;
	}

	/**
	 * Training images outside {@code [excludedFrom, excludedTo)}, nearest
	 * first; fills {@code angle} with each image's angle θ to the embedding.
	 */
	private Integer[] order(final float[] embedding, final int excludedFrom,
		final int excludedTo, final double[] angle)
	{
		if (embedding == null || embedding.length != embeddings.cols())
			throw new IllegalArgumentException("Class-aware scoring needs the " +
				"image's embedding of " + embeddings.cols() + " values, got " +
				(embedding == null ? "none" : embedding.length) + ".");
		final float[] e = CosineSimilarity.normalizedRows(new FeatureMatrix(1,
			embedding.length, embedding)).data();
		final double[] similarity = new double[imageCount()];
		for (int j = 0; j < similarity.length; j++) {
			double s = 0;
			for (int d = 0, o = unit.offset(j); d < e.length; d++)
				s += (double) e[d] * unit.data()[o + d];
			similarity[j] = s;
			angle[j] = Math.acos(Math.max(-1, Math.min(1, s)));
		}
		final Integer[] order = IntStream.range(0, imageCount()).filter(
			j -> j < excludedFrom || j >= excludedTo).boxed().toArray(
				Integer[]::new);
		Arrays.sort(order, (a, b) -> similarity[a] != similarity[b] ? Double
			.compare(similarity[b], similarity[a]) : Integer.compare(a, b));
		return order;
	}

	/**
	 * How many of the ordered images lie before the largest jump between
	 * consecutive angles (the first on ties); all of them if there is one.
	 */
	private static int beforeLargestJump(final Integer[] order,
		final double[] angle)
	{
		int cut = order.length;
		double largest = -1;
		for (int i = 1; i < order.length; i++) {
			final double jump = angle[order[i]] - angle[order[i - 1]];
			if (jump > largest) {
				largest = jump;
				cut = i;
			}
		}
		return cut;
	}
}
