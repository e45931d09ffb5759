package io.github.tailedcore.benchmark.synthetic;

import io.github.tailedcore.benchmark.data.ImageFiles;
import io.github.tailedcore.benchmark.data.TestImage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes synthetic classes as an MVTec-layout data set:
 * {@code <class>/train/good/000.png …}, {@code <class>/test/good/000.png …},
 * {@code <class>/test/<defect>/000.png …} and
 * {@code <class>/ground_truth/<defect>/000_mask.png …} (0/255).
 * <p>
 * Every image has its own random stream derived from the seed, the class
 * name, its folder and its number, so the same seed writes the same
 * pixels. Existing files of the same names are overwritten; nothing is
 * deleted.
 * </p>
 */
public final class SyntheticDatasetWriter {

	private SyntheticDatasetWriter() {}

	/**
	 * Writes {@code classes} under {@code root} as {@code size × size} PNGs.
	 *
	 * @return the files written, in the order written
	 */
	public static List<Path> write(final Path root,
		final List<SyntheticClass> classes, final int size, final long seed)
		throws IOException
	{
		if (size < 32) throw new IllegalArgumentException(
			"Synthetic images need at least 32 × 32 pixels, got " + size + ".");
		final List<Path> written = new ArrayList<>();
		for (final SyntheticClass c : classes) {
			final TileSampler sampler = new TileSampler(c.tile());
			final Path folder = root.resolve(c.name());
			for (int i = 0; i < c.train(); i++)
				written.add(normal(sampler, size, folder.resolve("train/good"), i, seed,
					c.name(), "train"));
			for (int i = 0; i < c.testGood(); i++)
				written.add(normal(sampler, size, folder.resolve("test").resolve(
					TestImage.GOOD), i, seed, c.name(), "test"));
			for (final DefectKind kind : c.defects())
				for (int i = 0; i < c.perDefect(); i++) {
					final SplittableRandom random = Seeds.random(seed, c.name(), kind.folderName(), i);
					final DefectSample d = DefectPainter.paint(sampler.sample(size, size,
						random), kind, random);
					final Path image = folder.resolve("test").resolve(kind.folderName())
						.resolve(name(i) + ".png");
					final Path mask = folder.resolve("ground_truth").resolve(kind
						.folderName()).resolve(name(i) + "_mask.png");
					ImageFiles.writePng(d.image(), image);
					ImageFiles.writeMask(d.mask(), mask);
					written.add(image);
					written.add(mask);
				}
		}
		return written;
	}

	private static Path normal(final TileSampler sampler, final int size,
		final Path folder, final int i, final long seed, final String name,
		final String role) throws IOException
	{
		final Path file = folder.resolve(name(i) + ".png");
		ImageFiles.writePng(sampler.sample(size, size, Seeds.random(seed, name,
			role, i)), file);
		return file;
	}

	private static String name(final int i) {
		return String.format("%03d", i);
	}
}
