package io.github.tailedcore.benchmark.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.tailedcore.importance.ImageImportance;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The histogram is drawn without a display, with grey bars for the counts. */
class ImportanceHistogramTest {

	/**
	 * Scores 0 (four images) and 1 (one), weights 0.5 and 3: before, bin 0
	 * holds 4/5 of the mass; the grey bar fills the bottom of the first bin.
	 */
	@Test
	void writesAPng(@TempDir final Path dir) throws Exception {
		final Path file = dir.resolve("sub").resolve("h.png");
		ImportanceHistogram.write(new ImageImportance(new double[] { 0, 0, 0, 0,
			1 }, new double[] { 0.5, 0.5, 0.5, 0.5, 3 }), "test", file);
		final BufferedImage image = ImageIO.read(file.toFile());
		assertEquals(640, image.getWidth());
		assertEquals(400, image.getHeight());
		assertEquals(0xbbbbbb, image.getRGB(55, 340) & 0xffffff);
	}
}
