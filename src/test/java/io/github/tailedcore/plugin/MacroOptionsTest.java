package io.github.tailedcore.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.tailedcore.image.ImageFolder;
import io.github.tailedcore.ij.HeatmapOverlay;

import java.io.File;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** How a macro options string becomes a command's inputs. */
class MacroOptionsTest {

	private static final String REQUIRED =
		"input_dir=[/my images] model_file=/m.tailedcore output_dir=/out";

	@Test
	void valuesOfTheirTypesAndDefaultsForTheRest() {
		final Map<String, Object> in = MacroOptions.inputs(Fixtures.info(
			ScoreFolderCommand.class), REQUIRED +
				" recursive=true threshold=2.5 overwrite=FALSE");
		assertEquals(new File("/my images"), in.get("input_dir"));
		assertEquals(new File("/m.tailedcore"), in.get("model_file"));
		assertEquals(new File("/out"), in.get("output_dir"));
		assertEquals(true, in.get("recursive"));
		assertEquals(false, in.get("overwrite"));
		assertEquals(2.5, in.get("threshold"));
		assertEquals(HeatmapOverlay.DEFAULT_OPACITY, in.get("overlay_opacity"));
		assertEquals(ImageFolder.DEFAULT_PATTERN, in.get("file_pattern"));
		assertEquals("", in.get("shard"), "the whole folder");
		assertEquals(9, in.size(), "every option input, no service: " + in);
	}

	@Test
	void wholeNumbersAndChoices() {
		final Map<String, Object> in = MacroOptions.inputs(Fixtures.info(
			FitModelCommand.class), "training_dir=/t model_file=/m seed=42 " +
				"method=SoftPatch coreset_ratio=1e-2");
		assertEquals(42L, in.get("seed"));
		assertEquals("SoftPatch", in.get("method"));
		assertEquals(0.01, in.get("coreset_ratio"));
		assertEquals("rot15flip", in.get("tail_augmentation"));
		// a key left out gets its default, never an earlier call's value
		assertEquals("auto", in.get("channels"));
		assertEquals("1,3", MacroOptions.inputs(Fixtures.info(
			FitModelCommand.class), "training_dir=/t model_file=/m channels=1,3 " +
				"intensity=display-range").get("channels"));
	}

	@Test
	void bareKeyIsAnErrorThatSaysWhatToWrite() {
		assertEquals("'recursive' has no value: write recursive=true (or " +
			"recursive=false); Fiji's run() ignores a key without a value.",
			error(ScoreFolderCommand.class, REQUIRED + " recursive"));
		assertEquals("'file_pattern' has no value: write file_pattern=[...]; " +
			"Fiji's run() ignores a key without a value.", error(
				ScoreFolderCommand.class, "file_pattern " + REQUIRED));
	}

	@Test
	void valuesThatDoNotParseNameTheirKey() {
		final String fit = "training_dir=/t model_file=/m ";
		assertEquals("seed=abc is not a whole number.", error(
			FitModelCommand.class, fit + "seed=abc"));
		assertEquals("seed=1.5 is not a whole number.", error(
			FitModelCommand.class, fit + "seed=1.5"));
		assertEquals("coreset_ratio=10% is not a number.", error(
			FitModelCommand.class, fit + "coreset_ratio=10%"));
		assertEquals("overwrite=yes is not a boolean: write overwrite=true or " +
			"overwrite=false.", error(FitModelCommand.class, fit + "overwrite=yes"));
		assertEquals("method=tailedcore is not one of TailedCore, PatchCore, " +
			"SoftPatch.", error(FitModelCommand.class, fit + "method=tailedcore"));
	}

	@Test
	void unknownAndMissingKeysAreErrors() {
		final String unknown = error(ScoreFolderCommand.class, REQUIRED +
			" treshold=3");
		assertEquals("Score Folder... has no key 'treshold'; its keys are " +
			"input_dir, file_pattern, recursive, model_file, output_dir, " +
			"threshold, overlay_opacity, overwrite, shard.", unknown);
		assertEquals("Score Folder... needs model_file=[...] (Model file).",
			error(ScoreFolderCommand.class, "input_dir=/a output_dir=/b"));
	}

	@Test
	void theImageOfScoreImageIsNoOption() {
		final Map<String, Object> in = MacroOptions.inputs(Fixtures.info(
			ScoreImageCommand.class), "model_file=/m image=[a title]");
		assertEquals(Map.of("model_file", new File("/m"), "threshold", 0.0,
			"overlay_opacity", HeatmapOverlay.DEFAULT_OPACITY, "show_regions", true),
			in);
	}

	private static String error(final Class<? extends TailedCoreCommand> c,
		final String options)
	{
		return assertThrows(IllegalArgumentException.class, () -> MacroOptions
			.inputs(Fixtures.info(c), options)).getMessage();
	}

}
