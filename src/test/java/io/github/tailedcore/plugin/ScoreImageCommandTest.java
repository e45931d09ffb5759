package io.github.tailedcore.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.ImageRoi;
import ij.gui.Overlay;
import ij.io.FileSaver;
import ij.measure.ResultsTable;

import io.github.tailedcore.ij.HeatmapOverlay;
import io.github.tailedcore.ij.ResultsTables;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.scijava.command.CommandModule;

/** Score Image through the command service, headless, with a real model. */
class ScoreImageCommandTest {

	/**
	 * A grid image with a hole, scored with a threshold between the scores of
	 * the normal test images (≤ 350) and its own (≈ 530): the map, the overlay (heatmap with the opacity, named outlines) and
	 * one table row. The flattened overlay is kept as
	 * target/score-image.png.
	 */
	@Test
	void holeGivesHeatmapOutlinesAndARow() throws Exception {
		final ImagePlus imp = open("grid/test/hole/000.png");
		final CommandModule m = Fixtures.run(ScoreImageCommand.class, "image",
			imp, "model_file", Fixtures.gridModel().toFile(), "threshold", 400.0,
			"overlay_opacity", 0.4, "show_regions", true);
		assertFalse(m.isCanceled(), m.getCancelReason());

		final ImagePlus map = (ImagePlus) m.getOutput("anomaly_map");
		assertEquals(32, map.getBitDepth());
		assertEquals(imp.getWidth(), map.getWidth());
		assertEquals(imp.getHeight(), map.getHeight());

		final ResultsTable t = ((ScoreImageCommand) m.getCommand()).table();
		assertEquals(1, t.size());
		assertEquals("000.png", t.getStringValue(ResultsTables.IMAGE, 0));
		assertEquals(1, t.getValue(ResultsTables.SLICE, 0));
		final double score = t.getValue(ResultsTables.SCORE, 0);
		final double tau = t.getValue(ResultsTables.THRESHOLD, 0);
		assertEquals(400, tau);
		assertTrue(score > tau, "the hole is anomalous: " + score);
		assertEquals(ResultsTables.ANOMALOUS, t.getStringValue(
			ResultsTables.VERDICT, 0));

		final Overlay overlay = imp.getOverlay();
		final ImageRoi heatmap = assertInstanceOf(ImageRoi.class, overlay.get(0));
		assertEquals(HeatmapOverlay.HEATMAP_NAME, heatmap.getName());
		assertEquals(0.4, heatmap.getOpacity(), 1e-9);
		assertTrue(overlay.size() >= 2, "at least one outline");
		for (int i = 1; i < overlay.size(); i++)
			assertEquals(HeatmapOverlay.ANOMALY_PREFIX + i, overlay.get(i)
				.getName());

		final Path png = Path.of("target", "score-image.png");
		Files.createDirectories(png.getParent());
		assertTrue(new FileSaver(imp.flatten()).saveAsPng(png.toString()));
	}

	@Test
	void stackGetsARowPerSliceAndNoOutlinesWhenAsked() throws Exception {
		final ImagePlus a = open("grid/test/good/000.png");
		final ImageStack stack = a.getStack().duplicate();
		stack.addSlice(open("grid/test/stain/000.png").getProcessor());
		final ImagePlus imp = new ImagePlus("two", stack);
		final CommandModule m = Fixtures.run(ScoreImageCommand.class, "image",
			imp, "model_file", Fixtures.gridModel().toFile(), "threshold", 1e9,
			"overlay_opacity", 0.5, "show_regions", false);
		final ResultsTable t = ((ScoreImageCommand) m.getCommand()).table();
		assertEquals(2, t.size());
		assertEquals(2, t.getValue(ResultsTables.SLICE, 1));
		assertEquals(1e9, t.getValue(ResultsTables.THRESHOLD, 1));
		assertEquals(ResultsTables.NORMAL, t.getStringValue(ResultsTables.VERDICT,
			1));
		assertEquals(2, imp.getOverlay().size(), "one heatmap per slice");
		assertEquals(2, ((ImagePlus) m.getOutput("anomaly_map")).getStackSize());
	}

	@Test
	void modelOfAnotherBackboneSaysSo() throws Exception {
		final ImagePlus imp = open("grid/test/good/000.png");
		final CommandModule m = Fixtures.run(ScoreImageCommand.class, "image",
			imp, "model_file", Fixtures.otherBackboneModel().toFile(), "threshold",
			0.0, "overlay_opacity", 0.5, "show_regions", true);
		assertTrue(m.isCanceled());
		assertTrue(m.getCancelReason().contains("was fitted with the backbone"), m
			.getCancelReason());
		assertEquals(null, imp.getOverlay());
	}

	@Test
	void missingModelFileSaysSo() throws Exception {
		final CommandModule m = Fixtures.run(ScoreImageCommand.class, "image",
			IJ.createImage("x", "RGB", 64, 64, 1), "model_file", new java.io.File(
				"no-such.tailedcore"), "threshold", 0.0, "overlay_opacity", 0.5,
			"show_regions", true);
		assertTrue(m.getCancelReason().contains("no-such.tailedcore"), m
			.getCancelReason());
	}

	private static ImagePlus open(final String image) {
		return IJ.openImage(Fixtures.TEST_IMAGES.resolve(image).toString());
	}
}
