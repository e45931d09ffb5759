package io.github.tailedcore.scoring;

import io.github.tailedcore.linalg.FeatureMatrix;
import io.github.tailedcore.linalg.Quantile;
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
 * lower index on ties, up to the first jump between consecutive angles wider
 * than the training images' own spacing s (the median over the training
 * images of the angle to their nearest other training image), and at least
 * K (a setting). Images of the test image's kind come first and those of
 * other kinds after such a jump; within one kind consecutive angles lie
 * closer than s (on the industrial set the widest jump of a test image
 * against training images of its own kind was at most 0.84 s, between kinds
 * up to several s, {@code benchmarks/class-aware}). Where no jump is wider
 * than s every training image is a neighbour: on one kind, and for images
 * not set apart from the rest, class-aware scoring is global scoring.
 * </p>
 * <p>
 * {@link Scoring#CLASS_AWARE_LARGEST_JUMP} is the first rule, kept for the
 * benchmark: the images before the largest jump, however narrow, at least K.
 * On one kind that jump often follows a near-duplicate, so it conditions
 * where there is nothing to condition on.
 * </p>
 * <p>
 * A tiled fit's units are its tiles (TailSampler compares tiles, and every
 * memory row's origin is a tile), so there the "images" are training tiles:
 * each tile of a tiled test image chooses its own neighbours by its own
 * embedding.
 * </p>
 * Immutable and thread-safe (s is computed once, on first use).
 */
public final class ImageNeighbors {

	private final FeatureMatrix embeddings;
	private final FeatureMatrix unit;
	private final Spacing spacing;
	private final Scoring rule;

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
		this.spacing = new Spacing(embeddings);
		this.rule = Scoring.CLASS_AWARE;
	}

	private ImageNeighbors(final ImageNeighbors other, final Scoring rule) {
		this.embeddings = other.embeddings;
		this.unit = other.unit;
		this.spacing = other.spacing;
		this.rule = rule;
	}

	/**
	 * These embeddings under another neighbour rule (sharing them and s).
	 *
	 * @param rule a class-aware {@link Scoring}
	 * @throws IllegalArgumentException for global scoring
	 */
	public ImageNeighbors under(final Scoring rule) {
		if (!rule.conditions()) throw new IllegalArgumentException(
			"Global scoring chooses no neighbours.");
		return rule == this.rule ? this : new ImageNeighbors(this, rule);
	}

	/** The neighbour rule, {@link Scoring#CLASS_AWARE} unless chosen. */
	public Scoring rule() {
		return rule;
	}

	/**
	 * s, the median over the training images of the angle to their nearest
	 * other training image, in radians; +∞ for a single image.
	 */
	public double spacing() {
		return spacing.get();
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
		final int cut = rule == Scoring.CLASS_AWARE_LARGEST_JUMP
			? beforeLargestJump(order, angle) : beforeFirstJumpWiderThan(spacing(),
				order, angle);
		final int k = Math.min(order.length, Math.max(least, cut));
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
	 * How many of the ordered images lie before the first jump between
	 * consecutive angles wider than {@code width}; all of them if none is.
	 */
	private static int beforeFirstJumpWiderThan(final double width,
		final Integer[] order, final double[] angle)
	{
		for (int i = 1; i < order.length; i++)
			if (angle[order[i]] - angle[order[i - 1]] > width) return i;
		return order.length;
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

	/** s of {@link #spacing()}, computed on first use and then kept. */
	private static final class Spacing {

		private final FeatureMatrix embeddings;
		private double value = Double.NaN;

		Spacing(final FeatureMatrix embeddings) {
			this.embeddings = embeddings;
		}

		synchronized double get() {
			if (Double.isNaN(value)) value = medianNearestAngle();
			return value;
		}

		private double medianNearestAngle() {
			final int n = embeddings.rows();
			if (n < 2) return Double.POSITIVE_INFINITY;
			final FeatureMatrix similarity = CosineSimilarity.of(embeddings);
			final double[] nearest = new double[n];
			for (int i = 0; i < n; i++) {
				float most = -1;
				for (int j = 0, o = similarity.offset(i); j < n; j++)
					if (j != i) most = Math.max(most, similarity.data()[o + j]);
				nearest[i] = Math.acos(Math.max(-1, Math.min(1, most)));
			}
			return Quantile.of(nearest, 0.5);
		}
	}
}
