package io.github.tailedcore;

import io.github.tailedcore.importance.ImportanceWeighting;
import io.github.tailedcore.noise.NoiseThreshold;
import io.github.tailedcore.scoring.Scoring;
import io.github.tailedcore.tail.TailAugmentation;
import io.github.tailedcore.tail.TailEstimation;

/**
 * Everything that decides what a fit computes, immutable. Defaults are the
 * values of the official TailedCore configs ({@code aatailedpatch_mvtec_09}):
 * coreset ratio 0.1 in a 128-d random projection, LOF with k = 6 dropping
 * 15 %, the {@code ada_trim_min-mode} TailSampler with p = 0.85 and the 15 %
 * cap, {@code rot15flip} views of tail images, Gaussian σ = 4 on the map;
 * except for options of ours: the {@linkplain TailEstimation#ROBUST
 * robust} tail estimate (the paper's is {@link TailEstimation#PAPER}), the
 * {@linkplain NoiseThreshold#ADAPTIVE adaptive} noise threshold in
 * TailedCore's head branch (the paper's is {@link NoiseThreshold#FIXED}), no
 * importance weighting ({@link ImportanceWeighting}), and the paper's global
 * scoring ({@link Scoring}; class-aware scoring is an option).
 * <p>
 * The {@link #seed()} makes a fit deterministic: every random projection and
 * greedy start index is drawn from generators derived from it.
 * </p>
 *
 * <pre>
 * TailedCoreSettings s = TailedCoreSettings.builder()
 * 	.method(Method.PATCHCORE).coresetRatio(0.05).seed(7).build();
 * </pre>
 */
public final class TailedCoreSettings {

	public static final Method DEFAULT_METHOD = Method.TAILEDCORE;
	/** Coreset fraction (PatchCore's {@code greedy_ratio}). */
	public static final double DEFAULT_CORESET_RATIO = 0.1;
	/** Dimension of the random projection used for coreset and LOF. */
	public static final int DEFAULT_PROJECTION_DIM = 128;
	/** LOF neighbours k. */
	public static final int DEFAULT_LOF_NEIGHBORS = 6;
	/**
	 * Fraction of patches the noise filter drops (the 0.85 quantile): all of
	 * it under the fixed rule, at most it under the adaptive one.
	 */
	public static final double DEFAULT_NOISE_DROP_FRACTION = 0.15;
	/**
	 * Ours, not the paper's: TailedCore's head branch drops only patches LOF
	 * calls outliers, so that a clean kind keeps its rare normal patches
	 * ({@code benchmarks/single-class}).
	 */
	public static final NoiseThreshold DEFAULT_NOISE_THRESHOLD =
		NoiseThreshold.ADAPTIVE;
	/** TailSampler's per-sample percentile p of the half-angle region. */
	public static final double DEFAULT_TAIL_PERCENTILE = 0.85;
	/** TailSampler's cap: tail classes hold at most this fraction of images. */
	public static final double DEFAULT_TAIL_CAP_FRACTION = 0.15;
	public static final TailAugmentation DEFAULT_TAIL_AUGMENTATION =
		TailAugmentation.ROT15FLIP;
	/**
	 * Ours, not the paper's: it keeps a single kind free of tail images and
	 * scored better on the long-tail benchmark ({@code benchmarks/tail-estimate}).
	 */
	public static final TailEstimation DEFAULT_TAIL_ESTIMATION =
		TailEstimation.ROBUST;
	/** Gaussian σ (pixels of the crop) that smooths the anomaly map. */
	public static final double DEFAULT_GAUSSIAN_SIGMA = 4;
	/** Off until a benchmark shows that it helps. */
	public static final ImportanceWeighting DEFAULT_IMPORTANCE_WEIGHTING =
		ImportanceWeighting.NONE;
	/**
	 * Class-aware: on one kind it scores exactly as global scoring (every
	 * class of the industrial set, three methods), and on the long-tail
	 * benchmark at the default coreset ratio it raised the all-class mean of
	 * TailedCore from 71.9 to 76.2 (the oracle, one model per class: 69.3),
	 * PatchCore from 67.6 to 73.3 and SoftPatch from 70.9 to 74.9; at ratio
	 * 0.01 TailedCore's from 70.7 to 74.3 (oracle 75.1)
	 * ({@code benchmarks/class-aware}).
	 */
	public static final Scoring DEFAULT_SCORING = Scoring.CLASS_AWARE;
	/**
	 * The least number of nearest training images whose memory rows a test
	 * image is compared with where class-aware scoring conditions: 1, i.e.
	 * exactly the images before the wide jump. At the default coreset ratio
	 * it beat K = 10 on the long-tail benchmark for every method (TailedCore
	 * 76.2 against 72.4, PatchCore 73.3 against 69.5, SoftPatch 74.9 against
	 * 70.8); at ratio 0.01, where a rare kind keeps few memory rows, it tied
	 * for TailedCore and SoftPatch and lost 1.3 for PatchCore
	 * ({@code benchmarks/class-aware}).
	 */
	public static final int DEFAULT_SCORING_NEIGHBORS = 1;
	public static final long DEFAULT_SEED = 0;

