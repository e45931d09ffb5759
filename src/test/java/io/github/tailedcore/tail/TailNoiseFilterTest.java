package io.github.tailedcore.tail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tailedcore.Progress;
import io.github.tailedcore.TailedCoreSettings;
import io.github.tailedcore.feature.FeatureGrid;
import io.github.tailedcore.feature.PatchFeatures;
import io.github.tailedcore.noise.NoiseFilterResult;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

/**
 * Three training images of 2 × 2 patches. Image 0 is a rare kind: the noise
 * filter dropped all its patches. Image 1 is mostly normal with a defect at
 * location 3, which the filter dropped. Both are tail images; image 2 is
 * head. The pool holds the two tail images and one view of each, the view of
 * image 1 being its patches in reverse order (the defect moves to location
 * 0).
 */
class TailNoiseFilterTest {

	private static final FeatureGrid GRID = new FeatureGrid(2, 2, 2, 32);
	private static final float[][] IMAGES = { { 50, 50, 60, 50, 50, 60, 60,
		60 }, { 0, 0, 10, 0, 0, 10, 10, 10 }, { 1, 0, 11, 0, 1, 10, 9, 9 } };

	private static PatchFeatures training() {
		final PatchFeatures f = new PatchFeatures(GRID);
		for (final float[] image : IMAGES)
			f.add(image, null);
		return f;
	}

	private static PatchFeatures pool() {
		final PatchFeatures f = new PatchFeatures(GRID);
		f.add(IMAGES[0], null);
		f.add(IMAGES[1], null);
		f.add(new float[] { 60, 60, 50, 60, 60, 50, 50, 50 }, null);
		f.add(new float[] { 10, 10, 0, 10, 10, 0, 0, 0 }, null);
		return f;
	}

	private static TailEstimate tail(final TailEstimation estimation) {
		return new TailEstimate(new int[3], new int[3], new int[] { 3 }, 3, 3,
			0.15, estimation, new int[] { 0, 1 }, new int[] { 0, 1 }, List.of());
	}

	/** Patches 0–3 (image 0) and 7 (image 1's defect) dropped. */
	private static NoiseFilterResult filter(final long... dropped) {
		return new NoiseFilterResult(new float[12], 1, LongStream.range(0, 12)
			.filter(g -> LongStream.of(dropped).noneMatch(d -> d == g)).toArray());
	}

	private static final int[] ORIGINS = { 0, 1, 0, 1 };

	@Test
	void leavesOutTheDefectOfAMostlyNormalImageAndOfItsViews() {
		final TailNoiseFilter.Result r = TailNoiseFilter.filter(tail(
			TailEstimation.ROBUST), training(), filter(0, 1, 2, 3, 7), pool(),
			ORIGINS, Progress.none());
		// pool image 1 loses location 3, its reversed view location 0
		assertArrayEquals(new long[] { 0, 1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 13, 14,
			15 }, r.candidates());
		assertArrayEquals(new int[] { 0, 1 }, r.estimate().tailIndices());
		assertTrue(r.estimate().note().contains("1 of 2 tail images kept most of " +
			"their patches through the noise filter"), r.estimate().note());
		assertTrue(r.estimate().note().contains("the 2 patches"), r.estimate()
			.note());
		assertEquals(1.0, TailNoiseFilter.droppedShare(filter(0, 1, 2, 3, 7), 0,
			4));
		assertEquals(0.25, TailNoiseFilter.droppedShare(filter(0, 1, 2, 3, 7), 1,
			4));
	}

