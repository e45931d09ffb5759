package io.github.tailedcore.tail;

import io.github.tailedcore.Progress;
import io.github.tailedcore.TailedCoreSettings;
import io.github.tailedcore.feature.ImagePatches;
import io.github.tailedcore.linalg.FeatureMatrix;
import io.github.tailedcore.noise.NoiseFilterResult;

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
 * <li>the candidates T₀ = { i : κ<sub>i</sub> ≤ K_max }, never empty;</li>
 * <li>the tail T: all of T₀ for the {@linkplain TailEstimation#PAPER paper's}
 * estimate; for the {@linkplain TailEstimation#ROBUST robust} one, the
 * candidates apart from the head ({@link HeadSeparation}) that, once the
 * head's noise filter has scored their patches, do not look like defective
 * images of a common kind ({@link #confirm}, {@link PatchConfirmation}), and
 * whose defect patches
 * the tail branch then leaves out ({@link #filterPool},
 * {@link TailNoiseFilter}).</li>
 * </ol>
 * Degenerate inputs and estimates (one image, empty half-angle regions, no
 * class structure, more tail than the cap intends) give a result plus a
 * {@link TailEstimate#note()} that names the cause.
 *
 * <pre>
 * TailSampler sampler = TailSampler.of(settings);
 * TailEstimate t = sampler.estimate(embeddings, progress);
 * int[] tailImages = t.tailIndices();
 * // after the noise filter:
 * t = sampler.confirm(t, lof, locations);
 * // and the tail pool:
 * TailNoiseFilter.Result r = sampler.filterPool(t, features, lof, pool, origins, progress);
 * </pre>
 */
public final class TailSampler {

	private final AdaptiveThreshold threshold;
	private final TailCap cap;
	private final TailEstimation estimation;

	/** The paper's sampler: p = 0.85, a 15 % cap and T = T₀. */
	public TailSampler() {
		this(TailedCoreSettings.DEFAULT_TAIL_PERCENTILE,
			TailedCoreSettings.DEFAULT_TAIL_CAP_FRACTION, TailEstimation.PAPER);
	}

	/**
	 * @param percentile p ∈ (0, 1] of {@link AdaptiveThreshold}
	 * @param capFraction f ∈ (0, 1] of {@link TailCap}
	 * @param estimation how the tail is taken from the candidates
	 */
	public TailSampler(final double percentile, final double capFraction,
		final TailEstimation estimation)
	{
		threshold = new AdaptiveThreshold(percentile);
		cap = new TailCap(capFraction);
		this.estimation = estimation;
	}

	/** The sampler configured by {@code settings}' tail settings. */
	public static TailSampler of(final TailedCoreSettings settings) {
		return new TailSampler(settings.tailPercentile(), settings
			.tailCapFraction(), settings.tailEstimation());
	}

	/**
	 * Estimates without progress reports; see
	 * {@link #estimate(FeatureMatrix, Progress)}.
	 */
	public TailEstimate estimate(final FeatureMatrix embeddings) {
		return estimate(embeddings, Progress.none());
	}

	/**
	 * Predicts κ, η, K_max, the candidates and the tail images from one
	 * embedding per image.
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
		final int[] candidates = IntStream.range(0, kappa.length)
			.filter(i -> kappa[i] <= kMax).toArray();
		final List<String> notes = inputNotes(neighborhoods, vote);
		int[] tail = candidates;
		if (estimation != TailEstimation.PAPER) {
			progress.stage("Tail sampler: separation from the head");
			tail = HeadSeparation.separated(similarities, candidates, progress);
			notes.addAll(separationNotes(kappa.length, candidates.length,
				tail.length));
		}
		else if (candidates.length == kappa.length && kappa.length > 1) notes.add(
			"Every image was predicted to be tail: " + (eta.length == 1
				? "all images form one class" : "the " + eta.length +
					" predicted classes are too alike in size") +
				", so there is no head class to tell apart (the robust tail " +
				"estimate takes no tail then).");
		return new TailEstimate(kappa, neighborhoods.sizes(), eta, kElbow, kCap,
			cap.fraction(), estimation, candidates, tail, notes);
	}

	/**
	 * The check on patches of the robust estimate ({@link PatchConfirmation}):
	 * the tail images that do not look like defective images of a common
	 * kind. The other estimates keep their tail.
	 *
	 * @param tail this sampler's estimate for the N training images
	 * @param filter the head's noise filter result on their patches
	 * @param locations L, patches per image
	 */
	public TailEstimate confirm(final TailEstimate tail,
		final NoiseFilterResult filter, final int locations)
	{
		if (estimation != TailEstimation.ROBUST) return tail;
		return PatchConfirmation.confirm(tail, filter, locations);
	}

	/**
	 * The noise filter inside the tail branch, for the robust estimate
	 * and the separation alone ({@link TailNoiseFilter}): the patches of the
	 * tail pool that may enter the tail coreset. The paper's estimate keeps
	 * the whole pool.
	 *
	 * @param tail this sampler's estimate for the N training images
	 * @param training the N training images' patches
	 * @param filter the head's noise filter result on them
	 * @param pool the tail images' patches and those of their views
	 * @param origins for each image of the pool, the training image it shows
	 * @param progress checked for cancellation
	 */
	public TailNoiseFilter.Result filterPool(final TailEstimate tail,
		final ImagePatches training, final NoiseFilterResult filter,
		final ImagePatches pool, final int[] origins, final Progress progress)
	{
		if (estimation == TailEstimation.PAPER) return new TailNoiseFilter.Result(
			null, tail);
		return TailNoiseFilter.filter(tail, training, filter, pool, origins,
			progress);
	}

	/** Sentences on degenerate input rows and votes. */
	private static List<String> inputNotes(final Neighborhoods neighborhoods,
		final ReverseModeVote vote)
	{
		final int n = neighborhoods.count();
		final List<String> notes = new ArrayList<>();
		if (n == 1) notes.add("Only one image: it forms its own class.");
		else if (neighborhoods.rowsWithoutHalfAngleRegion() > 0) notes.add(
			neighborhoods.rowsWithoutHalfAngleRegion() + " of " + n +
				" images have an empty half-angle region: quantised to steps of " +
				"1/N, not even their own similarity ((N − 1)/N) lies above " +
				"cos(θ_max / 2), because all their similarities lie close together " +
				"(a tight class of few images, or identical or zero embeddings); " +
				"their class is their top similarity bin.");
		if (vote.emptyColumns() > 0) notes.add(vote.emptyColumns() +
			" images lie in no neighbourhood, not even their own " +
			"(near-duplicate embeddings); they count as singletons (κ = 1).");
		return notes;
	}

	/** Sentences on the candidates that the separation returned to the head. */
	private static List<String> separationNotes(final int n,
		final int candidates, final int separated)
	{
		if (candidates == n) return List.of(n == 1
			? "With one image there is no head to tell a rare kind from; it is " +
				"not taken as tail."
			: "All " + n + " images are tail candidates (κ ≤ K_max), so there is " +
				"no head to tell a rare kind from: the images show no class " +
				"structure (one kind, or kinds of equal size); none is taken as " +
				"tail.");
		if (separated == candidates) return List.of();
		return List.of((candidates - separated) + " of " + candidates +
			" tail candidates (κ ≤ K_max) lie within " + (int) HeadSeparation.RATIO +
			" times the spacing of the nearest head image's own neighbours (images " +
			"of a diverse or tight kind, or outlying ones): they stay in the head " +
			"branch.");
	}
}
