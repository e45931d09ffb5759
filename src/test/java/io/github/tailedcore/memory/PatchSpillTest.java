package io.github.tailedcore.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tailedcore.feature.FeatureGrid;
import io.github.tailedcore.feature.PatchFeatures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spill file gives back exactly what was written, by image and by row,
 * leaves nothing behind, and refuses early when its disk is too full.
 */
class PatchSpillTest {

	private static final FeatureGrid GRID = new FeatureGrid(3, 5, 7, 16);

	@TempDir
	Path folder;

	private PatchSpill spill() throws IOException {
		System.setProperty(PatchSpill.FOLDER_PROPERTY, folder.toString());
		try {
			return PatchSpill.create(GRID, 10);
		}
		finally {
			System.clearProperty(PatchSpill.FOLDER_PROPERTY);
		}
	}

	private long filesLeft() throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			return files.count();
		}
	}

	@Test
	void readsBackEveryImageAndRowBitForBit() throws IOException {
		final Random random = new Random(1);
		final PatchFeatures expected = new PatchFeatures(GRID);
		try (PatchSpill spill = spill()) {
			assertEquals(folder, spill.location());
			for (int i = 0; i < 6; i++) {
				final float[] p = new float[GRID.locations() * GRID.dims()];
				for (int k = 0; k < p.length; k++)
					p[k] = (float) random.nextGaussian();
				p[0] = Float.NaN;
				p[1] = -0f;
				expected.add(p, null);
				spill.add(p);
				// reads may come between writes: the mapping grows
				assertArrayEquals(p, spill.patches(i));
			}
			assertEquals(6, spill.imageCount());
			assertEquals(6L * GRID.locations() * GRID.dims() * 4, spill.bytes());
			for (int i = 0; i < 6; i++)
				assertArrayEquals(expected.patches(i), spill.patches(i));
			final long[] rows = random.longs(40, 0, expected.patchCount()).toArray();
			assertArrayEquals(expected.gather(rows).data(), spill.gather(rows)
				.data());
			assertThrows(IndexOutOfBoundsException.class, () -> spill.patches(6));
			assertThrows(IllegalArgumentException.class, () -> spill.add(
				new float[3]));
		}
		assertEquals(0, filesLeft(), "the spill file is deleted");
	}

	@Test
	void refusesBeforeWritingWhenTheDiskIsTooFull() {
		final IllegalStateException e = assertThrows(IllegalStateException.class,
			() -> PatchSpill.requireSpace(folder, Long.MAX_VALUE / 4));
		assertTrue(e.getMessage().contains(folder.toAbsolutePath().toString()) && e
			.getMessage().contains(PatchSpill.FOLDER_PROPERTY), e.getMessage());
	}
}
