package io.github.tailedcore.cli;

import io.github.tailedcore.Method;
import io.github.tailedcore.Progress;
import io.github.tailedcore.TailViewSource;
import io.github.tailedcore.TailedCore;
import io.github.tailedcore.TailedCoreModel;
import io.github.tailedcore.TailedCoreSettings;
import io.github.tailedcore.feature.BackboneId;
import io.github.tailedcore.feature.BackboneLocator;
import io.github.tailedcore.feature.FeatureExtractor;
import io.github.tailedcore.feature.FeatureGrid;
import io.github.tailedcore.feature.PatchFeatures;
import io.github.tailedcore.ij.TrainingImages;
import io.github.tailedcore.image.ImageFolder;
import io.github.tailedcore.importance.ImportanceWeighting;
import io.github.tailedcore.io.ModelFile;
import io.github.tailedcore.io.NpyFile;
import io.github.tailedcore.noise.NoiseThreshold;
import io.github.tailedcore.preprocess.Channels;
import io.github.tailedcore.preprocess.Framing;
import io.github.tailedcore.preprocess.Intensity;
import io.github.tailedcore.preprocess.Preprocessing;
import io.github.tailedcore.scoring.Scoring;
import io.github.tailedcore.tail.TailAugmentation;
import io.github.tailedcore.tail.TailEstimation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * {@code fit}: fits a model on a folder of normal images (or on patch
 * feature arrays computed elsewhere) and saves it as one model file.
 * Everything that can be checked before the fit is: the options, that the
 * model file can be saved, the backbone, and every training image
 * ({@link TrainingImages}; unusable ones are skipped with the reason).
 */
public final class FitCommand implements Subcommand {

	/** The backbone recorded for models fitted on feature arrays. */
	static final BackboneId EXTERNAL_FEATURES = new BackboneId(
		"external-features", "");

	@Override
	public String name() {
		return "fit";
	}

	@Override
	public String summary() {
		return "Fit a model on a folder of normal images (or on .npy features).";
	}

	@Override
	public String usage() {
		return String.join("\n", //
			"--train DIR             folder of training images (normal, possibly a few",
			"                        defective, any mix of product kinds)",
			"--pattern GLOB          file names to use (default: PNG, TIFF, JPEG, BMP)",
			"--recursive             include subfolders",
			"--features FILE.npy     instead of --train: patch features, float32 (N, H, W, D)",
			"--embeddings FILE.npy   with --features: image embeddings (N, E), for TailedCore",
			"                        and class-aware scoring (without them: global)",
			"--crop PX               with --features: crop size the grid covers (default 224)",
			"--model FILE            model file to write (" + ModelFile.EXTENSION + ")",
			"--overwrite             replace an existing model file",
			"--method NAME           tailedcore (default), patchcore or softpatch",
			"--backbone NAME|FILE    backbone (default " +
				BackboneLocator.DEFAULT_BACKBONE + ")",
			"--coreset-ratio R       coreset fraction (default 0.1)",
			"--noise-drop R          fraction of patches LOF drops (default 0.15): all of",
			"                        it with --noise-threshold fixed, at most it with adaptive",
			"--noise-threshold T     adaptive (default): TailedCore drops only patches of",
			"                        LOF > 2; fixed: the paper's, always the share R",
			"                        (SoftPatch always drops the share R)",
			"--tail-estimate E       robust (default): only rare kinds apart from the head",
			"                        that do not look defective on their patches;",
			"                        separation: apart from the head only; paper: the",
			"                        authors' estimate exactly",
			"--tail-augmentation A   rot15flip (default), rot30flip, rot45flip, rotflip, none",
			"--importance-weighting W  none (default), coreset or coreset+score: weight",
			"                        coresets (and scores) by leave-one-image-out importance",
			"--scoring S             " + TailedCoreSettings.DEFAULT_SCORING.label() +
				" (default) or " + (TailedCoreSettings.DEFAULT_SCORING == Scoring.GLOBAL
					? Scoring.CLASS_AWARE : Scoring.GLOBAL).label() + ": class-aware",
			"                        compares a test image only with the memory of its",
			"                        nearest training images where they stand apart from",
			"                        the rest (its own kind), else with all; global: all",
			"--scoring-neighbors K   class-aware: at least K nearest training images",
			"                        (default " + TailedCoreSettings.DEFAULT_SCORING_NEIGHBORS + ")",
			"--framing F             full (default): the whole image at the backbone's",
			"                        input size; tiles: overlapping tiles at --scale;",
			"                        crop: the paper's resize 256 + centre crop 224",
			"--scale S               with tiles: image pixels per input pixel (default 1)",
			"--tile-overlap PX       with tiles: least overlap of tiles (default 32)",
			"--intensity I           training-range (default): the training images'",
			"                        0.1-99.9 % range becomes 0-255, also of 32-bit",
			"                        data (0-1, negative); bit-depth: the paper's",
			"                        (32-bit data on 0-255 only); percentiles: each",
			"                        image's 0.5-99.5 %;",
			"                        display-range: each channel's display range as",
			"                        ImageJ saved it (else the image's min-max)",
			"--channels C            auto (default): grey as grey, colour as colour,",
			"                        a 2- or 3-channel composite's channels as red,",
			"                        green (, blue); or 1 to 3 channel numbers of a",
			"                        composite, e.g. 2 (grey) or 1,3 (red, green)",
			"--seed N                seed of projections and coreset starts (default 0)");
	}