	private final Method method;
	private final double coresetRatio;
	private final int projectionDim;
	private final int lofNeighbors;
	private final double noiseDropFraction;
	private final NoiseThreshold noiseThreshold;
	private final boolean tailBranch;
	private final double tailPercentile;
	private final double tailCapFraction;
	private final TailEstimation tailEstimation;
	private final TailAugmentation tailAugmentation;
	private final double gaussianSigma;
	private final ImportanceWeighting importanceWeighting;
	private final Scoring scoring;
	private final int scoringNeighbors;
	private final long seed;

	private TailedCoreSettings(final Builder b) {
		method = b.method;
		coresetRatio = b.coresetRatio;
		projectionDim = b.projectionDim;
		lofNeighbors = b.lofNeighbors;
		noiseDropFraction = b.noiseDropFraction;
		noiseThreshold = b.noiseThreshold;
		tailBranch = b.tailBranch;
		tailPercentile = b.tailPercentile;
		tailCapFraction = b.tailCapFraction;
		tailEstimation = b.tailEstimation;
		tailAugmentation = b.tailAugmentation;
		gaussianSigma = b.gaussianSigma;
		importanceWeighting = b.importanceWeighting;
		scoring = b.scoring;
		scoringNeighbors = b.scoringNeighbors;
		seed = b.seed;
	}

	/** The paper's settings. */
	public static TailedCoreSettings defaults() {
		return builder().build();
	}

	/** A builder holding the paper's defaults. */
	public static Builder builder() {
		return new Builder();
	}

	/** A builder holding these settings, to change a few of them. */
	public Builder toBuilder() {
		return new Builder().method(method).coresetRatio(coresetRatio)
			.projectionDim(projectionDim).lofNeighbors(lofNeighbors)
			.noiseDropFraction(noiseDropFraction).noiseThreshold(noiseThreshold)
			.tailBranch(tailBranch)
			.tailPercentile(tailPercentile).tailCapFraction(tailCapFraction)
			.tailEstimation(tailEstimation).tailAugmentation(tailAugmentation)
			.gaussianSigma(gaussianSigma).importanceWeighting(importanceWeighting)
			.scoring(scoring).scoringNeighbors(scoringNeighbors).seed(seed);
	}

	public Method method() {
		return method;
	}

	public double coresetRatio() {
		return coresetRatio;
	}

	public int projectionDim() {
		return projectionDim;
	}

	public int lofNeighbors() {
		return lofNeighbors;
	}

	public double noiseDropFraction() {
		return noiseDropFraction;
	}

	/**
	 * Which patches TailedCore's head branch drops. SoftPatch, the paper's
	 * baseline, always drops the fixed share.
	 */
	public NoiseThreshold noiseThreshold() {
		return noiseThreshold;
	}

	/** The noise threshold this method's fit uses. */
	public NoiseThreshold effectiveNoiseThreshold() {
		return method == Method.SOFTPATCH ? NoiseThreshold.FIXED : noiseThreshold;
	}

	/** Whether TailedCore builds its tail branch (false = the "w/o FSA" ablation). */
	public boolean tailBranch() {
		return tailBranch;
	}

	public double tailPercentile() {
		return tailPercentile;
	}

	public double tailCapFraction() {
		return tailCapFraction;
	}

	/** How TailSampler takes the tail images from its candidates. */
	public TailEstimation tailEstimation() {
		return tailEstimation;
	}

	public TailAugmentation tailAugmentation() {
		return tailAugmentation;
	}

	public double gaussianSigma() {
		return gaussianSigma;
	}

	/** Where the fit uses importance weights of the training images. */
	public ImportanceWeighting importanceWeighting() {
		return importanceWeighting;
	}

	/** Which memory rows a test image is compared with. */
	public Scoring scoring() {
		return scoring;
	}

	/**
	 * Under class-aware scoring, the least number of nearest training images
	 * whose memory rows a test image is compared with
	 * ({@link io.github.tailedcore.scoring.ImageNeighbors}).
	 */
	public int scoringNeighbors() {
		return scoringNeighbors;
	}

	public long seed() {
		return seed;
	}

	@Override
	public String toString() {
		return method.displayName() + " (coreset " + coresetRatio + ", projection " +
			projectionDim + "-d, LOF k=" + lofNeighbors + " drop " +
			effectiveNoiseThreshold().label() + " " + noiseDropFraction +
			", tail branch " + tailBranch + " p=" +
			tailPercentile + " cap " + tailCapFraction + " estimate " +
			tailEstimation.label() + " views " +
			tailAugmentation.name().toLowerCase() + ", σ=" + gaussianSigma +
			", importance weighting " + importanceWeighting.label() + ", scoring " +
			scoring.label() + (scoring.conditions() ? " k≥" +
				scoringNeighbors : "") + ", seed " + seed + ")";
	}

	/** Collects settings; {@link #build()} validates them. */
	public static final class Builder {

