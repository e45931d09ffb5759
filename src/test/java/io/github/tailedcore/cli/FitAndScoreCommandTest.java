package io.github.tailedcore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tailedcore.Method;
import io.github.tailedcore.TailedCoreModel;
import io.github.tailedcore.importance.ImportanceWeighting;
import io.github.tailedcore.io.ModelFile;
import io.github.tailedcore.io.NpyFile;
import io.github.tailedcore.noise.NoiseThreshold;
import io.github.tailedcore.tail.TailEstimation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fit} and {@code score} through {@link Main#run}, as a user types them. */
class FitAndScoreCommandTest {

	@TempDir
	Path dir;

	/** Runs the command line, returning exit code and everything printed. */
	private static String[] run(final String... args) {
		return CapturedRun.of(args).asArray();
	}

	/**
	 * {@code score --shard} and {@code merge} refuse wrong command lines
	 * before any work (sharded runs themselves: {@code ScoreFolderCommandTest},
	 * {@code ShardMergeTest}, {@code SlurmShardingIT}).
	 */
	@Test
	void shardAndMergeRefuseWrongCommandLines() throws Exception {
		final String out = dir.resolve("out").toString();
		final Path image = Files.writeString(dir.resolve("a.png"), "x");
		for (final String[] refused : List.of( //
			new String[] { "4/4", dir.toString(), out,
				"--shard: The shard 4/4 does not exist" }, //
			new String[] { "three", dir.toString(), out,
				"'three' is not a shard: write I/N" }, //
			new String[] { "0/2", image.toString(), out, "--shard needs a folder " +
				"as --input and an --output folder that all shards share" }, //
			new String[] { "0/2", dir.toString(), null, "--shard needs a folder" }))
		{
			final String[] r = run(refused[2] == null ? new String[] { "score",
				"--model", "m.tailedcore", "--input", refused[1], "--shard",
				refused[0] } : new String[] { "score", "--model", "m.tailedcore",
					"--input", refused[1], "--output", refused[2], "--shard",
					refused[0] });
			assertEquals("2", r[0], r[1]);
			assertTrue(r[1].contains(refused[3]), r[1]);
		}
		assertTrue(run("merge")[1].contains("Missing option --output"));
		final String[] none = run("merge", "--output", dir.toString());
		assertEquals("1", none[0], none[1]);
		assertTrue(none[1].contains("There are no shards to merge in " + dir),
			none[1]);
	}

	/** N images of a 3 × 3 grid of 8-d patches near one prototype. */
	private Path features(final String name, final int n, final long seed,
		final float shift) throws Exception
	{
		final Random random = new Random(seed);
		final float[] data = new float[n * 9 * 8];
		for (int k = 0; k < data.length; k++)
			data[k] = (k % 8 == 0 ? 1 : 0) + shift + 0.05f * (float) random
				.nextGaussian();
		final Path file = dir.resolve(name);
		new NpyFile(new int[] { n, 3, 3, 8 }, data).write(file, false);
		return file;
	}

	@Test
	void fitsOnFeatureArraysAndScoresThem() throws Exception {
		final Path model = dir.resolve("m.tailedcore");
		final String[] fit = run("fit", "--features", features("train.npy", 20,
			1, 0).toString(), "--method", "softpatch", "--model", model
				.toString());
		assertEquals("0", fit[0], fit[1]);
		assertTrue(fit[1].contains("SoftPatch fitted"), fit[1]);
		final TailedCoreModel loaded = ModelFile.load(model);
		assertEquals(Method.SOFTPATCH, loaded.settings().method());
		assertEquals(180, loaded.summary().patchCount());
		assertEquals((int) Math.floor(0.1 * (180 - loaded.summary()
			.droppedPatches())), loaded.memory().size());

		final Path out = dir.resolve("out");
		features("normal.npy", 2, 2, 0);
		final String[] normal = run("score", "--model", model.toString(),
			"--features", dir.resolve("normal.npy").toString(), "--output", out
				.toString());
		assertEquals("0", normal[0], normal[1]);
		final List<String> csv = Files.readAllLines(out.resolve("scores.csv"));
		assertEquals("image,slice,score,threshold,verdict", csv.get(0));
		assertEquals(3, csv.size());
		assertTrue(csv.get(1).endsWith(",normal"), csv.get(1));

		features("defect.npy", 1, 3, 2f);
		final String[] again = run("score", "--model", model.toString(),
			"--features", dir.resolve("defect.npy").toString(), "--output", out
				.toString());
		assertEquals("1", again[0], "scores.csv must not be overwritten silently");
		assertTrue(again[1].contains("exists already"), again[1]);
		final String[] defect = run("score", "--model", model.toString(),
			"--features", dir.resolve("defect.npy").toString(), "--output", out
				.toString(), "--overwrite");
		assertEquals("0", defect[0], defect[1]);
		assertTrue(Files.readAllLines(out.resolve("scores.csv")).get(1).endsWith(
			",anomalous"));
	}

	@Test
	void fitsWithImportanceWeighting() throws Exception {
		final Path model = dir.resolve("w.tailedcore");
		final String[] fit = run("fit", "--features", features("w.npy", 20, 1, 0)
			.toString(), "--method", "patchcore", "--importance-weighting",
			"coreset+score", "--model", model.toString());
		assertEquals("0", fit[0], fit[1]);
		final TailedCoreModel loaded = ModelFile.load(model);
		assertEquals(ImportanceWeighting.CORESET_AND_SCORE, loaded.settings()
			.importanceWeighting());
		assertEquals(20, loaded.summary().importanceWeights().length);
		assertEquals(loaded.memory().size(), loaded.memory().weights().length);
		final String[] bad = run("fit", "--features", dir.resolve("w.npy")
			.toString(), "--method", "patchcore", "--importance-weighting", "all",
			"--model", dir.resolve("x").toString());
		assertEquals("2", bad[0]);
		assertTrue(bad[1].contains("coreset+score"), bad[1]);
	}

	/**
	 * One kind of 20 images (the embeddings of one prototype): the default
	 * robust estimate takes no tail and says why; the paper's takes every
	 * image and says why; the model records which estimate it used.
	 */
	@Test
	void tailEstimateIsAnOptionAndItsCountAndWarningArePrinted()
		throws Exception
	{
		final Path patches = features("one.npy", 20, 4, 0);
		final Path embeddings = embeddings("one-emb.npy", 20);
		final Path robust = dir.resolve("robust.tailedcore");
		final String[] fit = run("fit", "--features", patches.toString(),
			"--embeddings", embeddings.toString(), "--model", robust.toString());
		assertEquals("0", fit[0], fit[1]);
		assertTrue(fit[1].contains("0 of 20 images taken as tail (0.0 %)"),
			fit[1]);
		assertTrue(fit[1].contains("Tail estimate: "), fit[1]);
		assertTrue(fit[1].contains("no class structure"), fit[1]);
		assertEquals(TailEstimation.ROBUST, ModelFile.load(robust).settings()
			.tailEstimation());
		final Path paper = dir.resolve("paper.tailedcore");
		final String[] paperFit = run("fit", "--features", patches.toString(),
			"--embeddings", embeddings.toString(), "--tail-estimate", "paper",
			"--tail-augmentation", "none", "--model", paper.toString());
		assertEquals("0", paperFit[0], paperFit[1]);
		assertTrue(paperFit[1].contains("20 of 20 images taken as tail"),
			paperFit[1]);
		assertTrue(paperFit[1].contains("Every image was predicted to be tail"),
			paperFit[1]);
		final TailedCoreModel loaded = ModelFile.load(paper);
		assertEquals(TailEstimation.PAPER, loaded.settings().tailEstimation());
		assertTrue(loaded.summary().tailNote().contains("Every image"));
		final String[] bad = run("fit", "--features", patches.toString(),
			"--embeddings", embeddings.toString(), "--tail-estimate", "exact",
			"--model", dir.resolve("x").toString());
		assertEquals("2", bad[0]);
		assertTrue(bad[1].contains("use robust, separation or paper"), bad[1]);
	}

	/**
	 * {@code --noise-threshold}: adaptive by default, fixed on request, each
	 * recorded in the model file and read back; the fixed share drops about
	 * 15 % of the patches of a clean kind, the adaptive rule none.
	 */
	@Test
	void noiseThresholdIsAnOptionRecordedInTheModel() throws Exception {
		final Path patches = features("kind.npy", 30, 6, 0);
		final Path adaptive = dir.resolve("adaptive.tailedcore");
		final String[] fit = run("fit", "--features", patches.toString(),
			"--method", "tailedcore", "--embeddings", embeddings("kind-emb.npy", 30)
				.toString(), "--model", adaptive.toString());
		assertEquals("0", fit[0], fit[1]);
		final TailedCoreModel a = ModelFile.load(adaptive);
		assertEquals(NoiseThreshold.ADAPTIVE, a.settings().noiseThreshold());
		assertEquals(0, a.summary().droppedPatches());
		final Path fixed = dir.resolve("fixed.tailedcore");
		final String[] fixedFit = run("fit", "--features", patches.toString(),
			"--embeddings", dir.resolve("kind-emb.npy").toString(),
			"--noise-threshold", "fixed", "--model", fixed.toString());
		assertEquals("0", fixedFit[0], fixedFit[1]);
		final TailedCoreModel f = ModelFile.load(fixed);
		assertEquals(NoiseThreshold.FIXED, f.settings().noiseThreshold());
		assertEquals(Math.floor(0.15 * 30 * 9), f.summary().droppedPatches(), 2);
		final String[] bad = run("fit", "--features", patches.toString(),
			"--embeddings", dir.resolve("kind-emb.npy").toString(),
			"--noise-threshold", "auto", "--model", dir.resolve("x").toString());
		assertEquals("2", bad[0]);
		assertTrue(bad[1].contains("use adaptive or fixed"), bad[1]);
	}

	/** Embeddings of one kind: n rows near the first axis of 16. */
	private Path embeddings(final String name, final int n) throws Exception {
		final Random random = new Random(5);
		final float[] e = new float[n * 16];
		for (int k = 0; k < e.length; k++)
			e[k] = (k % 16 == 0 ? 1 : 0) + 0.02f * (float) random.nextGaussian();
		final Path file = dir.resolve(name);
		new NpyFile(new int[] { n, 16 }, e).write(file, false);
		return file;
	}

	@Test
	void refusesToOverwriteAModelAndNamesBadOptions() throws Exception {
		final Path model = dir.resolve("m.tailedcore");
		Files.writeString(model, "precious");
		final String[] fit = run("fit", "--features", features("t.npy", 4, 1, 0)
			.toString(), "--method", "patchcore", "--model", model.toString());
		assertEquals("1", fit[0]);
		assertTrue(fit[1].contains("already exists"), fit[1]);
		assertEquals("precious", Files.readString(model));
		final String[] typo = run("fit", "--features", dir.resolve("t.npy")
			.toString(), "--methd", "patchcore", "--model", dir.resolve("n")
				.toString());
		assertEquals("2", typo[0]);
		assertTrue(typo[1].contains("Unknown option --methd"), typo[1]);
		final String[] noEmbeddings = run("fit", "--features", dir.resolve("t.npy")
			.toString(), "--model", dir.resolve("n").toString());
		assertEquals("2", noEmbeddings[0]);
		assertTrue(noEmbeddings[1].contains("--embeddings"), noEmbeddings[1]);
	}

	@Test
	void fitsAndScoresAFolderOfImagesWithTheSharedBackbone() throws Exception {
		final Path grid = Paths.get("test-images", "grid");
		final Path model = dir.resolve("grid.tailedcore");
		final String[] fit = run("fit", "--train", grid.resolve("train/good")
			.toString(), "--method", "patchcore", "--coreset-ratio", "0.02",
			"--model", model.toString());
		assertEquals("0", fit[0], fit[1]);
		assertTrue(fit[1].contains("12 images"), fit[1]);
		final Path out = dir.resolve("scores");
		final String[] score = run("score", "--model", model.toString(),
			"--input", grid.resolve("test").toString(), "--recursive", "--output",
			out.toString());
		assertEquals("0", score[0], score[1]);
		final List<String> csv = Files.readAllLines(out.resolve("scores.csv"));
		assertEquals(1 + 5, csv.size(), String.join("\n", csv));
		assertEquals("image,slice,score,threshold,verdict", csv.get(0));
		double worstGood = 0;
		double bestDefect = Double.POSITIVE_INFINITY;
		int goods = 0;
		for (final String row : csv.subList(1, csv.size())) {
			final String[] cells = row.split(",");
			final double s = Double.parseDouble(cells[2]);
			if (cells[0].startsWith("good/")) {
				goods++;
				worstGood = Math.max(worstGood, s);
			}
			else bestDefect = Math.min(bestDefect, s);
		}
		assertEquals(2, goods, String.join("\n", csv));
		assertTrue(bestDefect > worstGood, "defects " + bestDefect +
			" should outscore good images " + worstGood);
	}
}
