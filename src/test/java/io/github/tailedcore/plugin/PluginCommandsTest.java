package io.github.tailedcore.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.ImageRoi;
import ij.gui.Roi;
import ij.measure.ResultsTable;

import io.github.tailedcore.TailedCoreModel;
import io.github.tailedcore.feature.BackboneId;
import io.github.tailedcore.ij.FolderScoring;
import io.github.tailedcore.ij.HeatmapOverlay;
import io.github.tailedcore.io.ModelFile;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.app.StatusService;
import org.scijava.log.LogService;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleService;

/**
 * The Fiji commands run headless through SciJava's {@link CommandService},
 * on the example images and the shared backbone: a PatchCore model of the
 * rare {@code dotted} class (3 images) keeps the fit quick.
 */
class PluginCommandsTest {

	private static final Path DOTTED = Paths.get("test-images", "dotted");

	@TempDir
	static Path dir;

	private static Context context;
	private static CommandService commands;
	private static Path model;

	@BeforeAll
	static void fitAModel() throws Exception {
		context = new Context(CommandService.class, ModuleService.class,
			StatusService.class, LogService.class);
		commands = context.service(CommandService.class);
		model = dir.resolve("dotted.tailedcore");
		final CommandModule fit = run(FitModelCommand.class, Map.of(
			"training_dir", DOTTED.resolve("train/good").toFile(), "method",
			"PatchCore", "coreset_ratio", 0.05, "model_file", model.toFile()));
		assertFalse(fit.isCanceled(), fit.getCancelReason());
		final String summary = (String) fit.getOutput("summary");
		assertTrue(summary.contains("Images used: 3, skipped: 0"), summary);
		assertTrue(summary.contains("Default threshold: "), summary);
	}

	@AfterAll
	static void dispose() {
		context.dispose();
	}

	private static CommandModule run(final Class<? extends org.scijava.command.Command> command,
		final Map<String, Object> inputs) throws Exception
	{
		return commands.run(command, true, inputs).get();
	}

	@Test
	void menuPathsAreUnderTailedCore() {
		for (final Class<?> c : List.of(FitModelCommand.class,
			ScoreImageCommand.class, ScoreFolderCommand.class))
			assertTrue(commands.getCommand(c.getName()).getMenuPath().getMenuString()
				.startsWith("Plugins > TailedCore > "), c.getName());
	}

	@Test
	void scoreImageAddsAHeatmapAndOutlinesAndARow() throws Exception {
		final ImagePlus imp = IJ.openImage(DOTTED.resolve("test/scratch/000.png")
			.toString());
		final CommandModule m = run(ScoreImageCommand.class, Map.of("imp", imp,
			"model_file", model.toFile(), "overlay_opacity", 0.4, "threshold", 0.0));
		assertFalse(m.isCanceled(), m.getCancelReason());
		final ImagePlus map = (ImagePlus) m.getOutput("anomaly_map");
		assertEquals(imp.getWidth(), map.getWidth());
		assertEquals(32, map.getBitDepth());
		final Roi[] rois = imp.getOverlay().toArray();
		final ImageRoi heatmap = (ImageRoi) rois[0];
		assertEquals(HeatmapOverlay.HEATMAP_NAME, heatmap.getName());
		assertEquals(0.4, heatmap.getOpacity(), 1e-6);
		// threshold 0: the whole crop is one anomalous region
		assertEquals(2, rois.length);
		assertTrue(rois[1].getName().startsWith(HeatmapOverlay.ANOMALY_PREFIX));
		final ResultsTable table = (ResultsTable) m.getOutput("scores");
		assertEquals(1, table.size());
		assertEquals("anomalous", table.getStringValue("verdict", 0));
		assertTrue(table.getValue("score", 0) > 0);
	}

