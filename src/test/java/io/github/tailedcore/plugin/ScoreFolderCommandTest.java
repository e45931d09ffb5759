package io.github.tailedcore.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;

import io.github.tailedcore.ij.FolderScoring;
import io.github.tailedcore.io.RunLock;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.command.CommandModule;

/** Score Folder through the command service, headless, with a real model. */
class ScoreFolderCommandTest {

	@TempDir
	Path dir;

	/**
	 * Setup: grid/test (5 images in subfolders) plus a broken file. Test: the
	 * broken file is skipped with a reason, the others give a CSV row, a map
	 * TIFF and an overlay PNG each; a second run keeps the outputs unless
	 * asked to overwrite.
	 */
	@Test
	void writesCsvMapsAndOverlaysAndKeepsThem() throws Exception {
		final Path in = dir.resolve("in");
		copyTree(Fixtures.GRID.resolve("test"), in);
		Fixtures.garbage(in.resolve("good/zz-broken.png"));
		final Path out = dir.resolve("out");

		CommandModule m = Fixtures.run(ScoreFolderCommand.class, inputs(in, out,
			false));
		assertFalse(m.isCanceled(), m.getCancelReason());
		assertEquals("Scored 5 images, skipped 1; wrote " + out.resolve(
			"scores.csv") + " and " + out.resolve("skipped.csv"), m.getOutput(
				"summary"));
		assertEquals(List.of("image,reason", "good/zz-broken.png,\"it is not " +
			"an image in a format this reader knows; use PNG, TIFF, JPEG or BMP\""),
			Files.readAllLines(out.resolve("skipped.csv")));
		final List<String> csv = Files.readAllLines(out.resolve("scores.csv"));
		assertEquals("image,slice,score,threshold,verdict", csv.get(0));
		assertEquals(6, csv.size());
		assertTrue(csv.get(1).startsWith("good/000.png,1,"), csv.get(1));
		assertTrue(csv.get(5).startsWith("stain/000.png,1,"), csv.get(5));
		final ImagePlus map = IJ.openImage(out.resolve("hole/000.png_map.tif")
			.toString());
		assertEquals(32, map.getBitDepth());
		assertEquals(256, map.getWidth());
		final ImagePlus overlay = IJ.openImage(out.resolve(
			"hole/000.png_overlay.png").toString());
		assertEquals(256, overlay.getWidth());
		assertFalse(Files.exists(out.resolve("good/zz-broken.png_map.tif")));

		final long before = Files.getLastModifiedTime(out.resolve("scores.csv"))
			.toMillis();
		m = Fixtures.run(ScoreFolderCommand.class, inputs(in, out, false));
		assertTrue(m.getCancelReason().contains("outputs exist already"), m
			.getCancelReason());
		assertEquals(before, Files.getLastModifiedTime(out.resolve("scores.csv"))
			.toMillis());
		m = Fixtures.run(ScoreFolderCommand.class, inputs(in, out, true));
		assertFalse(m.isCanceled(), m.getCancelReason());
	}

