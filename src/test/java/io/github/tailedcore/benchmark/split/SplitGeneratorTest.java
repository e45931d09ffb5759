package io.github.tailedcore.benchmark.split;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tailedcore.benchmark.data.MvtecClass;
import io.github.tailedcore.benchmark.data.MvtecDataset;
import io.github.tailedcore.benchmark.data.TestImage;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class SplitGeneratorTest {

	private static final MvtecDataset MVTEC = InMemoryDatasets.mvtec();

	@Test
	void stepTailCountRoundsSixtyPercentHalfToEven() {
		assertEquals(9, SplitGenerator.stepTailCount(15)); // MVTec: 9.0
		assertEquals(7, SplitGenerator.stepTailCount(12)); // VisA: 7.2
		assertEquals(3, SplitGenerator.stepTailCount(5));
		assertEquals(2, SplitGenerator.stepTailCount(4)); // 2.4
		assertEquals(2, SplitGenerator.stepTailCount(3)); // 1.8
	}

	@Test
	void stepNoiseRoundsHalfToEvenAndCaps() {
		final boolean[] head = new boolean[6];
		// 24.5 → 24, 22.5 → 22, 21.5 → 22; 300 · 0.1 = 30 capped at 10
		// anomalies; 19 images are too few for noise.
		assertArrayEquals(new int[] { 24, 22, 22, 10, 0, 6 }, SplitGenerator
			.stepNoise(new int[] { 245, 225, 215, 300, 19, 60 }, new int[] { 92, 90,
				90, 10, 50, 30 }, 0.1, head));
		final boolean[] tail = { true, false };
		assertArrayEquals(new int[] { 0, 3 }, SplitGenerator.stepNoise(new int[] {
			200, 30 }, new int[] { 50, 50 }, 0.1, tail));
	}

	@Test
	void noiseOfMvtecHeadClassesMatchesTheShippedSplits() {
		// spec §8: noise per head class of the MVTec step nr10 splits
		final int[] expected = { 21, 22, 22, 28, 26, 39, 24, 22, 27, 32, 23, 6, 21,
			25, 24 };
		final Split split = SplitGenerator.generate(MVTEC, TailShape.none(), 0.1,
			101);
		for (int c = 0; c < expected.length; c++) {
			final ClassSplit s = split.classes().get(c);
			assertEquals(expected[c], s.noise().size(), s.name());
			assertEquals(InMemoryDatasets.MVTEC_TRAIN[c], s.clean().size());
		}
	}

	@Test
	void stepTailKeepsKImagesInNineClassesAndNoisesOnlyTheHead() {
		final Split split = SplitGenerator.generate(MVTEC, TailShape.step(4), 0.1,
			101);
		assertEquals(9, split.tailClasses().size());
		assertEquals(6, split.headClasses().size());
		for (int c = 0; c < 15; c++) {
			final ClassSplit s = split.classes().get(c);
			final MvtecClass original = MVTEC.classes().get(c);
			assertEquals(s.tail() ? 4 : original.trainGood().size(), s.clean()
				.size());
			assertEquals(s.tail() ? 0 : Math.min(original.anomalies().size(),
				(int) Math.rint(0.1 * original.trainGood().size())), s.noise().size());
		}
	}

	@Test
	void keptAndNoiseImagesComeFromTheirOwnClass() {
		final Split split = SplitGenerator.generate(MVTEC, TailShape.step(1), 0.4,
			7);
		for (final ClassSplit s : split.classes()) {
			final MvtecClass original = MVTEC.get(s.name());
			final Set<String> good = original.trainGood().stream().map(
				MVTEC::relative).collect(Collectors.toSet());
			final Set<String> anomalies = original.anomalies().stream().map(
				t -> MVTEC.relative(t.image())).collect(Collectors.toSet());
			for (final TrainImage t : s.clean())
				assertTrue(good.contains(t.source()), t.source());
			for (final TrainImage t : s.noise()) {
				assertTrue(anomalies.contains(t.source()), t.source());
				final String[] parts = t.source().split("/");
				assertEquals(parts[2] + "_" + parts[3], t.name());
			}
			assertEquals(s.noise().size(), new HashSet<>(s.noise()).size());
		}
	}

	@Test
	void testSetIsNeverChanged() {
		for (final TailShape shape : List.of(TailShape.step(4), TailShape.step(1),
			TailShape.pareto(), TailShape.none()))
		{
			final Split split = SplitGenerator.generate(MVTEC, shape, 0.4, 3);
			int total = 0;
			for (final ClassSplit s : split.classes()) {
				assertEquals(MVTEC.get(s.name()).test().stream().map(t -> MVTEC
					.relative(t.image())).collect(Collectors.toList()), s.test());
				total += s.test().size();
			}
			assertEquals(1258 + 45, total); // anomalies + 3 good per class
		}
	}

	/**
	 * The moved protocol: round_half_even(ratio · #anomalies) defective test
	 * images per head class go into training and leave the test set; the
	 * other test images stay; the overlap split of the same seed keeps them.
	 */
	@Test
	void movedNoiseLeavesTheTestSet() {
		final MvtecDataset data = InMemoryDatasets.of(new String[] { "a", "b",
			"small" }, new int[] { 30, 40, 19 }, new int[] { 150, 25, 10 });
		final Split moved = SplitGenerator.generate(data, TailShape.none(), 0.1,
			NoiseProtocol.MOVED, 5);
		assertEquals(15, moved.get("a").noise().size());
		assertEquals(2, moved.get("b").noise().size()); // 2.5 → 2
		assertEquals(0, moved.get("small").noise().size());
		for (final ClassSplit c : moved.classes()) {
			final int all = data.get(c.name()).test().size();
			assertEquals(all - c.noise().size(), c.test().size(), c.name());
			for (final TrainImage t : c.noise())
				assertTrue(!c.test().contains(t.source()), t.source());
		}
		final Split overlap = SplitGenerator.generate(data, TailShape.none(), 0.1,
			5);
		assertEquals(data.get("a").test().size(), overlap.get("a").test().size());
		assertEquals(3, overlap.get("a").noise().size()); // 0.1 · 30 train
		assertEquals(NoiseProtocol.MOVED, NoiseProtocol.parse(" Moved "));
		assertThrows(IllegalArgumentException.class, () -> NoiseProtocol.parse(
			"kept"));
	}

	@Test
	void noiseGoesOnlyToClassesWithTwentyImages() {
		final MvtecDataset data = InMemoryDatasets.of(new String[] { "big",
			"small" }, new int[] { 20, 19 }, new int[] { 10, 10 });
		final Split split = SplitGenerator.generate(data, TailShape.none(), 0.5, 1);
		assertEquals(10, split.get("big").noise().size());
		assertEquals(0, split.get("small").noise().size());
	}

	@Test
	void paretoKeepsTheProfileAndSpreadsHalfEvenNoiseOverTheHead() {
		// 15 classes of 200 images: kept = round(200 · relative pmf), at
		// least 5; Σ = 565, noise = round_half_even(56.5) = 56.
		final MvtecDataset data = InMemoryDatasets.uniform(15, 200, 100);
		final Split split = SplitGenerator.generate(data, TailShape.pareto(), 0.1,
			101);
		final int[] kept = split.classes().stream().mapToInt(c -> c.clean().size())
			.sorted().toArray();
		assertArrayEquals(new int[] { 5, 5, 5, 5, 5, 6, 8, 11, 15, 22, 32, 49, 76,
			121, 200 }, kept);
		int noise = 0;
		for (final ClassSplit s : split.classes()) {
			assertEquals(s.clean().size() < 20, s.tail(), s.name());
			if (s.tail()) assertEquals(0, s.noise().size(), s.name());
			noise += s.noise().size();
		}
		assertEquals(56, noise);
		assertEquals(9, split.tailClasses().size());
	}

	@Test
	void paretoNoiseIsCappedByTheAnomalies() {
		final int[] noise = SplitGenerator.paretoNoise(new int[] { 100, 100, 10 },
			new int[] { 3, 50, 50 }, 0.2, new Random(1));
		// total round(0.2 · 210) = 42: at most 3 from the first class, none
		// from the class of 10.
		assertEquals(3, noise[0]);
		assertEquals(39, noise[1]);
		assertEquals(0, noise[2]);
	}

	@Test
	void sameSeedGivesTheSameSplitAndOtherSeedsDiffer() {
		for (final TailShape shape : List.of(TailShape.step(4), TailShape
			.pareto()))
		{
			final Split a = SplitGenerator.generate(MVTEC, shape, 0.1, 101);
			assertEquals(a, SplitGenerator.generate(MVTEC, shape, 0.1, 101));
			final Split b = SplitGenerator.generate(MVTEC, shape, 0.1, 102);
			assertNotEquals(a.classes(), b.classes());
		}
		assertNotEquals(SplitGenerator.generate(MVTEC, TailShape.step(4), 0.1, 101)
			.tailClasses(), SplitGenerator.generate(MVTEC, TailShape.step(4), 0.1,
				102).tailClasses());
	}

	@Test
	void tailClassesWithFewerImagesThanKKeepThemAll() {
		final MvtecDataset data = InMemoryDatasets.of(new String[] { "a", "b",
			"c" }, new int[] { 2, 2, 2 }, new int[] { 1, 1, 1 });
		final Split split = SplitGenerator.generate(data, TailShape.step(4), 0, 1);
		assertEquals(2, split.tailClasses().size());
		for (final ClassSplit s : split.classes())
			assertEquals(2, s.clean().size());
	}

	@Test
	void rejectsANoiseRatioOutsideZeroToOne() {
		assertThrows(IllegalArgumentException.class, () -> SplitGenerator.generate(
			MVTEC, TailShape.none(), 1.5, 1));
		assertThrows(IllegalArgumentException.class, () -> SplitGenerator.generate(
			MVTEC, TailShape.none(), Double.NaN, 1));
	}

	@Test
	void goodTestImagesAreNeverNoise() {
		final Split split = SplitGenerator.generate(MVTEC, TailShape.none(), 1.0, 5);
		for (final ClassSplit s : split.classes())
			for (final TrainImage t : s.noise())
				assertTrue(!t.source().contains("/" + TestImage.GOOD + "/"), t
					.source());
	}
}
