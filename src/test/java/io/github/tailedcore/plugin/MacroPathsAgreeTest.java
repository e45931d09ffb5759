package io.github.tailedcore.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.measure.ResultsTable;

import io.github.tailedcore.ij.ResultsTables;
import io.github.tailedcore.io.ModelFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.command.CommandModule;
import org.scijava.module.ModuleItem;
import org.scijava.prefs.PrefService;

/**
 * The same options string gives the same result through
 * {@code call("...TailedCoreMacro.scoreFolder", options)} and through
 * {@code run("Score Folder...", options)} (imagej-legacy emulated by
 * {@link LegacyMacroRun}), and neither inherits the values a dialog
 * remembered in the preferences.
 */
class MacroPathsAgreeTest {

	/** Values a dialog would have remembered, none of them a default. */
	private static final Map<String, String> REMEMBERED = Map.of("threshold",
		"1.0E9", "overlay_opacity", "0.9", "file_pattern", "*.nothing",
		"recursive", "true", "seed", "7", "method", "SoftPatch", "show_regions",
		"false", "overwrite", "true");

	@TempDir
	Path dir;

	@AfterEach
	void forget() {
		for (final Class<? extends TailedCoreCommand> c : Fixtures.COMMANDS)
			for (final String key : REMEMBERED.keySet())
				prefs().remove(c, key);
	}

	/**
	 * Setup: remembered values for every command. Test: a macro run of each
	 * command gets exactly the inputs {@code call()} runs with (the keys
	 * given, the defaults for the rest); without
	 * {@link MacroOptionsPreprocessor} the run would have taken the
	 * remembered values, so the emulation is faithful and the test can fail.
	 */
	@Test
	void bothPathsGetTheDefaultsNotTheRememberedValues() throws Exception {
		final Map<Class<? extends TailedCoreCommand>, String> options = Map.of(
			FitModelCommand.class, "training_dir=[" + dir + "] model_file=[" + dir +
				"/m.tailedcore] coreset_ratio=0.2", ScoreImageCommand.class,
			"model_file=[" + dir + "/m.tailedcore] threshold=3",
			ScoreFolderCommand.class, "input_dir=[" + dir + "] model_file=[" + dir +
				"/m.tailedcore] output_dir=[" + dir + "/out] overwrite=true",
			CalibrateThresholdCommand.class, "labelled_dir=[" + dir +
				"] model_file=[" + dir + "/m.tailedcore]", MergeShardsCommand.class,
			"output_dir=[" + dir + "/out]");
		for (final Class<? extends TailedCoreCommand> c : Fixtures.COMMANDS) {
			remember();
			final Map<String, Object> called = MacroOptions.inputs(
				Fixtures.info(c),
				options.get(c));
			final CommandModule run = LegacyMacroRun.run(c, options.get(c), filled(c),
				p -> false);
			assertEquals(called, optionInputs(run), c.getSimpleName());
			remember(); // a run saves what it used, defaults included
			final CommandModule inherited = LegacyMacroRun.run(c, options.get(c),
				filled(c), p -> p instanceof MacroOptionsPreprocessor);
			assertTrue(REMEMBERED.keySet().stream().anyMatch(k -> inherited
				.getInfo().getInput(k) != null && !String.valueOf(inherited.getInput(
					k)).equals(String.valueOf(called.get(k)))), c.getSimpleName() +
						" without the preprocessor: " + optionInputs(inherited));
		}
	}

	/** Score Folder: the same summary and the same scores.csv. */
	@Test
	void scoreFolderWritesTheSameScores() throws Exception {
		remember();
		final Path out = dir.resolve("out");
		final String options = "input_dir=[" + Fixtures.GRID.resolve("test/good")
			.toAbsolutePath() + "] model_file=[" + Fixtures.gridModel()
				.toAbsolutePath() + "] output_dir=[" + out + "] overwrite=true";

		final String called = TailedCoreMacro.scoreFolder(options);
		final List<String> calledCsv = Files.readAllLines(out.resolve(
			"scores.csv"));
		final CommandModule run = LegacyMacroRun.run(ScoreFolderCommand.class,
			options, Map.of(), p -> false);
		assertFalse(run.isCanceled(), run.getCancelReason());

		assertEquals("Scored 2 images; wrote " + out.resolve("scores.csv"),
			called);
		assertEquals(called, run.getOutput("summary"));
		assertEquals(calledCsv, Files.readAllLines(out.resolve("scores.csv")));
		final double tau = ModelFile.load(Fixtures.gridModel()).threshold()
			.value();
		assertTrue(calledCsv.get(1).contains("," + tau + ","), "the model's " +
			"threshold, not the remembered one: " + calledCsv.get(1));
	}

