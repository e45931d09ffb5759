package io.github.tailedcore.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tailedcore.TailedCoreModel;
import io.github.tailedcore.io.ModelFile;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.command.CommandModule;

/** Calibrate Threshold through the command service, with a real model. */
class CalibrateThresholdCommandTest {

	@TempDir
	Path dir;

	/**
	 * The grid class folder (test: 2 good, 3 defects). The small model ranks
	 * every defect above every good image, so the F1-optimal threshold is the
	 * lowest defect score with F1 = 1; it is saved into the model file.
	 */
	@Test
	void mvtecClassFolderGivesTheF1OptimalThreshold() throws Exception {
		final Path model = Files.copy(Fixtures.gridModel(), dir.resolve(
			"m.tailedcore"));
		final CommandModule m = Fixtures.run(CalibrateThresholdCommand.class,
			"labelled_dir", Fixtures.GRID.toFile(), "file_pattern", "*.png",
			"model_file", model.toFile());
		assertFalse(m.isCanceled(), m.getCancelReason());
		final TailedCoreModel saved = ModelFile.load(model);
		assertTrue(saved.threshold().method().startsWith(
			"F1-optimal on 5 labelled images (3 anomalous): F1 1.000"), saved
				.threshold().method());
		final String summary = (String) m.getOutput("summary");
		assertTrue(summary.contains("it replaces") && summary.contains(
			"leave-one-image-out"), summary);
	}

	@Test
	void folderWithoutDefectsSaysSo() throws Exception {
		final Path model = Files.copy(Fixtures.gridModel(), dir.resolve(
			"m.tailedcore"));
		final Path labelled = dir.resolve("labelled/good");
		Files.createDirectories(labelled);
		Files.copy(Fixtures.GRID.resolve("test/good/000.png"), labelled.resolve(
			"000.png"));
		final CommandModule m = Fixtures.run(CalibrateThresholdCommand.class,
			"labelled_dir", labelled.getParent().toFile(), "file_pattern", "*.png",
			"model_file", model.toFile());
		assertTrue(m.getCancelReason().contains("found 1 normal and 0 defective"),
			m.getCancelReason());
		assertEquals(Files.size(Fixtures.gridModel()), Files.size(model),
			"model unchanged");
	}
}
