package io.github.tailedcore.benchmark.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tailedcore.benchmark.data.BinaryMask;
import io.github.tailedcore.benchmark.data.ImageFiles;
import io.github.tailedcore.benchmark.data.MvtecClass;
import io.github.tailedcore.benchmark.data.MvtecDataset;
import io.github.tailedcore.benchmark.data.TestImage;
import io.github.tailedcore.image.RasterImage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticDatasetWriterTest {

	@TempDir
	Path dir;

	private static List<SyntheticClass> twoClasses() {
		return List.of(new SyntheticClass("b_dots", ProceduralPattern.DOTS.tile(32,
			new SplittableRandom(1)), 3, 2, List.of(DefectKind.HOLE,
				DefectKind.SCRATCH), 2), new SyntheticClass("a_grey", new RasterImage(2,
					2, new float[] { 40, 200, 200, 40 }), 1, 0, List.of(
						DefectKind.STAIN), 1));
	}

	@Test
	void writesAnMvtecLayoutTheReaderAccepts() throws IOException {
		final List<Path> files = SyntheticDatasetWriter.write(dir, twoClasses(), 48,
			7);
		// b_dots: 3 + 2 + 2 · 2 · (image + mask); a_grey: 1 + 1 · 2
		assertEquals(13 + 3, files.size());
		final MvtecDataset data = MvtecDataset.read(dir);
		assertEquals(List.of("a_grey", "b_dots"), data.classNames());
		final MvtecClass dots = data.get("b_dots");
		assertEquals(3, dots.trainGood().size());
		assertEquals(List.of("good", "hole", "scratch"), dots.defectTypes());
		assertTrue(dots.hasMasks());
		for (final TestImage t : dots.anomalies()) {
			final BinaryMask mask = ImageFiles.readMask(t.mask());
			final RasterImage image = ImageFiles.read(t.image());
			assertEquals(48, mask.width());
			assertEquals(48, image.width());
			assertEquals(3, image.channels());
			assertTrue(mask.count() >= DefectPainter.MIN_AREA);
			final float[] grey = ImageFiles.read(t.mask()).plane(0);
			for (final float v : grey)
				assertTrue(v == 0 || v == 255, "mask value " + v);
		}
		assertEquals(1, ImageFiles.read(data.get("a_grey").trainGood().get(0))
			.channels());
	}

	@Test
	void theSameSeedWritesTheSamePixels() throws IOException {
		SyntheticDatasetWriter.write(dir.resolve("one"), twoClasses(), 40, 3);
		SyntheticDatasetWriter.write(dir.resolve("two"), twoClasses(), 40, 3);
		SyntheticDatasetWriter.write(dir.resolve("other"), twoClasses(), 40, 4);
		final String file = "b_dots/test/scratch/001.png";
		final float[] one = ImageFiles.read(dir.resolve("one").resolve(file))
			.plane(0);
		assertArrayEquals(one, ImageFiles.read(dir.resolve("two").resolve(file))
			.plane(0));
		assertFalse(Arrays.equals(one, ImageFiles.read(dir.resolve(
			"other").resolve(file)).plane(0)));
	}

	@Test
	void refusesTinyImages() {
		assertThrows(IllegalArgumentException.class, () -> SyntheticDatasetWriter
			.write(dir, twoClasses(), 16, 1));
	}
}
