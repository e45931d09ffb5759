package io.github.tailedcore.plugin;

import io.github.tailedcore.Method;
import io.github.tailedcore.TailedCore;
import io.github.tailedcore.TailedCoreModel;
import io.github.tailedcore.TailedCoreSettings;
import io.github.tailedcore.feature.BackboneLocator;
import io.github.tailedcore.feature.FeatureExtractor;
import io.github.tailedcore.ij.TrainingImages;
import io.github.tailedcore.image.ImageFolder;
import io.github.tailedcore.importance.ImportanceWeighting;
import io.github.tailedcore.io.ModelFile;
import io.github.tailedcore.noise.NoiseThreshold;
import io.github.tailedcore.preprocess.Channels;
import io.github.tailedcore.preprocess.Framing;
import io.github.tailedcore.preprocess.Intensity;
import io.github.tailedcore.preprocess.Preprocessing;
import io.github.tailedcore.scoring.Scoring;
import io.github.tailedcore.tail.TailAugmentation;
import io.github.tailedcore.tail.TailEstimation;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * <em>Plugins › TailedCore › Fit Model...</em>: fits a model on a folder of
 * normal (possibly noisy, long-tailed) images and saves it as one file; the
 * summary says what was used, skipped and estimated.
 */
@Plugin(type = Command.class, menuPath = "Plugins>TailedCore>Fit Model...")
public class FitModelCommand extends TailedCoreCommand {

	@Parameter(label = "Training images", style = FileWidget.DIRECTORY_STYLE,
		persist = false)
	private File training_dir;

	@Parameter(label = "File pattern")
	private String file_pattern = ImageFolder.DEFAULT_PATTERN;

	@Parameter(label = "Include subfolders")
	private boolean recursive;

	@Parameter(label = "Method", choices = { "TailedCore", "PatchCore",
		"SoftPatch" })
	private String method = "TailedCore";

	@Parameter(label = "Backbone (name or file)")
	private String backbone = BackboneLocator.DEFAULT_BACKBONE;

	@Parameter(label = "Coreset ratio", min = "0.001", max = "1",
		stepSize = "0.01")
	private double coreset_ratio = TailedCoreSettings.DEFAULT_CORESET_RATIO;

	@Parameter(label = "Noise drop fraction", min = "0", max = "0.99",
		stepSize = "0.01")
	private double noise_drop_fraction =
		TailedCoreSettings.DEFAULT_NOISE_DROP_FRACTION;

	@Parameter(label = "Noise threshold", choices = { "adaptive", "fixed" },
		description = "adaptive (ours, default): TailedCore drops only patches " +
			"whose local outlier factor exceeds 2, at most the noise drop " +
			"fraction, so a clean folder keeps its rare normal detail; fixed: the " +
			"paper's, always the noise drop fraction. SoftPatch always drops it.")
	private String noise_threshold = TailedCoreSettings.DEFAULT_NOISE_THRESHOLD
		.label();

	@Parameter(label = "Tail estimate", choices = { "robust", "separation",
		"paper" }, description = "robust (ours, default): only rare kinds apart " +
			"from the head that do not look defective on their patches are tail, " +
			"so one kind, a diverse kind or a defective image is not taken as " +
			"tail; separation: apart from the head only; paper: the authors' " +
			"estimate exactly (see the README).")
	private String tail_estimate = TailedCoreSettings.DEFAULT_TAIL_ESTIMATION
		.label();

	@Parameter(label = "Tail augmentation", choices = { "rot15flip",
		"rot30flip", "rot45flip", "rotflip", "none" })
	private String tail_augmentation = "rot15flip";

	@Parameter(label = "Importance weighting", choices = { "none", "coreset",
		"coreset+score" }, description = "Our option: weight training images " +
			"so that their leave-one-out score distribution moves towards a " +
			"Gaussian (see the README); none is the paper's method.")
	private String importance_weighting = ImportanceWeighting.NONE.label();

	@Parameter(label = "Scoring", choices = { "class-aware", "global" },
		description = "class-aware (ours, default): a test image is compared " +
			"only with the memory of its nearest training images where they stand " +
			"apart from the rest, i.e. its own kind in a folder of mixed kinds (on " +
			"one kind this is global scoring); global: with all memory, the " +
			"paper's scoring.")
	private String scoring = TailedCoreSettings.DEFAULT_SCORING.label();

