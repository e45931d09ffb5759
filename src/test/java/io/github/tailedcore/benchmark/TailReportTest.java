package io.github.tailedcore.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.tailedcore.FitSummary;
import io.github.tailedcore.benchmark.split.ClassSplit;
import io.github.tailedcore.benchmark.split.Split;
import io.github.tailedcore.benchmark.split.TailShape;
import io.github.tailedcore.benchmark.split.TrainImage;

import java.util.List;

import org.junit.jupiter.api.Test;

/** κ medians and tail counts are attributed to the classes in loader order. */
class TailReportTest {

	@Test
	void perClassMedianKappaAndTakenImages() {
		// loader order: a/0 (tail class), b/0, b/1, b/2, b/cut_0 (noise)
		final Split split = new Split(TailShape.step(1), 0.1, 5, List.of(
			new ClassSplit("a", true, List.of(TrainImage.clean("a/train/good/0.png")),
				List.of()), new ClassSplit("b", false, List.of(TrainImage.clean(
					"b/train/good/0.png"), TrainImage.clean("b/train/good/1.png"),
					TrainImage.clean("b/train/good/2.png"), TrainImage.noise(
						"b/test/cut/0.png")), List.of())));
		final FitSummary fit = new FitSummary(5, 5 * 784, 0, new int[] { 1, 4, 4, 1,
			3 }, new int[] { 4, 1 }, 4, 1, 1, new int[] { 0, 4 }, 10, 20);
		final TailReport r = TailReport.of(split, fit);
		assertEquals(1, r.kMax());
		assertEquals(new TailReport.ClassTail("a", true, 1, 0, 1, 1, 0), r.classes()
			.get(0));
		// b: κ 4, 4, 1, 3 → median 3.5; the noise image (index 4) was taken
		assertEquals(new TailReport.ClassTail("b", false, 3, 1, 3.5, 1, 1), r
			.classes().get(1));
	}

	@Test
	void medianOfOddAndEvenCounts() {
		assertEquals(2, TailReport.median(new int[] { 3, 1, 2 }));
		assertEquals(2.5, TailReport.median(new int[] { 4, 1, 2, 3 }));
		assertEquals(Double.NaN, TailReport.median(new int[0]));
	}
}
