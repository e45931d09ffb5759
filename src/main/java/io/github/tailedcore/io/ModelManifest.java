package io.github.tailedcore.io;

import io.github.tailedcore.FitSummary;
import io.github.tailedcore.Method;
import io.github.tailedcore.TailedCoreModel;
import io.github.tailedcore.TailedCoreSettings;
import io.github.tailedcore.Threshold;
import io.github.tailedcore.feature.BackboneId;
import io.github.tailedcore.feature.FeatureGrid;
import io.github.tailedcore.importance.ImportanceWeighting;
import io.github.tailedcore.memory.MemoryBank;
import io.github.tailedcore.noise.NoiseThreshold;
import io.github.tailedcore.preprocess.Channels;
import io.github.tailedcore.preprocess.Framing;
import io.github.tailedcore.preprocess.Intensity;
import io.github.tailedcore.preprocess.Preprocessing;
import io.github.tailedcore.scoring.ImageNeighbors;
import io.github.tailedcore.scoring.Scoring;
import io.github.tailedcore.tail.TailAugmentation;
import io.github.tailedcore.tail.TailEstimation;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * The {@code manifest.json} of a model file, format version
 * {@value ModelFile#FORMAT_VERSION}, as Gson reads and writes it: everything
 * about a {@link TailedCoreModel} except the memory vectors and weights.
 * <p>
 * Components are boxed so that a key missing from the file reads as
 * {@code null} and is reported by {@link #missingKey()}, instead of silently
 * becoming 0. Only {@code threshold}, the importance-weighting keys, the
 * tail-estimate keys and the noise threshold are optional: files written
 * before importance weighting existed read as unweighted, files written
 * before the robust tail estimate existed read as fitted with the paper's,
 * files written before the adaptive noise threshold existed read as fitted
 * with the fixed share, files written before {@code preprocessing} existed
 * read as the paper's crop (and those before {@code preprocessing.channels}
 * as {@code auto}, those before {@code preprocessing.intensityFloatingPoint}
 * with a training range on the 0–255 scale), files of format
 * version 1 (before class-aware scoring) as scoring globally, without
 * origins and embeddings ({@link #OPTIONAL_KEYS}).
 * </p>
 */
record ModelManifest(Integer formatVersion, String kind, String created,
	String libraryVersion, String method, Settings settings,
	PreprocessingValue preprocessing, Backbone backbone, Grid grid,
	ThresholdValue threshold, Summary fitSummary, Memory memory,
	Neighbors neighbors)
{

	/** The value of {@code kind} that marks our manifests. */
	static final String KIND = "TailedCore model";
	/** The value of {@code memory.encoding}. */
	static final String ENCODING = "float32 little-endian, row-major";
	/** Keys that may be absent: no threshold, or a file without weighting. */
	static final Set<String> OPTIONAL_KEYS = Set.of("threshold",
		"settings.importanceWeighting", "fitSummary.importanceScores",
		"fitSummary.importanceWeights", "settings.tailEstimate",
		"settings.noiseThreshold",
		"fitSummary.tailNote", "settings.scoring", "settings.scoringNeighbors",
		"memory.origins", "neighbors", "preprocessing", "preprocessing.channels",
		"preprocessing.intensityFloatingPoint");

	/** The settings except the method, which is a top-level key. */
	record Settings(Double coresetRatio, Integer projectionDim,
		Integer lofNeighbors, Double noiseDropFraction, String noiseThreshold,
		Boolean tailBranch,
		Double tailPercentile, Double tailCapFraction, String tailEstimate,
		String tailAugmentation, Double gaussianSigma, String importanceWeighting,
		String scoring, Integer scoringNeighbors, Long seed)
	{}

	/**
	 * How images are prepared: framing, tile scale and overlap, intensity
	 * scaling and its two bounds (the training range, or the percentiles),
	 * whether a training range is of 32-bit values as they are (absent in
	 * older files: on the 0–255 scale, which was then every image's), the
	 * channels that feed the backbone (absent in older files: auto).
	 */
	record PreprocessingValue(String framing, Double scale, Integer overlap,
		String intensity, Double intensityLow, Double intensityHigh,
		Boolean intensityFloatingPoint, String channels)
	{}

	record Backbone(String name, String sha256) {}

	record Grid(Integer height, Integer width, Integer dims, Integer cropSize) {}

	record ThresholdValue(Double value, String method) {}

	record Summary(Integer imageCount, Long patchCount, Long droppedPatches,
		int[] kappa, int[] classSizes, Integer kElbow, Integer kCap, Integer kMax,
		int[] tailImages, Integer tailMemory, Integer cleanMemory,
		double[] importanceScores, double[] importanceWeights, String tailNote)
	{}

	/**
	 * Layout of {@code memory.bin} (and {@code weights.bin} if weighted,
	 * {@code origins.bin} if the rows know their origin).
	 */
	record Memory(Integer size, Integer dims, Boolean weighted, Integer tailSize,
		String encoding, Boolean origins)
	{}

	/** The training embeddings of {@code embeddings.bin}: images × dims. */
	record Neighbors(Integer images, Integer dims) {}

	/** The manifest of {@code model}. */
	static ModelManifest describe(final TailedCoreModel model,
		final String created, final String libraryVersion)
	{
		final TailedCoreSettings s = model.settings();
		final Settings settings = new Settings(s.coresetRatio(), s.projectionDim(),
			s.lofNeighbors(), s.noiseDropFraction(), s.noiseThreshold().label(), s
				.tailBranch(),
			s.tailPercentile(), s.tailCapFraction(), s.tailEstimation().label(), s
				.tailAugmentation().name()
				.toLowerCase(), s.gaussianSigma(), s.importanceWeighting().label(), s
					.scoring().label(), s.scoringNeighbors(), s.seed());
		final BackboneId b = model.backbone();
		final FeatureGrid g = model.grid();
		final Threshold t = model.threshold();
		final FitSummary f = model.summary();
		final Summary summary = new Summary(f.imageCount(), f.patchCount(),
			f.droppedPatches(), f.kappa(), f.classSizes(), f.kElbow(), f.kCap(),
			f.kMax(), f.tailImages(), f.tailMemory(), f.cleanMemory(), f
				.importanceScores(), f.importanceWeights(), f.tailNote());
		final MemoryBank m = model.memory();
		final ImageNeighbors n = model.neighbors();
		final Preprocessing p = model.preprocessing();
		final Intensity i = p.intensity();
		return new ModelManifest(ModelFile.FORMAT_VERSION, KIND, created,
			libraryVersion, s.method().displayName(), settings,
			new PreprocessingValue(p.framing().label(), p.scale(), p.overlap(), i
				.mode().label(), i.low(), i.high(), i.floatingPoint(), p.channels()
					.label()),
			new Backbone(b.name(), b.sha256()),
			new Grid(g.height(), g.width(), g.dims(), g.cropSize()),
			t == null ? null : new ThresholdValue(t.value(), t.method()), summary,
			new Memory(m.size(), m.dims(), m.weights() != null, m.tailSize(),
				ENCODING, m.origins() != null), n == null ? null : new Neighbors(n
					.imageCount(), n.embeddings().cols()));
	}

	/**
	 * The settings, validated by {@link TailedCoreSettings.Builder#build()}.
	 *
	 * @throws IllegalArgumentException if a value is unknown or out of range
	 */
	TailedCoreSettings toSettings() {
		return TailedCoreSettings.builder().method(Method.parse(method))
			.coresetRatio(settings.coresetRatio).projectionDim(
				settings.projectionDim).lofNeighbors(settings.lofNeighbors)
			.noiseDropFraction(settings.noiseDropFraction).noiseThreshold(
				settings.noiseThreshold == null ? NoiseThreshold.FIXED : NoiseThreshold
					.parse(settings.noiseThreshold)).tailBranch(
				settings.tailBranch).tailPercentile(settings.tailPercentile)
			.tailCapFraction(settings.tailCapFraction).tailEstimation(
				settings.tailEstimate == null ? TailEstimation.PAPER : TailEstimation
					.parse(settings.tailEstimate)).tailAugmentation(
				TailAugmentation.parse(settings.tailAugmentation)).gaussianSigma(
					settings.gaussianSigma).importanceWeighting(
						settings.importanceWeighting == null ? ImportanceWeighting.NONE
							: ImportanceWeighting.parse(settings.importanceWeighting))
			.scoring(settings.scoring == null ? Scoring.GLOBAL : Scoring.parse(
				settings.scoring)).scoringNeighbors(settings.scoringNeighbors == null
					? TailedCoreSettings.DEFAULT_SCORING_NEIGHBORS
					: settings.scoringNeighbors).seed(settings.seed).build();
	}

	/**
	 * The preprocessing; the paper's crop for files written before it was
	 * recorded.
	 *
	 * @throws IllegalArgumentException if a value is unknown or out of range
	 */
	Preprocessing toPreprocessing() {
		if (preprocessing == null) return Preprocessing.paper();
		final PreprocessingValue p = preprocessing;
		return new Preprocessing(Framing.parse(p.framing), p.scale, p.overlap,
			new Intensity(Intensity.Mode.parse(p.intensity), p.intensityLow,
				p.intensityHigh, Boolean.TRUE.equals(p.intensityFloatingPoint)),
			p.channels == null ? Channels.auto() : Channels.parse(
					p.channels));
	}

	BackboneId toBackbone() {
		return new BackboneId(backbone.name, backbone.sha256);
	}

	FeatureGrid toGrid() {
		return new FeatureGrid(grid.height, grid.width, grid.dims, grid.cropSize);
	}

	/** The threshold, or {@code null} if the model has none. */
	Threshold toThreshold() {
		return threshold == null ? null : new Threshold(threshold.value,
			threshold.method);
	}

	FitSummary toSummary() {
		final Summary f = fitSummary;
		return new FitSummary(f.imageCount, f.patchCount, f.droppedPatches,
			f.kappa, f.classSizes, f.kElbow, f.kCap, f.kMax, f.tailImages,
			f.tailMemory, f.cleanMemory, orEmpty(f.importanceScores), orEmpty(
				f.importanceWeights), f.tailNote == null ? "" : f.tailNote);
	}

	private static double[] orEmpty(final double[] values) {
		return values == null ? new double[0] : values;
	}

	/**
	 * The dotted name of the first required key that is missing, e.g.
	 * {@code "grid.height"}, or {@code null} if the manifest is complete.
	 */
	String missingKey() {
		return firstKey(this, "", (key, value) -> value == null && !OPTIONAL_KEYS
			.contains(key));
	}

	/**
	 * The dotted name of the first number that is not finite (NaN or
	 * ±infinity, which a lenient JSON parser accepts), or {@code null}.
	 */
	String nonFiniteKey() {
		return firstKey(this, "", (key, value) -> value instanceof Double &&
			!Double.isFinite((Double) value) || value instanceof double[] && Arrays
				.stream((double[]) value).anyMatch(v -> !Double.isFinite(v)));
	}

	/** The first key, depth first, whose value {@code test} accepts. */
	private static String firstKey(final Record record, final String prefix,
		final BiPredicate<String, Object> test)
	{
		for (final RecordComponent c : record.getClass().getRecordComponents()) {
			final Object value;
			try {
				value = c.getAccessor().invoke(record);
			}
			catch (final ReflectiveOperationException e) {
				throw new IllegalStateException(e);
			}
			final String key = prefix + c.getName();
			if (test.test(key, value)) return key;
			if (value instanceof Record) {
				final String found = firstKey((Record) value, key + ".", test);
				if (found != null) return found;
			}
		}
		return null;
	}
}
