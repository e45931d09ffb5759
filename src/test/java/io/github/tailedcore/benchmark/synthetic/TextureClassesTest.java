package io.github.tailedcore.benchmark.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tailedcore.SharedData;
import io.github.tailedcore.benchmark.data.ImageFiles;
import io.github.tailedcore.image.RasterImage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextureClassesTest {

	@TempDir
	Path dir;

	@Test
	void namesClassesAfterTheirFiles() {
		assertEquals("wood_pine", TextureClasses.className(Paths.get(
			"x/gimp_Wood_pine.png")));
		assertEquals("brick", TextureClasses.className(Paths.get("brick.png")));
		assertEquals("a_b_c", TextureClasses.className(Paths.get("A-b c.PNG")));
	}

	@Test
	void choosesTexturesBySeedAndSortsThem() throws IOException {
		for (final String name : List.of("d", "a", "c", "b"))
			ImageFiles.writePng(new RasterImage(2, 2, new float[] { 1, 2, 3, 4 }),
				dir.resolve(name + ".png"));
		Files.writeString(dir.resolve("notes.txt"), "not a texture");
		final List<SyntheticClass> classes = TextureClasses.fromFolder(dir, 3, 5,
			4, 1, 2);
		final List<String> names = classes.stream().map(SyntheticClass::name)
			.collect(Collectors.toList());
		assertEquals(names.stream().sorted().collect(Collectors.toList()), names);
		assertEquals(names, TextureClasses.fromFolder(dir, 3, 5, 4, 1, 2).stream()
			.map(SyntheticClass::name).collect(Collectors.toList()));
		assertEquals(List.of(DefectKind.values()), classes.get(0).defects());
		assertEquals(4, classes.get(0).train());
		assertThrows(IOException.class, () -> TextureClasses.fromFolder(dir, 5, 1,
			1, 1, 1));
	}

	@Test
	void makesFifteenClassesFromTheSharedTextures() throws IOException {
		final Path textures = SharedData.require("datasets/textures");
		final List<SyntheticClass> classes = TextureClasses.fromFolder(textures, 15,
			1, 2, 1, 1);
		assertEquals(15, classes.size());
		assertEquals(15, classes.stream().map(SyntheticClass::name).distinct()
			.count());
		assertTrue(classes.stream().allMatch(c -> c.tile().width() >= 16));
	}
}
