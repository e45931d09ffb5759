package io.github.tailedcore.plugin;

import io.github.tailedcore.Method;
import io.github.tailedcore.Progress;
import io.github.tailedcore.TailedCore;
import io.github.tailedcore.TailedCoreModel;
import io.github.tailedcore.TailedCoreSettings;
import io.github.tailedcore.feature.BackboneLocator;
import io.github.tailedcore.feature.FeatureExtractor;
import io.github.tailedcore.feature.ImageSource;
import io.github.tailedcore.ij.FolderScoring;
import io.github.tailedcore.ij.HeatmapOverlay;
import io.github.tailedcore.ij.ScoringSession;
import io.github.tailedcore.image.ImageFolder;
import io.github.tailedcore.io.ModelFile;

import ij.IJ;

import java.nio.file.Paths;
import java.util.stream.Collectors;

/**
 * The macro interface for plain ImageJ 1.x, Fiji and headless runs:
 * <pre>
 * call("io.github.tailedcore.plugin.TailedCoreMacro.fit", trainDir, modelFile, "TailedCore");
 * call("io.github.tailedcore.plugin.TailedCoreMacro.scoreFolder", modelFile, inputDir, outputDir);
 * </pre>
 * Each method returns a line for the macro to print: what was done, or
 * {@code "Error: ..."} with the reason (macros cannot catch exceptions).
 * Existing files are never replaced.
 */
public final class TailedCoreMacro {

	private TailedCoreMacro() {}

	/** Fits a model on every image of {@code trainingDir}; {@code method}: TailedCore, PatchCore or SoftPatch. */
	public static String fit(final String trainingDir, final String modelFile,
		final String method)
	{
		try {
			final ImageFolder folder = ImageFolder.scan(Paths.get(trainingDir),
				ImageFolder.DEFAULT_PATTERN, false);
			folder.requireImages(ImageFolder.DEFAULT_PATTERN);
			final TailedCoreModel model;
			try (FeatureExtractor extractor = FeatureExtractor.open(BackboneLocator
				.standard().resolve(BackboneLocator.DEFAULT_BACKBONE)))
			{
				model = new TailedCore(TailedCoreSettings.builder().method(Method.parse(
					method)).build()).fit(folder.images().stream().map(ImageSource::of)
						.collect(Collectors.toList()), extractor, Progress.none());
			}
			ModelFile.save(model, Paths.get(modelFile), false);
			return "Saved " + modelFile + ": " + model.summary() +
				"; default threshold " + model.threshold();
		}
		catch (final Exception e) {
			return "Error: " + e.getMessage();
		}
	}

	/** Scores every image of {@code inputDir} into {@code outputDir} (scores.csv, map TIFFs, overlay PNGs). */
	public static String scoreFolder(final String modelFile,
		final String inputDir, final String outputDir)
	{
		return scoreFolder(modelFile, inputDir, outputDir, "false");
	}

	/**
	 * As {@link #scoreFolder(String, String, String)}; {@code recursive}
	 * {@code "true"} includes subfolders.
	 */
	public static String scoreFolder(final String modelFile,
		final String inputDir, final String outputDir, final String recursive)
	{
		try (ScoringSession session = ScoringSession.open(Paths.get(modelFile))) {
			final int rows = new FolderScoring(session.extractor(), session.scorer(),
				session.model().threshold(), HeatmapOverlay.DEFAULT_OPACITY).run(
					ImageFolder.scan(Paths.get(inputDir), ImageFolder.DEFAULT_PATTERN,
						Boolean.parseBoolean(recursive)), ImageFolder.DEFAULT_PATTERN, Paths.get(outputDir), false,
					Progress.none(), IJ::log).size();
			return "Scored " + rows + " images into " + outputDir;
		}
		catch (final Exception e) {
			return "Error: " + e.getMessage();
		}
	}
}