	@Override
	public int run(final Arguments args) throws Exception {
		final TailedCoreSettings settings = settings(args);
		final Path modelFile = args.path("model");
		final boolean overwrite = args.flag("overwrite");
		final Path featuresFile = args.path("features", null);
		final Progress progress = new ConsoleProgress(System.out);
		final long start = System.nanoTime();
		final TailedCoreModel model;
		if (featuresFile != null) {
			final Path embeddings = args.path("embeddings", null);
			final int crop = args.integer("crop", 224);
			final boolean scoringChosen = args.has("scoring");
			args.rejectUnknown();
			if (settings.method() == Method.TAILEDCORE && embeddings == null)
				throw new UsageException("TailedCore needs image embeddings: add " +
					"--embeddings FILE.npy, or use --method patchcore.");
			ModelFile.requireSavable(modelFile, overwrite);
			// without embeddings nothing tells the kinds apart: score globally
			final TailedCoreSettings fitted = embeddings == null && !scoringChosen
				? settings.toBuilder().scoring(Scoring.GLOBAL).build() : settings;
			model = new TailedCore(fitted).fit(readFeatures(featuresFile,
				embeddings, crop), EXTERNAL_FEATURES, TailViewSource.NONE, progress);
		}
		else {
			final Path train = args.path("train");
			final String pattern = args.get("pattern", ImageFolder.DEFAULT_PATTERN);
			final boolean recursive = args.flag("recursive");
			final String backbone = args.get("backbone",
				BackboneLocator.DEFAULT_BACKBONE);
			final Preprocessing preprocessing = preprocessing(args);
			args.rejectUnknown();
			ModelFile.requireSavable(modelFile, overwrite);
			final ImageFolder folder = ImageFolder.scan(train, pattern, recursive);
			folder.requireImages(pattern);
			// the backbone is found first and loaded after the images are checked
			final BackboneLocator.Located located = BackboneLocator.standard()
				.resolve(backbone);
			final TrainingImages images = TrainingImages.check(folder, pattern,
				preprocessing, progress);
			for (final ImageFolder.Skipped s : images.skipped())
				System.out.println("Skipped " + s);
			try (FeatureExtractor extractor = FeatureExtractor.open(located)) {
				model = new TailedCore(settings).fit(images.sources(), extractor,
					images.preprocessing(), progress);
			}
		}
		ModelFile.save(model, modelFile, overwrite);
		System.out.printf("%s fitted in %.1f s: %s%n", settings.method()
			.displayName(), (System.nanoTime() - start) / 1e9, model.summary());
		System.out.println("Default threshold: " + (model.threshold() == null
			? "none (one training image cannot be left out)" : model.threshold()));
		System.out.println("Saved " + modelFile);
		return 0;
	}

	/** The settings the options give; a bad value is a usage error. */
	private static TailedCoreSettings settings(final Arguments args) {
		try {
			return settingsOf(args);
		}
		catch (final UsageException e) {
			throw e;
		}
		catch (final IllegalArgumentException e) {
			throw new UsageException(e.getMessage(), e);
		}
	}

