package io.github.tailedcore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tailedcore.io.ModelFile;
import io.github.tailedcore.preprocess.Preprocessing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code example} on one class of the example images: it fits with the
 * plugin's default preprocessing (the full frame) and its maps cover every
 * pixel of the 256 px test images, which the paper's crop would leave with
 * an unseen 16 px frame.
 */
class ExampleCommandTest {

	@TempDir
	Path dir;

	@Test
	void fitsTheFullFrameAndMapsEveryPixel() throws Exception {
		final Path data = dir.resolve("data");
		final Path dotted = Paths.get("test-images", "dotted");
		try (Stream<Path> files = Files.walk(dotted)) {
			for (final Path f : (Iterable<Path>) files::iterator) {
				final Path to = data.resolve("dotted").resolve(dotted.relativize(f)
					.toString());
				if (Files.isDirectory(f)) Files.createDirectories(to);
				else Files.copy(f, to);
			}
		}
		final Path output = dir.resolve("out");
		final CapturedRun run = CapturedRun.of("example", "--data", data
			.toString(), "--output", output.toString(), "--method", "patchcore");
		final String printed = run.output();
		assertEquals(0, run.code(), printed);
		assertTrue(printed.contains("The maps cover every pixel of the test " +
			"images."), printed);
		assertEquals(Preprocessing.defaults().framing(), ModelFile.load(output
			.resolve("patchcore" + ModelFile.EXTENSION)).preprocessing().framing());
		final String row = printed.lines().filter(l -> l.startsWith("dotted "))
			.findFirst().orElseThrow();
		final String[] cells = row.trim().split("\\s+");
		assertEquals("dotted 2 3", String.join(" ", cells[0], cells[1], cells[2]),
			row);
		assertTrue(Double.parseDouble(cells[3]) >= 0.9, "image AUROC: " + row);
		assertTrue(Double.parseDouble(cells[4]) >= 0.9, "pixel AUROC: " + row);
	}
}
