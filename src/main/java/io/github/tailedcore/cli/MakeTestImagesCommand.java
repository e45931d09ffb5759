package io.github.tailedcore.cli;

import io.github.tailedcore.benchmark.synthetic.ExampleDataset;
import io.github.tailedcore.benchmark.synthetic.Micrographs;
import io.github.tailedcore.benchmark.synthetic.SyntheticDatasetWriter;
import io.github.tailedcore.benchmark.synthetic.TextureClasses;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code make-test-images}: writes a seeded synthetic data set in the MVTec
 * AD layout. Without {@code --textures} it writes the repository's example
 * set (four procedural classes, one rare); with it, one class per randomly
 * chosen texture file, for long-tail benchmarks with many classes.
 */
public final class MakeTestImagesCommand implements Subcommand {

	@Override
	public String name() {
		return "make-test-images";
	}

	@Override
	public String summary() {
		return "Write a synthetic MVTec-layout data set with exact defect masks.";
	}

	@Override
	public String usage() {
		return String.join("\n", //
			"--output DIR        folder to write <class>/train|test|ground_truth into",
			"--seed N            seed (default 1; test-images/ holds seed 1)",
			"--size PX           image side in pixels (default 256)",
			"--textures DIR      make one class per texture PNG of DIR instead of",
			"                    the four procedural example classes",
			"--classes N         with --textures: number of classes (default 15)",
			"--train N           with --textures: training images per class (default 60)",
			"--test-good N       with --textures: defect-free test images (default 10)",
			"--per-defect N      with --textures: test images per defect kind (default 2)",
			"--micrographs       instead: one class of large 16-bit (12 bits used)",
			"                    textured images with small defects, also at the edges",
			"                    (--size default 2048, --train 8, --test-good 5,",
			"                    --test-defect 5), for bench-framing");
	}

	@Override
	public int run(final Arguments args) throws Exception {
		final Path output = args.path("output");
		final long seed = args.integer("seed", 1);
		final int size = args.integer("size", ExampleDataset.SIZE);
		final Path textures = args.path("textures", null);
		final List<Path> written;
		if (args.flag("micrographs")) {
			final int side = args.integer("size", 2048);
			final int train = args.integer("train", 8);
			final int good = args.integer("test-good", 5);
			final int defect = args.integer("test-defect", 5);
			args.rejectUnknown();
			written = Micrographs.write(output, side, train, good, defect, seed);
		}
		else if (textures == null) {
			args.rejectUnknown();
			written = ExampleDataset.write(output, seed, size);
		}
		else {
			final int classes = args.integer("classes", 15);
			final int train = args.integer("train", 60);
			final int testGood = args.integer("test-good", 10);
			final int perDefect = args.integer("per-defect", 2);
			args.rejectUnknown();
			written = SyntheticDatasetWriter.write(output, TextureClasses.fromFolder(
				textures, classes, seed, train, testGood, perDefect), size, seed);
		}
		System.out.println("Wrote " + written.size() + " files under " + output +
			".");
		return 0;
	}
}
