package io.github.tailedcore.benchmark.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tailedcore.SharedData;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MvtecDatasetTest {

	@TempDir
	Path root;

	@Test
	void listsATinyLayoutInLoaderOrder() throws IOException {
		touch("zebra/train/good/b.png", "zebra/train/good/a.png",
			"zebra/train/good/notes.txt", "zebra/test/good/g.png",
			"zebra/test/stain/s1.png", "zebra/test/crack/c2.png",
			"zebra/test/crack/c1.png", "zebra/ground_truth/crack/c1_mask.png",
			"zebra/ground_truth/crack/c2_mask.png",
			"zebra/ground_truth/stain/s1_mask.png", "apple/train/good/x.png",
			"apple/test/good/y.png", "apple/test/bad/z.png", "README.md");
		final MvtecDataset data = MvtecDataset.read(root);
		assertEquals(List.of("apple", "zebra"), data.classNames());
		final MvtecClass zebra = data.get("zebra");
		assertEquals(List.of("zebra/train/good/a.png", "zebra/train/good/b.png"),
			zebra.trainGood().stream().map(data::relative).collect(Collectors
				.toList()));
		// types sorted, "good" in its alphabetical place, then files sorted
		assertEquals(List.of("zebra/test/crack/c1.png", "zebra/test/crack/c2.png",
			"zebra/test/good/g.png", "zebra/test/stain/s1.png"), zebra.test()
				.stream().map(t -> data.relative(t.image())).collect(Collectors
					.toList()));
		assertEquals(List.of("crack", "good", "stain"), zebra.defectTypes());
		assertTrue(zebra.hasMasks());
		assertEquals(root.resolve("zebra/ground_truth/crack/c1_mask.png"), zebra
			.test().get(0).mask());
		assertNull(zebra.test().get(2).mask());
		assertEquals(3, zebra.anomalies().size());
		final MvtecClass apple = data.get("apple");
		assertFalse(apple.hasMasks());
		assertNull(apple.anomalies().get(0).mask());
		assertEquals(root.resolve("apple/test/bad/z.png"), data.resolve(
			"apple/test/bad/z.png"));
	}

	@Test
	void namesTheFolderOfAMissingOrBrokenLayout() throws IOException {
		assertMessageNames(root.resolve("absent"), root.resolve("absent"));
		assertMessageNames(root, root); // empty
		touch("a/test/good/1.png");
		assertMessageNames(root, root.resolve("a"));
		touch("a/train/good/1.png");
		touch("b/train/good/1.png");
		assertMessageNames(root, root.resolve("b"));
		touch("b/test/hole/h.png", "b/ground_truth/other/x_mask.png");
		assertMessageNames(root, root.resolve("b/ground_truth/hole/h_mask.png"));
		touch("b/ground_truth/hole/h_mask.png");
		assertEquals(2, MvtecDataset.read(root).classes().size());
		assertThrows(IllegalArgumentException.class, () -> MvtecDataset.read(root)
			.get("c"));
	}

	@Test
	void readsTheSharedIndustrialClasses() {
		final Path shared = SharedData.require("datasets/industrial");
		final MvtecDataset data = MvtecDataset.read(shared);
		assertEquals(List.of("magnetic_tile", "pcb", "solar_mono", "solar_poly",
			"tire"), data.classNames());
		// counts of the data set's README
		final MvtecClass tire = data.get("tire");
		assertEquals(239, tire.trainGood().size());
		assertEquals(25 + 87, tire.test().size());
		assertEquals(List.of("combined", "contamination", "cut", "good", "hole"),
			tire.defectTypes());
		assertEquals(87, tire.anomalies().size());
		tire.anomalies().forEach(t -> assertNotNull(t.mask()));
		assertEquals(714, data.get("magnetic_tile").trainGood().size());
		assertEquals(392, data.get("magnetic_tile").anomalies().size());
		assertEquals(150, data.get("pcb").anomalies().size());
		for (final String solar : List.of("solar_mono", "solar_poly")) {
			assertFalse(data.get(solar).hasMasks());
			assertEquals(195, data.get(solar).trainGood().size());
			assertEquals(65 + 80, data.get(solar).test().size());
		}
	}

	private void touch(final String... files) throws IOException {
		for (final String f : files) {
			final Path p = root.resolve(f);
			Files.createDirectories(p.getParent());
			Files.write(p, new byte[0]);
		}
	}

	private static void assertMessageNames(final Path data, final Path named) {
		final IllegalArgumentException e = assertThrows(
			IllegalArgumentException.class, () -> MvtecDataset.read(data));
		assertTrue(e.getMessage().contains(named.toString()), e.getMessage());
	}
}