	/** The preprocessing the options give; a bad value is a usage error. */
	static Preprocessing preprocessing(final Arguments args) {
		try {
			return new Preprocessing(Framing.parse(args.get("framing",
				Preprocessing.DEFAULT_FRAMING.label())), args.real("scale",
					Preprocessing.DEFAULT_SCALE), args.integer("tile-overlap",
						Preprocessing.DEFAULT_OVERLAP), Intensity.of(Intensity.Mode.parse(
							args.get("intensity", Preprocessing.DEFAULT_INTENSITY.label()))),
				Channels.parse(args.get("channels", Channels.auto().label())));
		}
		catch (final UsageException e) {
			throw e;
		}
		catch (final IllegalArgumentException e) {
			throw new UsageException(e.getMessage(), e);
		}
	}

	private static TailedCoreSettings settingsOf(final Arguments args) {
		return TailedCoreSettings.builder() //
			.method(Method.parse(args.get("method", "tailedcore"))) //
			.coresetRatio(args.real("coreset-ratio",
				TailedCoreSettings.DEFAULT_CORESET_RATIO)) //
			.noiseDropFraction(args.real("noise-drop",
				TailedCoreSettings.DEFAULT_NOISE_DROP_FRACTION)) //
			.noiseThreshold(NoiseThreshold.parse(args.get("noise-threshold",
				TailedCoreSettings.DEFAULT_NOISE_THRESHOLD.label()))) //
			.tailEstimation(TailEstimation.parse(args.get("tail-estimate",
				TailedCoreSettings.DEFAULT_TAIL_ESTIMATION.label()))) //
			.tailAugmentation(TailAugmentation.parse(args.get("tail-augmentation",
				TailedCoreSettings.DEFAULT_TAIL_AUGMENTATION.name()))) //
			.importanceWeighting(ImportanceWeighting.parse(args.get(
				"importance-weighting", TailedCoreSettings.DEFAULT_IMPORTANCE_WEIGHTING
					.label()))) //
			.scoring(Scoring.parse(args.get("scoring",
				TailedCoreSettings.DEFAULT_SCORING.label()))) //
			.scoringNeighbors(args.integer("scoring-neighbors",
				TailedCoreSettings.DEFAULT_SCORING_NEIGHBORS)) //
			.seed(args.integer("seed", (int) TailedCoreSettings.DEFAULT_SEED)) //
			.build();
	}

	/**
	 * Patch features (N, H, W, D) and optional embeddings (N, E) from .npy
	 * files, refused unless every dimension is at least 1 and every value is
	 * a finite number.
	 */
	static PatchFeatures readFeatures(final Path patchesFile,
		final Path embeddingsFile, final int crop) throws IOException
	{
		final NpyFile patches = finite(NpyFile.read(patchesFile), patchesFile);
		final int[] s = patches.shape();
		if (s.length != 4 || Arrays.stream(s).anyMatch(d -> d < 1))
			throw new IOException(patchesFile + " has shape " + Arrays.toString(s) +
				"; patch features need (images, height, width, dims), each at " +
				"least 1.");
		final FeatureGrid grid;
		try {
			grid = new FeatureGrid(s[1], s[2], s[3], crop);
		}
		catch (final IllegalArgumentException e) {
			throw new IOException(patchesFile + ": " + e.getMessage(), e);
		}
		final int values = s[1] * s[2] * s[3];
		NpyFile embeddings = null;
		if (embeddingsFile != null) {
			embeddings = finite(NpyFile.read(embeddingsFile), embeddingsFile);
			final int[] e = embeddings.shape();
			if (e.length != 2 || e[0] != s[0] || e[1] < 1) throw new IOException(
				embeddingsFile + " has shape " + Arrays.toString(e) +
					"; embeddings need (" + s[0] + ", dims), one row per image of " +
					patchesFile + ".");
		}
		final PatchFeatures features = new PatchFeatures(grid);
		for (int i = 0; i < s[0]; i++)
			features.add(Arrays.copyOfRange(patches.data(), i * values, (i + 1) *
				values), embeddings == null ? null : Arrays.copyOfRange(embeddings
					.data(), i * embeddings.shape()[1], (i + 1) * embeddings.shape()[1]));
		return features;
	}

	/** {@code npy}, or an error naming the first value that is not finite. */
	private static NpyFile finite(final NpyFile npy, final Path file)
		throws IOException
	{
		final long at = npy.firstNonFinite();
		if (at < 0) return npy;
		final int[] shape = npy.shape();
		final long perRow = shape.length < 2 ? 1 : npy.data().length / Math.max(
			1, shape[0]);
		throw new IOException(file + " holds " + npy.data()[(int) at] +
			" (value " + at + ", row " + at / perRow + "): every value must be a " +
			"finite number. Fix the features, then fit again.");
	}
}
