package io.github.tailedcore.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.convert.ConvertService;
import org.scijava.module.ModuleItem;
import org.scijava.service.Service;

/**
 * The macro API: options strings parsed as Fiji's macro preprocessor does,
 * snake_case keys on every command, and {@code call()} from a real ImageJ
 * 1.x macro (headless: the macro uses no menus).
 */
class TailedCoreMacroTest {

	private static final List<Class<? extends TailedCoreCommand>> COMMANDS =
		List.of(FitModelCommand.class, ScoreImageCommand.class,
			ScoreFolderCommand.class, CalibrateThresholdCommand.class,
			MergeShardsCommand.class);

	@TempDir
	Path dir;

	@Test
	void everyInputHasASnakeCaseKey() {
		for (final Class<? extends TailedCoreCommand> c : COMMANDS)
			for (final ModuleItem<?> item : info(c).inputs())
				if (!Service.class.isAssignableFrom(item.getType()))
					assertTrue(item.getName().matches("[a-z][a-z0-9_]*"), c
						.getSimpleName() + "." + item.getName());
	}

	@Test
	void optionsFillInputsOfTheirTypes() {
		final Map<String, Object> in = TailedCoreMacro.inputs(info(
			ScoreFolderCommand.class), "input_dir=[/my images] model_file=/m.tailedcore " +
				"recursive threshold=2.5 overlay_opacity=0.25", Fixtures.context()
					.service(ConvertService.class));
		assertEquals(new File("/my images"), in.get("input_dir"));
		assertEquals(new File("/m.tailedcore"), in.get("model_file"));
		assertEquals(true, in.get("recursive"));
		assertEquals(false, in.get("overwrite"));
		assertEquals(2.5, in.get("threshold"));
		assertEquals(0.25, in.get("overlay_opacity"));
		assertFalse(in.containsKey("output_dir"));
		assertFalse(in.containsKey("file_pattern"));
	}

	@Test
	void callFromAMacroScoresAFolder() throws Exception {
		final Path out = dir.resolve("out");
		final String answer = IJ.runMacro("return call(\"" + TailedCoreMacro.class
			.getName() + ".scoreFolder\", \"input_dir=[" + Fixtures.GRID.resolve(
				"test/good").toAbsolutePath() + "] model_file=[" + Fixtures
					.gridModel().toAbsolutePath() + "] output_dir=[" + out + "]\");");
		assertEquals("Scored 2 images; wrote " + out.resolve("scores.csv"),
			answer);
		assertEquals(3, Files.readAllLines(out.resolve("scores.csv")).size());
	}

	@Test
	void errorsComeBackAsText() {
		final String noModel = TailedCoreMacro.scoreFolder("input_dir=[" + dir +
			"] output_dir=[" + dir.resolve("out") + "]");
		assertTrue(noModel.startsWith("Error: ") && noModel.contains("model_file"),
			noModel);
		assertTrue(TailedCoreMacro.fit("training_dir=[" + dir +
			"] model_file=[" + dir.resolve("m.tailedcore") + "]").startsWith(
				"Error: No readable images"));
	}

	private static CommandInfo info(final Class<? extends TailedCoreCommand> c) {
		return Fixtures.context().service(CommandService.class).getCommand(c);
	}
}