	/**
	 * Nothing is left out when no tail image is mostly kept, when the filter
	 * dropped nothing, or for the paper's estimate.
	 */
	@Test
	void keepsThePoolOtherwise() {
		final TailEstimate robust = tail(TailEstimation.ROBUST);
		final TailNoiseFilter.Result rescued = TailNoiseFilter.filter(robust,
			training(), filter(0, 1, 2, 3, 4, 5, 6), pool(), ORIGINS, Progress
				.none());
		assertNull(rescued.candidates());
		assertSame(robust, rescued.estimate());
		assertNull(TailNoiseFilter.filter(robust, training(), filter(), pool(),
			ORIGINS, Progress.none()).candidates());
		final TailEstimate paper = tail(TailEstimation.PAPER);
		final TailNoiseFilter.Result p = new TailSampler().filterPool(paper,
			training(), filter(0, 1, 2, 3, 7), pool(), ORIGINS, Progress.none());
		assertNull(p.candidates());
		assertSame(paper, p.estimate());
		final TailSampler robustSampler = new TailSampler(
			TailedCoreSettings.DEFAULT_TAIL_PERCENTILE,
			TailedCoreSettings.DEFAULT_TAIL_CAP_FRACTION, TailEstimation.ROBUST);
		assertEquals(14, robustSampler.filterPool(robust, training(), filter(0, 1,
			2, 3, 7), pool(), ORIGINS, Progress.none()).candidates().length);
	}

	/**
	 * On a 7 × 7 grid (border band 1 cell): a mostly kept tail image whose
	 * filter dropped a corner patch and an interior one. Only the interior
	 * one marks a defect; the candidates equal a brute-force reference (each
	 * pool patch left out iff its nearest patch of its image is dropped and
	 * outside the band), in the image and in its reversed view.
	 */
	@Test
	void aDroppedPatchInTheBorderBandMarksNoDefect() {
		final FeatureGrid grid = new FeatureGrid(7, 7, 1, 56);
		final int locations = grid.locations();
		final float[] tailImage = new float[locations];
		final float[] reversed = new float[locations];
		for (int p = 0; p < locations; p++) {
			tailImage[p] = 10 * p;
			reversed[locations - 1 - p] = 10 * p + 1;
		}
		final PatchFeatures training = new PatchFeatures(grid);
		training.add(tailImage, null);
		training.add(new float[locations], null);
		final PatchFeatures pool = new PatchFeatures(grid);
		pool.add(tailImage, null);
		pool.add(reversed, null);
		final long corner = 0;
		final long interior = 3 * 7 + 3;
		final NoiseFilterResult filter = new NoiseFilterResult(new float[2 *
			locations], 1, LongStream.range(0, 2 * locations).filter(
				g -> g != corner && g != interior).toArray());
		final TailEstimate tail = new TailEstimate(new int[2], new int[2],
			new int[] { 2 }, 2, 2, 0.15, TailEstimation.ROBUST, new int[] { 0 },
			new int[] { 0 }, List.of());

		final long[] candidates = TailNoiseFilter.filter(tail, training, filter,
			pool, new int[] { 0, 0 }, Progress.none()).candidates();

		final float[][] views = { tailImage, reversed };
		final long[] expected = LongStream.range(0, 2L * locations).filter(g -> {
			final float v = views[(int) (g / locations)][(int) (g % locations)];
			int nearest = 0;
			for (int p = 1; p < locations; p++)
				if (Math.abs(tailImage[p] - v) < Math.abs(tailImage[nearest] - v))
					nearest = p;
			return nearest != interior;
		}).toArray();
		assertArrayEquals(expected, candidates);
		// the interior defect and its reversed copy are out, the corner's in
		assertEquals(2 * locations - 2, candidates.length);
		final boolean[] marks = TailNoiseFilter.defectMarks(grid);
		assertEquals(5 * 5, IntStream.range(0, locations).filter(p -> marks[p])
			.count());
	}

	/** The band: 4 of 28 cells at each edge; none on a 2 × 2 grid. */
	@Test
	void theBorderBandIsASeventhOfTheGrid() {
		final boolean[] marks = TailNoiseFilter.defectMarks(new FeatureGrid(28, 28,
			1, 224));
		assertEquals(20 * 20, IntStream.range(0, marks.length).filter(
			p -> marks[p]).count());
		assertTrue(marks[4 * 28 + 4]);
		assertTrue(!marks[3 * 28 + 14] && !marks[14 * 28 + 24]);
		final boolean[] tiny = TailNoiseFilter.defectMarks(GRID);
		assertTrue(tiny[0] && tiny[1] && tiny[2] && tiny[3]);
	}
}
