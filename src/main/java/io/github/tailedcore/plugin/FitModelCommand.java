package io.github.tailedcore.plugin;

import io.github.tailedcore.Method;
import io.github.tailedcore.TailedCore;
import io.github.tailedcore.TailedCoreModel;
import io.github.tailedcore.TailedCoreSettings;
import io.github.tailedcore.feature.BackboneLocator;
import io.github.tailedcore.feature.FeatureExtractor;
import io.github.tailedcore.feature.ImageSource;
import io.github.tailedcore.image.ImageFolder;
import io.github.tailedcore.io.ModelFile;
import io.github.tailedcore.tail.TailAugmentation;

import java.io.File;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;

import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * <em>Plugins › TailedCore › Fit Model...</em>: fits a model on a folder of
 * normal images and saves it as one model file, then reports what the fit
 * found (images used and skipped, κ, K_max, tail images, memory size, the
 * default threshold and how it was chosen).
 */
@Plugin(type = Command.class, menuPath = "Plugins>TailedCore>Fit Model...")
public final class FitModelCommand extends ContextCommand {

	@Parameter(label = "Training images", style = "directory")
	private File training_dir;

	@Parameter(label = "File pattern", required = false)
	private String file_pattern = ImageFolder.DEFAULT_PATTERN;

	@Parameter(label = "Include subfolders", required = false)
	private boolean recursive;

	@Parameter(label = "Method", choices = { "TailedCore", "PatchCore",
		"SoftPatch" }, required = false)
	private String method = "TailedCore";

	@Parameter(label = "Backbone (name or file)", required = false)
	private String backbone = BackboneLocator.DEFAULT_BACKBONE;

	@Parameter(label = "Coreset ratio", min = "0.001", max = "1",
		required = false)
	private double coreset_ratio = TailedCoreSettings.DEFAULT_CORESET_RATIO;

	@Parameter(label = "Noise drop fraction", min = "0", max = "0.99",
		required = false)
	private double noise_drop_fraction =
		TailedCoreSettings.DEFAULT_NOISE_DROP_FRACTION;

	@Parameter(label = "Tail augmentation", choices = { "rot15flip",
		"rot30flip", "rot45flip", "rotflip", "none" }, required = false)
	private String tail_augmentation = "rot15flip";

	@Parameter(label = "Seed", required = false)
	private long seed = TailedCoreSettings.DEFAULT_SEED;

	@Parameter(label = "Model file", style = "save")
	private File model_file;

	@Parameter(label = "Overwrite an existing model file", required = false)
	private boolean overwrite;

	@Parameter(type = ItemIO.OUTPUT)
	private String summary;

	@Parameter
	private StatusService status;

	@Parameter
	private LogService log;

	@Override
	public void run() {
		try {
			final TailedCoreSettings settings = TailedCoreSettings.builder().method(
				Method.parse(method)).coresetRatio(coreset_ratio).noiseDropFraction(
					noise_drop_fraction).tailAugmentation(TailAugmentation.parse(
						tail_augmentation)).seed(seed).build();
			final StatusProgress progress = new StatusProgress(status,
				this::isCanceled);
			progress.stage("Reading " + training_dir);
			final ImageFolder folder = ImageFolder.scan(training_dir.toPath(),
				file_pattern, recursive);
			folder.requireImages(file_pattern);
			final TailedCoreModel model;
			try (FeatureExtractor extractor = FeatureExtractor.open(BackboneLocator
				.standard().resolve(backbone)))
			{
				model = new TailedCore(settings).fit(folder.images().stream().map(
					ImageSource::of).collect(Collectors.toList()), extractor, progress);
			}
			ModelFile.save(model, model_file.toPath(), overwrite);
			summary = summary(folder, model);
			log.info(summary);
			status.showStatus("TailedCore: saved " + model_file);
		}
		catch (final CancellationException e) {
			cancel("Fit canceled; no model file was written.");
		}
		catch (final Exception e) {
			summary = "Fit failed: " + e.getMessage();
			log.error(summary);
			cancel(summary);
		}
	}

	private String summary(final ImageFolder folder,
		final TailedCoreModel model)
	{
		final StringBuilder s = new StringBuilder(model.settings().method()
			.displayName() + " model saved to " + model_file + "\n");
		s.append("Images used: ").append(folder.images().size()).append(
			", skipped: ").append(folder.skipped().size()).append("\n");
		for (final ImageFolder.Skipped k : folder.skipped())
			s.append("  skipped ").append(k).append("\n");
		s.append(model.summary()).append("\n");
		for (final int i : model.summary().tailImages())
			s.append("  tail image: ").append(folder.folder().relativize(folder
				.images().get(i))).append("\n");
		s.append("Default threshold: ").append(model.threshold() == null
			? "none (one training image cannot be left out)" : model.threshold());
		return s.toString();
	}
}