	/**
	 * Setup: grid/test plus a broken file, scored once on one machine and
	 * once as 3 shards into another folder, merged by the macro call. Test:
	 * the merged CSVs are the one-machine run's, byte for byte; each shard
	 * wrote the maps of its own images; one-machine runs and shards refuse
	 * each other's folders.
	 */
	@Test
	void shardsMergeIntoTheOneMachineFilesAndDoNotMixWithIt() throws Exception {
		final Path in = dir.resolve("in");
		copyTree(Fixtures.GRID.resolve("test"), in);
		Fixtures.garbage(in.resolve("good/zz-broken.png"));
		final Path one = dir.resolve("one");
		final Path sharded = dir.resolve("sharded");
		CommandModule m = Fixtures.run(ScoreFolderCommand.class, inputs(in, one,
			false));
		assertFalse(m.isCanceled(), m.getCancelReason());

		m = Fixtures.run(ScoreFolderCommand.class, with(inputs(in, one, false),
			"shard", "0/3"));
		assertTrue(m.getCancelReason().contains("outputs exist already"), m
			.getCancelReason());
		assertTrue(TailedCoreMacro.mergeShards("output_dir=[" + sharded + "]")
			.startsWith("Error: The output folder"));
		try (RunLock merging = RunLock.acquire(sharded, "a merge")) {
			m = Fixtures.run(ScoreFolderCommand.class, with(inputs(in, sharded,
				false), "shard", "0/3"));
			assertTrue(m.getCancelReason().startsWith("A one-machine run or a " +
				"merge is writing into"), m.getCancelReason());
		}
		for (int i = 0; i < 3; i++) {
			m = Fixtures.run(ScoreFolderCommand.class, with(inputs(in, sharded,
				false), "shard", i + "/3"));
			assertFalse(m.isCanceled(), m.getCancelReason());
			assertTrue(m.getOutput("summary").toString().contains(" of shard " + i +
				"/3; wrote its files to "), m.getOutput("summary").toString());
			if (i == 1) assertTrue(TailedCoreMacro.mergeShards("output_dir=[" +
				sharded + "]").contains("shard 2 wrote no scores"));
		}
		assertEquals("Merged 3 shards: scored 5 images, skipped 1; wrote " +
			sharded.resolve("scores.csv") + " and " + sharded.resolve("skipped.csv"),
			TailedCoreMacro.mergeShards("output_dir=[" + sharded + "]"));
		for (final String csv : List.of("scores.csv", "skipped.csv"))
			assertEquals(Files.readString(one.resolve(csv)), Files.readString(sharded
				.resolve(csv)), csv);
		assertTrue(Files.exists(sharded.resolve("hole/000.png_map.tif")));

		m = Fixtures.run(ScoreFolderCommand.class, inputs(in, sharded, true));
		assertTrue(m.getCancelReason().contains("holds the shards of a sharded " +
			"run"), m.getCancelReason());
	}

	@Test
	void canceledBeforeTheImagesWritesNothing() throws Exception {
		final Path out = dir.resolve("out");
		final Map<String, Object> in = new HashMap<>();
		final Object[] a = inputs(Fixtures.GRID.resolve("test/good"), out, false);
		for (int i = 0; i < a.length; i += 2)
			in.put((String) a[i], a[i + 1]);
		final CommandModule m = Fixtures.runCanceledAt("Scoring",
			ScoreFolderCommand.class, in);
		assertTrue(m.isCanceled());
		assertFalse(Files.exists(out.resolve(FolderScoring.SCORES_CSV)));
	}

	@Test
	void emptyFolderSaysSo() throws Exception {
		Files.createDirectories(dir.resolve("empty"));
		final CommandModule m = Fixtures.run(ScoreFolderCommand.class, inputs(dir
			.resolve("empty"), dir.resolve("out"), false));
		assertTrue(m.getCancelReason().startsWith("No readable images matching"),
			m.getCancelReason());
	}

	private static Object[] inputs(final Path in, final Path out,
		final boolean overwrite) throws Exception
	{
		return new Object[] { "input_dir", in.toFile(), "file_pattern", "*.png",
			"recursive", true, "model_file", Fixtures.gridModel().toFile(),
			"output_dir", new File(out.toString()), "threshold", 0.0,
			"overlay_opacity", 0.5, "overwrite", overwrite };
	}

	private static Object[] with(final Object[] inputs, final String key,
		final Object value)
	{
		final Object[] all = java.util.Arrays.copyOf(inputs, inputs.length + 2);
		all[inputs.length] = key;
		all[inputs.length + 1] = value;
		return all;
	}

	private static void copyTree(final Path from, final Path to)
		throws Exception
	{
		try (var files = Files.walk(from)) {
			for (final Path p : (Iterable<Path>) files::iterator) {
				final Path target = to.resolve(from.relativize(p).toString());
				if (Files.isDirectory(p)) Files.createDirectories(target);
				else Files.copy(p, target);
			}
		}
	}
}
