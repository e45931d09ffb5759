package io.github.tailedcore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tailedcore.benchmark.data.ImageFiles;
import io.github.tailedcore.benchmark.data.MvtecDataset;
import io.github.tailedcore.image.RasterImage;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MakeTestImagesCommandTest {

	@TempDir
	Path dir;

	@Test
	void writesTheExampleSetAtTheRequestedSize() throws Exception {
		final Path out = dir.resolve("ex");
		assertEquals(0, new MakeTestImagesCommand().run(new Arguments("--output",
			out.toString(), "--seed", "2", "--size", "64")));
		final MvtecDataset data = MvtecDataset.read(out);
		assertEquals(4, data.classes().size());
		final RasterImage first = ImageFiles.read(data.classes().get(0).trainGood()
			.get(0));
		assertEquals(64, first.width());
	}

	@Test
	void writesTextureClassesFromAFolder() throws Exception {
		final Path textures = dir.resolve("tex");
		for (final String name : new String[] { "a", "b" })
			ImageFiles.writePng(new RasterImage(8, 8, new float[64]), textures
				.resolve(name + ".png"));
		final Path out = dir.resolve("out");
		new MakeTestImagesCommand().run(new Arguments("--output", out.toString(),
			"--textures", textures.toString(), "--classes", "2", "--train", "3",
			"--test-good", "1", "--per-defect", "1", "--size", "40"));
		final MvtecDataset data = MvtecDataset.read(out);
		assertEquals(2, data.classes().size());
		assertEquals(3, data.get("a").trainGood().size());
		assertEquals(1 + 5, data.get("a").test().size());
	}

	@Test
	void rejectsTextureOptionsWithoutTextures() {
		final IllegalArgumentException e = assertThrows(
			IllegalArgumentException.class, () -> new MakeTestImagesCommand().run(
				new Arguments("--output", dir.toString(), "--classes", "3")));
		assertTrue(e.getMessage().contains("--classes"), e.getMessage());
	}
}
