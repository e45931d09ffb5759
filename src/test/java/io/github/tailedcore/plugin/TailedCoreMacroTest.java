package io.github.tailedcore.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.Macro;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.module.ModuleItem;
import org.scijava.service.Service;

/**
 * The macro API: snake_case keys on every command, none of which Fiji's
 * reading of options could confuse with another, and {@code call()} from a
 * real ImageJ 1.x macro (headless: the macro uses no menus). How options
 * are read: {@link MacroOptionsTest}; that {@code run()} reads them the
 * same: {@link MacroPathsAgreeTest}.
 */
class TailedCoreMacroTest {

	@TempDir
	Path dir;

	@Test
	void everyInputHasASnakeCaseKey() {
		for (final Class<? extends TailedCoreCommand> c : Fixtures.COMMANDS)
			for (final ModuleItem<?> item : Fixtures.info(c).inputs())
				if (!Service.class.isAssignableFrom(item.getType()))
					assertTrue(item.getName().matches("[a-z][a-z0-9_]*"), c
						.getSimpleName() + "." + item.getName());
	}

	/**
	 * imagej-legacy reads a key with {@link Macro#getValue}, which also finds
	 * it at the end of a longer key after an underscore ({@code pattern=} in
	 * {@code file_pattern=}): no key of a command may be read out of another.
	 */
	@Test
	void noKeyIsReadOutOfAnother() {
		for (final Class<? extends TailedCoreCommand> c : Fixtures.COMMANDS)
			for (final ModuleItem<?> a : Fixtures.info(c).inputs())
				for (final ModuleItem<?> b : Fixtures.info(c).inputs())
					if (a != b) assertNull(Macro.getValue(b.getName() + "=x", a
						.getName(), null), c.getSimpleName() + ": " + a.getName() +
							" in " + b.getName());
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

}