	@Test
	void scoreFolderWritesScoresMapsAndOverlaysAndNeverOverwrites()
		throws Exception
	{
		final Path out = dir.resolve("scored");
		final Map<String, Object> inputs = Map.of("input_dir", DOTTED.resolve(
			"test").toFile(), "recursive", true, "model_file", model.toFile(),
			"output_dir", out.toFile());
		final CommandModule m = run(ScoreFolderCommand.class, inputs);
		assertFalse(m.isCanceled(), m.getCancelReason());
		final List<String> csv = Files.readAllLines(out.resolve(
			FolderScoring.SCORES_CSV));
		assertEquals(1 + 5, csv.size(), String.join("\n", csv));
		assertTrue(Files.exists(out.resolve("scratch_000_map.tif")));
		assertTrue(Files.exists(out.resolve("good_001_overlay.png")));
		final ImagePlus map = IJ.openImage(out.resolve("scratch_000_map.tif")
			.toString());
		assertEquals(256, map.getWidth());
		assertEquals(32, map.getBitDepth());
		final CommandModule again = run(ScoreFolderCommand.class, inputs);
		assertTrue(again.isCanceled());
		assertTrue(again.getCancelReason().contains("earlier run"), again
			.getCancelReason());
	}

	@Test
	void badInputsGiveClearMessages() throws Exception {
		final Path empty = Files.createDirectories(dir.resolve("empty"));
		final CommandModule fit = run(FitModelCommand.class, Map.of(
			"training_dir", empty.toFile(), "model_file", dir.resolve("x.tailedcore")
				.toFile()));
		assertTrue(fit.isCanceled());
		assertTrue(fit.getCancelReason().contains("No readable images"), fit
			.getCancelReason());

		final Path broken = dir.resolve("broken.tailedcore");
		Files.writeString(broken, "not a model");
		final CommandModule score = run(ScoreImageCommand.class, Map.of("imp", IJ
			.openImage(DOTTED.resolve("test/good/000.png").toString()), "model_file",
			broken.toFile()));
		assertTrue(score.isCanceled());
		assertTrue(score.getCancelReason().contains(broken.toString()), score
			.getCancelReason());

		final TailedCoreModel loaded = ModelFile.load(model);
		final Path other = dir.resolve("other-backbone.tailedcore");
		ModelFile.save(new TailedCoreModel(loaded.settings(), new BackboneId(
			"resnet_other", "abc"), loaded.grid(), loaded.memory(), loaded.summary(),
			loaded.threshold()), other);
		final CommandModule wrong = run(ScoreFolderCommand.class, Map.of(
			"input_dir", DOTTED.resolve("test/good").toFile(), "model_file", other
				.toFile(), "output_dir", dir.resolve("o").toFile()));
		assertTrue(wrong.isCanceled());
		assertTrue(wrong.getCancelReason().contains("resnet_other"), wrong
			.getCancelReason());
	}

	@Test
	void aCanceledFitWritesNoModel() throws Exception {
		final Path file = dir.resolve("canceled.tailedcore");
		final CommandModule module = (CommandModule) commands.getCommand(
			FitModelCommand.class).createModule();
		context.inject(module.getDelegateObject());
		module.setInput("training_dir", DOTTED.resolve("train/good").toFile());
		module.setInput("model_file", file.toFile());
		module.setInput("method", "TailedCore");
		for (final String name : List.of("training_dir", "model_file", "method"))
			module.resolveInput(name);
		final java.util.concurrent.Future<?> running = context.service(
			ModuleService.class).run(module, true);
		Thread.sleep(1500); // TailedCore's tail views alone take longer
		module.cancel("the user pressed cancel");
		running.get();
		assertTrue(module.isCanceled());
		assertEquals(null, module.getOutput("summary"), "the fit must stop, not finish");
		assertFalse(Files.exists(file));
	}

	@Test
	void theMacroApiScoresAFolder() throws Exception {
		final Path out = dir.resolve("macro");
		final String result = TailedCoreMacro.scoreFolder(model.toString(), DOTTED
			.resolve("test/good").toString(), out.toString());
		assertTrue(result.startsWith("Scored 2 images"), result);
		assertTrue(Files.exists(out.resolve(FolderScoring.SCORES_CSV)));
		assertTrue(TailedCoreMacro.scoreFolder(model.toString(), DOTTED.resolve(
			"test/good").toString(), out.toString()).startsWith("Error: "));
		assertNotNull(new File(out.toFile(), "000_overlay.png"));
	}
}