	@Parameter(label = "Framing", choices = { "full", "tiles", "crop" },
		description = "full (default): the whole image at the backbone's input " +
			"size, maps cover every pixel; tiles: the image at tile_scale cut into " +
			"overlapping tiles, for small defects in large images; crop: the " +
			"paper's resize 256 + centre crop 224 (borders are not analysed).")
	private String framing = Preprocessing.DEFAULT_FRAMING.label();

	@Parameter(label = "Tile scale", min = "0.01", max = "8", stepSize = "0.25",
		description = "With tiles: 1 analyses the image at its own resolution, " +
			"0.5 at half of it (4 times fewer tiles).")
	private double tile_scale = Preprocessing.DEFAULT_SCALE;

	@Parameter(label = "Tile overlap (px)", min = "0", max = "112")
	private int tile_overlap = Preprocessing.DEFAULT_OVERLAP;

	@Parameter(label = "Intensity scaling", choices = { "training-range",
		"bit-depth", "percentiles", "display-range" },
		description = "training-range (default): the training images' " +
			"0.1-99.9 % range becomes 0-255, so a 12-bit camera image in 16 bits " +
			"uses the full input range, and 32-bit data (0-1, negative) is read " +
			"as it is; bit-depth: the paper's (32-bit images must then be on the " +
			"0-255 scale); percentiles: each " +
			"image between its own 0.5 and 99.5 %; display-range: each channel " +
			"between the display range saved with it (Image > Adjust > " +
			"Brightness/Contrast, then save as TIFF), else its own min and max.")
	private String intensity = Preprocessing.DEFAULT_INTENSITY.label();

	@Parameter(label = "Channels", description = "auto (default): grey images " +
		"as grey, colour as colour, a composite of 2 or 3 channels as red, green " +
		"(and blue); or 1 to 3 channel numbers of a composite, e.g. 2 (grey), " +
		"1,3 (red and green) or 3,1,2.")
	private String channels = Channels.auto().label();

	@Parameter(label = "Seed")
	private long seed = TailedCoreSettings.DEFAULT_SEED;

	@Parameter(label = "Model file", style = FileWidget.SAVE_STYLE,
		persist = false)
	private File model_file;

	@Parameter(label = "Overwrite an existing model file")
	private boolean overwrite;

	@Parameter(type = ItemIO.OUTPUT, label = "TailedCore fit")
	private String summary;

	@Override
	protected void execute() throws IOException {
		final TailedCoreSettings settings = TailedCoreSettings.builder().method(
			Method.parse(method)).coresetRatio(coreset_ratio).noiseDropFraction(
				noise_drop_fraction).noiseThreshold(NoiseThreshold.parse(
					noise_threshold)).tailEstimation(TailEstimation.parse(
					tail_estimate)).tailAugmentation(TailAugmentation.parse(
						tail_augmentation)).importanceWeighting(ImportanceWeighting.parse(
							importance_weighting)).scoring(Scoring.parse(scoring)).seed(seed)
			.build();
		final Preprocessing preprocessing = new Preprocessing(Framing.parse(
			framing), tile_scale, tile_overlap, Intensity.of(Intensity.Mode.parse(
				intensity)), Channels.parse(channels));
		final Path target = model_file.toPath();
		ModelFile.requireSavable(target, overwrite);
		status.showStatus("Reading " + training_dir);
		final ImageFolder folder = ImageFolder.scan(training_dir.toPath(),
			file_pattern, recursive);
		folder.requireImages(file_pattern);
		final TailedCoreModel model;
		// the backbone is found first and loaded after the images are checked
		final BackboneLocator.Located located = BackboneLocator.standard().resolve(
			backbone);
		final TrainingImages images = TrainingImages.check(folder, file_pattern,
			preprocessing, progress());
		images.skipped().forEach(s -> log.warn("Skipped " + s));
		try (FeatureExtractor extractor = FeatureExtractor.open(located)) {
			model = new TailedCore(settings).fit(images.sources(), extractor,
				images.preprocessing(), progress());
		}
		ModelFile.save(model, target, overwrite);
		summary = FitReport.of(model, images.imageFiles(), images.skipped(),
			target);
		log.info(summary);
		if (!model.summary().tailNote().isEmpty()) log.warn("Tail estimate: " +
			model.summary().tailNote());
	}
}
