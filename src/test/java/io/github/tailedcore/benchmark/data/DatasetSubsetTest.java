package io.github.tailedcore.benchmark.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Limits per class, kept proportions and loader order, chosen classes. */
class DatasetSubsetTest {

	private static final Path ROOT = Paths.get("/data/set");

	/** Class {@code name}: 10 training, 6 good and 4 defective test images. */
	private static MvtecClass cls(final String name) {
		final Path folder = ROOT.resolve(name);
		final List<Path> train = new ArrayList<>();
		for (int i = 0; i < 10; i++)
			train.add(folder.resolve("train/good/" + i + ".png"));
		final List<TestImage> test = new ArrayList<>();
		for (int i = 0; i < 4; i++)
			test.add(new TestImage(folder.resolve("test/cut/" + i + ".png"), "cut",
				null));
		for (int i = 0; i < 6; i++)
			test.add(new TestImage(folder.resolve("test/good/" + i + ".png"),
				TestImage.GOOD, null));
		return new MvtecClass(name, folder, train, test, false);
	}

	private static final MvtecDataset DATA = new MvtecDataset(ROOT, List.of(cls(
		"a"), cls("b"), cls("c")));

	@Test
	void limitsKeepTheDefectShareAndLoaderOrder() {
		final MvtecDataset s = DatasetSubset.of(DATA, List.of(), 3, 5, 7);
		assertEquals(List.of("a", "b", "c"), s.classNames());
		assertSame(ROOT, s.root());
		for (final MvtecClass c : s.classes()) {
			assertEquals(3, c.trainGood().size());
			assertEquals(5, c.test().size());
			// 5 · 4/10 = 2 defective, 3 good
			assertEquals(2, c.anomalies().size());
			assertTrue(DATA.get(c.name()).trainGood().containsAll(c.trainGood()));
			final List<Path> sorted = new ArrayList<>(c.trainGood());
			sorted.sort(Comparator.naturalOrder());
			assertEquals(sorted, c.trainGood());
			assertEquals(c.test().get(0).defectType(), "cut");
		}
		assertEquals(s.classes().get(0).trainGood(), DatasetSubset.of(DATA, List
			.of(), 3, 5, 7).classes().get(0).trainGood());
	}

	@Test
	void atLeastOneImageOfEachKindAndZeroKeepsAll() {
		final MvtecClass c = DatasetSubset.of(DATA, List.of("b"), 0, 2, 1)
			.classes().get(0);
		assertEquals(1, c.anomalies().size());
		assertEquals(2, c.test().size());
		assertEquals(10, c.trainGood().size());
		assertEquals(DATA.get("b").test(), DatasetSubset.of(DATA, List.of("b"), 0,
			0, 1).get("b").test());
	}

	@Test
	void refusesUnknownClassesAndNegativeLimits() {
		assertThrows(IllegalArgumentException.class, () -> DatasetSubset.of(DATA,
			List.of("x"), 0, 0, 1));
		assertThrows(IllegalArgumentException.class, () -> DatasetSubset.of(DATA,
			List.of(), -1, 0, 1));
	}
}
