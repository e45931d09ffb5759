package io.github.tailedcore.tail;

import io.github.tailedcore.Progress;
import io.github.tailedcore.TailedCoreSettings;
import io.github.tailedcore.linalg.FeatureMatrix;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * TailedCore's class-size predictor (spec §5, the authors'
 * {@code AdaptiveTailSampler(th_type="trim_min", vote_type="mode")}): from
 * the global embeddings e<sub>i</sub> of the N training images it predicts
 * which images belong to rare ("tail") classes, without labels.
 * <ol>
 * <li>S = Ê Êᵀ, the cosine similarities ({@link CosineSimilarity});</li>
 * <li>N(i), each image's neighbourhood under its own threshold
 * ({@link AdaptiveThreshold}, p = 0.85);</li>
 * <li>κ<sub>i</sub>, the mode of the sizes of the neighbourhoods that
 * contain i ({@link ReverseModeVote});</li>
 * <li>η, the class sizes implied by κ ({@link ClassCountRecursion});</li>
 * <li>K_max = min(K_elbow, K_pct) ({@link Elbow}, {@link TailCap} with
 * 15 %);</li>
 * <li>T = { i : κ<sub>i</sub> ≤ K_max }, never empty.</li>
 * </ol>
 * Degenerate inputs (one image, identical embeddings, a flat η curve that
 * makes every image tail) give a result plus a {@link TailEstimate#note()}.
 *
 * <pre>
 * TailEstimate t = new TailSampler().estimate(embeddings);
 * int[] tailImages = t.tailIndices();
 * </pre>
 */
public final class TailSampler {

	private final AdaptiveThreshold threshold;
	private final TailCap cap;

	/** The paper's sampler: p = 0.85 and a 15 % cap. */
	public TailSampler() {
		this(TailedCoreSettings.DEFAULT_TAIL_PERCENTILE,
			TailedCoreSettings.DEFAULT_TAIL_CAP_FRACTION);
	}

	/**
	 * @param percentile p ∈ (0, 1] of {@link AdaptiveThreshold}
	 * @param capFraction f ∈ (0, 1] of {@link TailCap}
	 */
	public TailSampler(final double percentile, final double capFraction) {
		threshold = new AdaptiveThreshold(percentile);
		cap = new TailCap(capFraction);
	}

	/** The sampler configured by {@code settings}' tail percentile and cap. */
	public static TailSampler of(final TailedCoreSettings settings) {
		return new TailSampler(settings.tailPercentile(), settings
			.tailCapFraction());
	}

	/**
	 * Estimates without progress reports; see
	 * {@link #estimate(FeatureMatrix, Progress)}.
	 */
	public TailEstimate estimate(final FeatureMatrix embeddings) {
		return estimate(embeddings, Progress.none());
	}

	/**
	 * Predicts κ, η, K_max and the tail images from one embedding per image.
	 *
	 * @param embeddings e<sub>i</sub>, one row per training image
	 * @param progress receives stages and rows done; checked for cancellation
	 * @throws IllegalArgumentException if there are no images, no
	 *           dimensions, or a non-finite embedding value
	 * @throws java.util.concurrent.CancellationException if canceled
	 */
	public TailEstimate estimate(final FeatureMatrix embeddings,
		final Progress progress)
	{
		if (embeddings.rows() == 0 || embeddings.cols() == 0)
			throw new IllegalArgumentException("The tail sampler needs at least " +
				"one image embedding with at least one dimension, got " + embeddings
					.rows() + " × " + embeddings.cols() + ".");
		progress.stage("Tail sampler: image similarities");
		final FeatureMatrix similarities = CosineSimilarity.of(embeddings,
			progress);
		progress.stage("Tail sampler: neighbourhoods");
		final Neighborhoods neighborhoods = threshold.neighborhoods(similarities,
			progress);
		progress.stage("Tail sampler: class-size votes");
		final ReverseModeVote vote = new ReverseModeVote(neighborhoods, progress);
		final int[] kappa = vote.kappa();
		final int[] eta = ClassCountRecursion.classCounts(Arrays.stream(kappa)
			.asDoubleStream().toArray());
		final int kElbow = Elbow.of(eta);
		final int kCap = cap.of(eta);
		final int kMax = Math.min(kElbow, kCap);
		final int[] tail = IntStream.range(0, kappa.length)
			.filter(i -> kappa[i] <= kMax).toArray();
		return new TailEstimate(kappa, neighborhoods.sizes(), eta, kElbow, kCap,
			tail, note(neighborhoods, vote, eta, tail.length));
	}

	/** Sentences on whatever was degenerate, or the empty string. */
	private static String note(final Neighborhoods neighborhoods,
		final ReverseModeVote vote, final int[] eta, final int tailCount)
	{
		final int n = neighborhoods.count();
		final List<String> notes = new ArrayList<>();
		if (n == 1) notes.add("Only one image: it forms its own class.");
		else if (neighborhoods.rowsWithoutHalfAngleRegion() > 0) notes.add(
			neighborhoods.rowsWithoutHalfAngleRegion() + " of " + n +
				" images have the same similarity to every image (identical or " +
				"zero embeddings); their class is their most similar images.");
		if (vote.emptyColumns() > 0) notes.add(vote.emptyColumns() +
			" images lie in no neighbourhood, not even their own " +
			"(near-duplicate embeddings); they count as singletons (κ = 1).");
		if (tailCount == n && n > 1) notes.add("Every image was predicted " +
			"to be tail: " + (eta.length == 1 ? "all images form one class"
				: "the " + eta.length + " predicted classes are too alike in size") +
			", so there is no head class to tell apart.");
		return String.join(" ", notes);
	}
}