	/** Score Image: the same scores and the same overlay. */
	@Test
	void scoreImageGivesTheSameScores() throws Exception {
		final String options = "model_file=[" + Fixtures.gridModel()
			.toAbsolutePath() + "] threshold=400 show_regions=false";
		final ImagePlus forCall = open();
		WindowManager.setTempCurrentImage(forCall);
		final String called;
		try {
			called = TailedCoreMacro.scoreImage(options);
		}
		finally {
			WindowManager.setTempCurrentImage(null);
		}
		final ImagePlus forRun = open();
		final CommandModule run = LegacyMacroRun.run(ScoreImageCommand.class,
			options, Map.of("image", forRun), p -> false);
		final ResultsTable table = ((ScoreImageCommand) run.getCommand()).table();
		final StringJoiner scores = new StringJoiner(",");
		for (int row = 0; row < table.size(); row++)
			scores.add(String.valueOf(table.getValue(ResultsTables.SCORE, row)));
		assertEquals(called, scores.toString());
		assertEquals(1, forCall.getOverlay().size(), "heatmap, no outlines");
		assertEquals(forCall.getOverlay().size(), forRun.getOverlay().size());
	}

	/** Bad options: the same message on both paths, and nothing runs. */
	@Test
	void badOptionsGiveTheSameError() throws Exception {
		final String fit = "training_dir=[" + Fixtures.GRID.resolve(
			"train/good").toAbsolutePath() + "] model_file=[" + dir +
			"/m.tailedcore] ";
		final String score = "input_dir=[" + dir + "] output_dir=[" + dir +
			"/out] ";
		check(FitModelCommand.class, fit + "overwrite",
			"'overwrite' has no value: write overwrite=true");
		check(FitModelCommand.class, fit + "seed=abc",
			"seed=abc is not a whole number.");
		check(ScoreFolderCommand.class, score + "model_file=/m treshold=3",
			"Score Folder... has no key 'treshold'");
		check(ScoreFolderCommand.class, score, "Score Folder... needs model_file");
		assertFalse(Files.exists(dir.resolve("m.tailedcore")));
	}

	private void check(final Class<? extends TailedCoreCommand> command,
		final String options, final String error) throws Exception
	{
		final String called = TailedCoreMacro.run(command, options, "summary");
		assertTrue(called.startsWith(TailedCoreMacro.ERROR + error), called);
		final CommandModule run = LegacyMacroRun.run(command, options, Map.of(),
			p -> false);
		assertTrue(run.isCanceled(), options);
		assertEquals(called, TailedCoreMacro.ERROR + run.getCancelReason());
	}

	private void remember() {
		for (final Class<? extends TailedCoreCommand> c : Fixtures.COMMANDS)
			for (final Map.Entry<String, String> e : REMEMBERED.entrySet())
				if (Fixtures.info(c)
					.getInput(e.getKey()) != null) prefs().put(c, e.getKey(), e
						.getValue());
	}

	/** The inputs of a run that an options string could give. */
	private static Map<String, Object> optionInputs(final CommandModule m) {
		final Map<String, Object> inputs = new HashMap<>();
		for (final ModuleItem<?> item : m.getInfo().inputs())
			if (MacroOptions.isOption(item)) inputs.put(item.getName(), m.getInput(
				item.getName()));
		return inputs;
	}

	/** The image Score Image gets, as imagej-legacy gives the active one. */
	private static Map<String, Object> filled(
		final Class<? extends TailedCoreCommand> c)
	{
		return c == ScoreImageCommand.class ? Map.of("image", open()) : Map.of();
	}

	private static ImagePlus open() {
		return IJ.openImage(Fixtures.GRID.resolve("test/hole/000.png")
			.toString());
	}

	private static PrefService prefs() {
		return Fixtures.context().service(PrefService.class);
	}
}
