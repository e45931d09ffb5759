package io.github.tailedcore.benchmark.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The paper's table and the detail sections, on hand-made results. */
class ResultsMarkdownTest {

	private static final String TEXT = ResultsMarkdown.format(HandResults
		.twoSeeds(), "benchmark --data hand");

	private static List<String> lines() {
		return Arrays.asList(TEXT.split("\n"));
	}

	/** The lines after the heading {@code title}, up to the next blank line. */
	private static List<String> table(final String title) {
		final int start = lines().indexOf("## " + title) + 2;
		assertTrue(start > 1, "no section " + title);
		final int end = lines().subList(start, lines().size()).indexOf("") + start;
		return lines().subList(start, end);
	}

	@Test
	void imageAurocTableHasTheHandComputedMeansBestInBold() {
		assertEquals(List.of("| Method | step-k1 C_t | C_h | all |",
			"|---|---:|---:|---:|", //
			"| TailedCore | **70.00** | **77.50** | **75.00** |",
			"| PatchCore | 40.00 | **77.50** | 61.67 |"), table("Image AUROC"));
	}

	@Test
	void pixelTablesLeaveOutClassesWithoutMasks() {
		// a has no masks; b .9 and c .7 in both seeds: tail 101 none → 102 .8
		assertEquals("| TailedCore | **80.00** | **80.00** | **80.00** |", table(
			"Pixel AUROC (classes with masks)").get(2));
	}

	@Test
	void edgeDefectTableAndPreprocessing() {
		// b alone has edge defects, .75 for both methods in both seeds
		assertEquals("| TailedCore | **75.00** | **75.00** | **75.00** |", table(
			"Image AUROC of edge defects (defect-free test images against the " +
				"defective ones whose defect reaches into the frame the paper's crop " +
				"cuts; classes with masks)").get(2));
		assertTrue(TEXT.contains("Preprocessing: crop, intensity bit-depth (pixel " +
			"measures on the crop's map against the masks cropped alike)."), TEXT);
	}

	@Test
	void perSeedAndPerClassTables() {
		assertEquals(List.of("| Method | step-k1 s101 | step-k1 s102 |",
			"|---|---:|---:|", "| TailedCore | **90.00** | **60.00** |",
			"| PatchCore | 76.67 | 46.67 |"), table(
				"Image AUROC per seed (all classes)"));
		assertEquals(List.of("| Class | tail | TailedCore | PatchCore |",
			"|---|---:|---:|---:|", "| a | 1/2 | 70.00 | 50.00 |",
			"| b | 1/2 | 80.00 | 70.00 |", "| c | 1/2 | 75.00 | 65.00 |"), table(
				"Image AUROC per class, step-k1 (mean over seeds; tail = seeds in " +
					"which the class was tail)"));
	}

	@Test
	void tailSamplerRowsNameKappaAndTakenImages() {
		assertTrue(lines().contains(
			"| step-k1 s101 | TailedCore | 3 | 1 | 1 | 25.0 % | [3, 1] | " +
				"a* κ=1 1/1, b κ=2.5 1/4 (1), c κ=3 0/3 |"),
			TEXT);
	}

	@Test
	void headerQuotesTheCommandAndStagesAreTimed() {
		assertTrue(TEXT.contains("```\nbenchmark --data hand\n```"));
		assertTrue(TEXT.contains("| TailedCore: Coreset | 3.5 |"));
		assertTrue(TEXT.contains("Total time 12 s."));
	}
}
