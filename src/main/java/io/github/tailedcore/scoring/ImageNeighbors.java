package io.github.tailedcore.scoring;

import io.github.tailedcore.linalg.FeatureMatrix;
import io.github.tailedcore.memory.MemoryBank;
import io.github.tailedcore.tail.CosineSimilarity;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The global embeddings e<sub>i</sub> of a model's N training images, and
 * optionally TailSampler's class sizes κ<sub>i</sub>: what class-aware
 * scoring needs to find the training images of a test image's own kind
 * without labels ({@link Scoring#CLASS_AWARE}).
 * <p>
 * The neighbours of an image with embedding e are the training images
 * ordered by cosine similarity ê · ê<sub>j</sub> (as TailSampler compares
 * images, spec §5.1), most similar first, the lower index on ties. How many
 * are taken: at least K (a setting), and, where κ is known, enough to hold
 * the class the nearest K belong to: ⌈κ̃ / p⌉ with κ̃ the median κ of those K
 * and p TailSampler's percentile (a clean class of c images has κ ≈ p · c,
 * spec §5.2); never more than there are.
 * </p>
 * Immutable and thread-safe.
 */
public final class ImageNeighbors {

	private final FeatureMatrix embeddings;
	private final FeatureMatrix unit;
	private final int[] kappa;
	private final double percentile;

	/**
	 * @param embeddings e<sub>i</sub>, one row per training image, in the
	 *          order the memory bank's origins refer to (shared, not copied)
	 * @param kappa κ<sub>i</sub> per training image, or {@code null} if not
	 *          estimated
	 * @param percentile TailSampler's p, in (0, 1]
	 * @throws IllegalArgumentException if there are no images, κ does not
	 *           have one value per image, or an embedding is not finite
	 */
	public ImageNeighbors(final FeatureMatrix embeddings, final int[] kappa,
		final double percentile)
	{
		if (embeddings.rows() == 0 || embeddings.cols() == 0)
			throw new IllegalArgumentException("Class-aware scoring needs the " +
				"embedding of at least one training image.");
		if (kappa != null && kappa.length != embeddings.rows())
			throw new IllegalArgumentException("Need one class size κ per " +
				"training image: " + kappa.length + " for " + embeddings.rows() + ".");
		if (!(percentile > 0 && percentile <= 1)) throw new IllegalArgumentException(
			"The percentile p must be in (0, 1], got " + percentile + ".");
		this.embeddings = embeddings;
		this.unit = CosineSimilarity.normalizedRows(embeddings);
		this.kappa = kappa;
		this.percentile = percentile;
	}

	/** N, the number of training images. */
	public int imageCount() {
		return embeddings.rows();
	}

	/** The training embeddings (shared, not a copy). */
	public FeatureMatrix embeddings() {
		return embeddings;
	}

	/** κ per training image (shared), or {@code null} if not estimated. */
	public int[] kappa() {
		return kappa;
	}

	/** TailSampler's p, by which κ is turned into a class size. */
	public double percentile() {
		return percentile;
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
		if (least < 1) throw new IllegalArgumentException(
			"Ask for at least one neighbour, got " + least + ".");
		final Integer[] order = order(embedding, excluded);
		final int k = Math.min(order.length, Math.max(least, classSize(order,
			least)));
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
		final int[] rows = memory.rowsOf(nearest(embedding, excluded, least));
		if (rows.length > 0) return rows;
		for (final int image : order(embedding, excluded)) {
			final int[] own = memory.rowsOf(new int[] { image });
			if (own.length > 0) return own;
		}
		return rows;
	}

	/** Training images other than {@code excluded}, most similar first. */
	private Integer[] order(final float[] embedding, final int excluded) {
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
		}
		final Integer[] order = IntStream.range(0, imageCount()).filter(
			j -> j != excluded).boxed().toArray(Integer[]::new);
		Arrays.sort(order, (a, b) -> similarity[a] != similarity[b] ? Double
			.compare(similarity[b], similarity[a]) : Integer.compare(a, b));
		return order;
	}

	/** ⌈κ̃ / p⌉ of the first {@code least} neighbours, 0 without κ. */
	private int classSize(final Integer[] order, final int least) {
		if (kappa == null || order.length == 0) return 0;
		final int[] k = new int[Math.min(least, order.length)];
		for (int i = 0; i < k.length; i++)
			k[i] = kappa[order[i]];
		Arrays.sort(k);
		return (int) Math.ceil(k[(k.length - 1) / 2] / percentile - 1e-9);
	}
}
