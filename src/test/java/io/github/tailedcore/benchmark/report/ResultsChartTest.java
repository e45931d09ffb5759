package io.github.tailedcore.benchmark.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.github.tailedcore.benchmark.metrics.ClassScores.Metric;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chart is drawn without a display and has a bar per method. */
class ResultsChartTest {

	@Test
	void writesAPngWithColouredBars(@TempDir final Path dir) throws Exception {
		final Path file = dir.resolve("chart.png");
		ResultsChart.write(HandResults.twoSeeds(), Metric.IMAGE_AUROC, "Image AUROC",
			file);
		final BufferedImage image = ImageIO.read(file.toFile());
		assertEquals(420, image.getHeight());
		// TailedCore's C_t bar (70 on an axis from 30) starts at x = 60
		assertNotEquals(0xffffff, image.getRGB(65, 330) & 0xffffff);
		assertEquals(0xd62728, image.getRGB(65, 330) & 0xffffff);
	}
}
