package io.github.tailedcore.benchmark.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SplitFileTest {

	@TempDir
	Path dir;

	@Test
	void readsBackWhatItWrote() throws IOException {
		final Split split = SplitGenerator.generate(InMemoryDatasets.mvtec(),
			TailShape.step(4), 0.1, 104);
		final Path file = SplitFile.write(split, dir.resolve("out"));
		assertEquals(dir.resolve("out").resolve(SplitFile.FILE_NAME), file);
		assertEquals(split, SplitFile.read(file));
		assertEquals(split, SplitFile.read(dir.resolve("out")));
	}

	@Test
	void writesOneReadableRowPerImage() throws IOException {
		final Split split = new Split(TailShape.pareto(), 0.05, 7, List.of(
			new ClassSplit("a", true, List.of(TrainImage.clean("a/train/good/1.png"),
				TrainImage.noise("a/test/cut/2.png")), List.of("a/test/cut/2.png"))));
		final List<String> lines = Files.readAllLines(SplitFile.write(split, dir),
			StandardCharsets.UTF_8);
		assertTrue(lines.contains("# tail=pareto"));
		assertTrue(lines.contains("# noise_ratio=0.05"));
		assertTrue(lines.contains("# seed=7"));
		assertTrue(lines.contains(
			"# a: tail, 1 clean + 1 noise training images, 1 test images"));
		assertEquals(List.of("class,group,role,source,train_name",
			"a,tail,train,a/train/good/1.png,1.png",
			"a,tail,noise,a/test/cut/2.png,cut_2.png", "a,tail,test,a/test/cut/2.png,"),
			lines.subList(lines.size() - 4, lines.size()));
	}

	@Test
	void namesTheLineOfABrokenFile() throws IOException {
		final Path file = dir.resolve("broken.csv");
		Files.write(file, List.of("# tail=none", "# noise_ratio=0", "# seed=1",
			"class,group,role,source,train_name", "a,head,train,a/x.png,x.png",
			"a,head,eat,a/y.png,y.png"));
		final IOException e = assertThrows(IOException.class, () -> SplitFile.read(
			file));
		assertTrue(e.getMessage().contains("Line 6"), e.getMessage());
	}

	@Test
	void refusesFileNamesWithCommas() {
		final Split split = new Split(TailShape.none(), 0, 1, List.of(
			new ClassSplit("a", false, List.of(TrainImage.clean("a/train/good/x,y.png")),
				List.of())));
		assertThrows(IOException.class, () -> SplitFile.write(split, dir));
	}
}
