package io.github.tailedcore.benchmark.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tailedcore.benchmark.data.ImageFiles;
import io.github.tailedcore.benchmark.data.MvtecDataset;
import io.github.tailedcore.image.RasterImage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keeps the committed {@code test-images/} folder equal to its generator. */
class ExampleDatasetTest {

	private static final Path COMMITTED = Paths.get(System.getProperty("basedir",
		".")).resolve("test-images");

	@TempDir
	Path dir;

	@Test
	void committedImagesEqualARegenerationWithSeedOne() throws IOException {
		ExampleDataset.write(dir, 1, ExampleDataset.SIZE);
		final List<String> fresh = pngs(dir);
		assertEquals(fresh, pngs(COMMITTED), "the files of test-images/ differ " +
			"from a regeneration; rerun the command in test-images/README.md");
		for (final String file : fresh) {
			final RasterImage a = ImageFiles.read(dir.resolve(file));
			final RasterImage b = ImageFiles.read(COMMITTED.resolve(file));
			assertEquals(a.channels(), b.channels(), file);
			for (int c = 0; c < a.channels(); c++)
				assertArrayEquals(a.plane(c), b.plane(c), file);
		}
	}

	@Test
	void committedSetIsSmallLongTailedAndDocumented() throws IOException {
		final MvtecDataset data = MvtecDataset.read(COMMITTED);
		assertEquals(List.of("dotted", "grid", "mottled", "striped"), data
			.classNames());
		assertEquals(ExampleDataset.RARE_TRAIN, data.get("dotted").trainGood()
			.size());
		assertEquals(ExampleDataset.COMMON_TRAIN, data.get("grid").trainGood()
			.size());
		data.classes().forEach(c -> assertEquals(3, c.anomalies().size()));
		long bytes;
		try (Stream<Path> files = Files.walk(COMMITTED)) {
			bytes = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile()
				.length()).sum();
		}
		assertTrue(bytes < 3_000_000, "test-images/ holds " + bytes + " bytes");
		assertTrue(Files.readString(COMMITTED.resolve("README.md")).contains(
			"make-test-images --output test-images --seed 1"));
	}

	/** The PNG files under {@code root}, relative, sorted. */
	private static List<String> pngs(final Path root) throws IOException {
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter(p -> p.toString().endsWith(".png")).map(p -> root
				.relativize(p).toString().replace('\\', '/')).sorted().collect(
					Collectors.toList());
		}
	}
}
