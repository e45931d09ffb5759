package io.github.tailedcore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import ij.CompositeImage;
import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import io.github.tailedcore.TailedCoreModel;
import io.github.tailedcore.io.ModelFile;
import io.github.tailedcore.preprocess.Channels;
import io.github.tailedcore.preprocess.Intensity;

import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fit --channels} on multi-channel TIFFs read from disk, as a user
 * types it: composites made from the example images' colour channels.
 */
class ChannelsCommandTest {

	private static final Path GRID = Paths.get("test-images", "grid");

	@TempDir
	Path dir;

	/**
	 * The RGB file as an ImageJ composite TIFF of its red, green (and blue,
	 * and red again) channels: {@code channels} of 2 to 4.
	 */
	private static Path composite(final Path rgb, final int channels,
		final Path out) throws Exception
	{
		final ColorProcessor cp = (ColorProcessor) IJ.openImage(rgb.toString())
			.getProcessor();
		final ImageStack stack = new ImageStack(cp.getWidth(), cp.getHeight());
		for (int c = 0; c < channels; c++)
			stack.addSlice(cp.getChannel(c % 3 + 1, new ByteProcessor(cp.getWidth(),
				cp.getHeight())));
		final ImagePlus imp = new ImagePlus(rgb.getFileName().toString(), stack);
		imp.setDimensions(channels, 1, 1);
		Files.createDirectories(out.getParent());
		IJ.saveAsTiff(new CompositeImage(imp, IJ.COMPOSITE), out.toString());
		return out;
	}

	/** {@code n} training composites of {@code channels} channels. */
	private Path training(final String name, final int n, final int channels)
		throws Exception
	{
		final Path folder = dir.resolve(name);
		for (int i = 0; i < n; i++)
			composite(GRID.resolve(String.format("train/good/%03d.png", i)),
				channels, folder.resolve(i + ".tif"));
		return folder;
	}

	/**
	 * auto on two-channel composites fits both channels and records 1,2 (a
	 * grey training image among them is skipped); the score run then scores
	 * composites (a defect above a good image) and skips a grey image, naming
	 * what it lacks.
	 */
	@Test
	void autoFitsTwoChannelCompositesAndRecordsBoth() throws Exception {
		final Path train = training("two", 6, 2);
		IJ.saveAsTiff(IJ.createImage("grey", "8-bit random", 64, 64, 1), train
			.resolve("grey.tif").toString());
		final Path model = dir.resolve("two.tailedcore");
		final String[] fit = run("fit", "--train", train.toString(), "--method",
			"patchcore", "--coreset-ratio", "0.05", "--model", model.toString());
		assertEquals("0", fit[0], fit[1]);
		assertTrue(fit[1].contains("6 images"), fit[1]);
		assertTrue(fit[1].contains("grey.tif: it has 1 channel but the model " +
			"uses channel 2 (channels 1,2), which the other training images have"),
			fit[1]);
		final TailedCoreModel loaded = ModelFile.load(model);
		assertEquals(Channels.of(1, 2), loaded.preprocessing().channels());

		final Path test = dir.resolve("test");
		composite(GRID.resolve("test/good/000.png"), 2, test.resolve("good.tif"));
		composite(GRID.resolve("test/hole/000.png"), 2, test.resolve("hole.tif"));
		IJ.saveAsTiff(new ImagePlus("grey", new ByteProcessor(64, 64)), test
			.resolve("grey.tif").toString());
		final Path out = dir.resolve("scores");
		final String[] score = run("score", "--model", model.toString(),
			"--input", test.toString(), "--output", out.toString());
		assertEquals("0", score[0], score[1]);
		final List<String> csv = Files.readAllLines(out.resolve("scores.csv"));
		assertEquals(3, csv.size(), String.join("\n", csv));
		final double good = score(csv, "good.tif");
		final double hole = score(csv, "hole.tif");
		assertTrue(hole > good, "the hole " + hole + " outscores the good " +
			"composite " + good);
		final String skipped = Files.readString(out.resolve("skipped.csv"));
		assertTrue(skipped.contains("grey.tif") && skipped.contains(
			"has 1 channel but the model uses channel 2 (channels 1,2)"), skipped);
		assertTrue(Files.exists(out.resolve("hole.tif_map.tif")));
	}

	/**
	 * Chosen channels the images lack, or more channels than auto takes,
	 * stop the fit before any work with the file and what to do.
	 */
	@Test
	void refusesChannelsTheImagesLackBeforeTheFit() throws Exception {
		final Path two = training("two", 2, 2);
		final String[] missing = run("fit", "--train", two.toString(),
			"--channels", "3", "--model", dir.resolve("m.tailedcore").toString());
		assertEquals("1", missing[0], missing[1]);
		assertTrue(missing[1].contains("0.tif: it has 2 channels but the model " +
			"uses channel 3 (channels 3)"), missing[1]);
		assertTrue(!missing[1].contains("Features of"), missing[1]);

		final Path four = training("four", 2, 4);
		final String[] many = run("fit", "--train", four.toString(), "--model",
			dir.resolve("m.tailedcore").toString());
		assertEquals("1", many[0], many[1]);
		assertTrue(many[1].contains("0.tif: it has 4 channels and the backbone " +
			"takes at most three; choose which with the channels setting"),
			many[1]);

		final String[] typo = run("fit", "--train", two.toString(), "--channels",
			"1,1", "--model", dir.resolve("m.tailedcore").toString());
		assertEquals("2", typo[0], typo[1]);
		assertTrue(typo[1].contains("such as 2 or 1,3"), typo[1]);
	}

	/**
	 * Two chosen channels of four, each scaled by its display range, fit and
	 * are recorded.
	 */
	@Test
	void chosenChannelsOfAFourChannelStack() throws Exception {
		final Path four = training("four", 3, 4);
		final Path model = dir.resolve("four.tailedcore");
		final String[] fit = run("fit", "--train", four.toString(), "--channels",
			"4,2", "--intensity", "display-range", "--method", "patchcore",
			"--coreset-ratio", "0.05", "--model", model.toString());
		assertEquals("0", fit[0], fit[1]);
		assertEquals(Intensity.displayRange(), ModelFile.load(model)
			.preprocessing().intensity());
		assertEquals(Channels.of(4, 2), ModelFile.load(model).preprocessing()
			.channels());
		// a model file from before channels were recorded reads as auto
		try (FileSystem zip = FileSystems.newFileSystem(model)) {
			final Path manifest = zip.getPath("manifest.json");
			final JsonObject m = JsonParser.parseString(Files.readString(manifest))
				.getAsJsonObject();
			assertEquals("4,2", m.getAsJsonObject("preprocessing").remove("channels")
				.getAsString());
			Files.writeString(manifest, m.toString());
		}
		assertEquals(Channels.auto(), ModelFile.load(model).preprocessing()
			.channels());
	}

	private static double score(final List<String> csv, final String image) {
		return csv.stream().filter(r -> r.startsWith(image + ",")).mapToDouble(
			r -> Double.parseDouble(r.split(",")[2])).findFirst().orElseThrow();
	}

	/** Runs the command line, returning exit code and everything printed. */
	private static String[] run(final String... args) {
		return CapturedRun.of(args).asArray();
	}
}