		private Method method = DEFAULT_METHOD;
		private double coresetRatio = DEFAULT_CORESET_RATIO;
		private int projectionDim = DEFAULT_PROJECTION_DIM;
		private int lofNeighbors = DEFAULT_LOF_NEIGHBORS;
		private double noiseDropFraction = DEFAULT_NOISE_DROP_FRACTION;
		private NoiseThreshold noiseThreshold = DEFAULT_NOISE_THRESHOLD;
		private boolean tailBranch = true;
		private double tailPercentile = DEFAULT_TAIL_PERCENTILE;
		private double tailCapFraction = DEFAULT_TAIL_CAP_FRACTION;
		private TailEstimation tailEstimation = DEFAULT_TAIL_ESTIMATION;
		private TailAugmentation tailAugmentation = DEFAULT_TAIL_AUGMENTATION;
		private double gaussianSigma = DEFAULT_GAUSSIAN_SIGMA;
		private ImportanceWeighting importanceWeighting =
			DEFAULT_IMPORTANCE_WEIGHTING;
		private Scoring scoring = DEFAULT_SCORING;
		private int scoringNeighbors = DEFAULT_SCORING_NEIGHBORS;
		private long seed = DEFAULT_SEED;

		private Builder() {}

		public Builder method(final Method value) {
			method = value;
			return this;
		}

		public Builder coresetRatio(final double value) {
			coresetRatio = value;
			return this;
		}

		public Builder projectionDim(final int value) {
			projectionDim = value;
			return this;
		}

		public Builder lofNeighbors(final int value) {
			lofNeighbors = value;
			return this;
		}

		public Builder noiseDropFraction(final double value) {
			noiseDropFraction = value;
			return this;
		}

		public Builder noiseThreshold(final NoiseThreshold value) {
			noiseThreshold = value;
			return this;
		}

		public Builder tailBranch(final boolean value) {
			tailBranch = value;
			return this;
		}

		public Builder tailPercentile(final double value) {
			tailPercentile = value;
			return this;
		}

		public Builder tailCapFraction(final double value) {
			tailCapFraction = value;
			return this;
		}

		public Builder tailEstimation(final TailEstimation value) {
			tailEstimation = value;
			return this;
		}

		public Builder tailAugmentation(final TailAugmentation value) {
			tailAugmentation = value;
			return this;
		}

		public Builder gaussianSigma(final double value) {
			gaussianSigma = value;
			return this;
		}

		public Builder importanceWeighting(final ImportanceWeighting value) {
			importanceWeighting = value;
			return this;
		}

		public Builder scoring(final Scoring value) {
			scoring = value;
			return this;
		}

		public Builder scoringNeighbors(final int value) {
			scoringNeighbors = value;
			return this;
		}

		public Builder seed(final long value) {
			seed = value;
			return this;
		}

		/**
		 * @throws IllegalArgumentException naming the first setting that is out
		 *           of range
		 */
		public TailedCoreSettings build() {
			if (method == null) throw new IllegalArgumentException(
				"Choose a method: TailedCore, PatchCore or SoftPatch.");
			if (!(coresetRatio > 0 && coresetRatio <= 1))
				throw new IllegalArgumentException("coreset_ratio must be in (0, 1], got " +
					coresetRatio + ".");
			if (projectionDim < 1) throw new IllegalArgumentException(
				"The projection dimension must be at least 1, got " + projectionDim +
					".");
			if (lofNeighbors < 1) throw new IllegalArgumentException(
				"LOF needs at least 1 neighbour, got " + lofNeighbors + ".");
			if (!(noiseDropFraction >= 0 && noiseDropFraction < 1))
				throw new IllegalArgumentException(
					"noise_drop_fraction must be in [0, 1), got " + noiseDropFraction +
						".");
			if (noiseThreshold == null) throw new IllegalArgumentException(
				"Choose a noise threshold (adaptive or fixed).");
			if (!(tailPercentile > 0 && tailPercentile <= 1))
				throw new IllegalArgumentException(
					"The tail percentile p must be in (0, 1], got " + tailPercentile + ".");
			if (!(tailCapFraction > 0 && tailCapFraction <= 1))
				throw new IllegalArgumentException(
					"The tail cap must be in (0, 1], got " + tailCapFraction + ".");
			if (tailEstimation == null) throw new IllegalArgumentException(
				"Choose a tail estimate (robust, separation or paper).");
			if (tailAugmentation == null) throw new IllegalArgumentException(
				"Choose a tail augmentation (none for no extra views).");
			if (!(gaussianSigma >= 0)) throw new IllegalArgumentException(
				"The Gaussian σ must be ≥ 0, got " + gaussianSigma + ".");
			if (importanceWeighting == null) throw new IllegalArgumentException(
				"Choose an importance weighting (none, coreset or coreset+score).");
			if (scoring == null) throw new IllegalArgumentException(
				"Choose a scoring (global or class-aware).");
			if (scoringNeighbors < 1) throw new IllegalArgumentException(
				"Class-aware scoring needs at least 1 neighbouring training image, " +
					"got " + scoringNeighbors + ".");
			return new TailedCoreSettings(this);
		}
	}
}
