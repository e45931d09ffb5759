package io.github.tailedcore.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tailedcore.Method;
import io.github.tailedcore.TailedCoreModel;
import io.github.tailedcore.importance.ImportanceWeighting;
import io.github.tailedcore.image.ImageIoReader;
import io.github.tailedcore.image.RasterImage;
import io.github.tailedcore.io.ModelFile;
import io.github.tailedcore.noise.NoiseThreshold;
import io.github.tailedcore.scoring.ImageAnomaly;
import io.github.tailedcore.scoring.ImageScorer;
import io.github.tailedcore.scoring.Scoring;
import io.github.tailedcore.tail.TailEstimation;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.tailedcore.preprocess.Channels;
import io.github.tailedcore.preprocess.Framing;
import io.github.tailedcore.preprocess.Intensity;
import io.github.tailedcore.preprocess.Preprocessing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

/** Fit Model through the command service, headless. */
class FitModelCommandTest {

	@TempDir
	Path dir;

	/**
	 * Setup: 4 grid and 2 dotted training images and one broken file.
	 * Process: TailedCore without extra tail views, 5 % coreset. Test: the
	 * model file and a summary naming the skipped file, the tail estimate
	 * and the memory.
	 */
	@Test
	void fitsAndSummarizes() throws Exception {
		final Path train = trainingFolder(4, 2);
		Fixtures.garbage(train.resolve("broken.png"));
		final Path model = dir.resolve("m.tailedcore");

		final CommandModule m = Fixtures.run(FitModelCommand.class, inputs(train,
			model));

		assertFalse(m.isCanceled(), m.getCancelReason());
		final String summary = (String) m.getOutput("summary");
		assertTrue(summary.startsWith("TailedCore fitted on 6 images; skipped 1:"),
			summary);
		assertTrue(summary.contains("broken.png"), summary);
		assertTrue(summary.contains("K_max = "), summary);
		assertTrue(summary.contains("robust tail estimate: "), summary);
		assertTrue(summary.contains(" of 6 images taken as tail"), summary);
		assertTrue(summary.contains("Memory: "), summary);
		assertTrue(summary.contains("Default threshold: "), summary);
		final TailedCoreModel fitted = ModelFile.load(model);
		assertEquals(Method.TAILEDCORE, fitted.settings().method());
		assertEquals(6, fitted.summary().imageCount());
		assertNotNull(fitted.threshold());
	}

	@Test
	void canceledAtTheCoresetWritesNoModel() throws Exception {
		final Path model = dir.resolve("m.tailedcore");
		final Map<String, Object> in = map(inputs(Fixtures.GRID.resolve(
			"train/good"), model));
		final CommandModule m = Fixtures.runCanceledAt("Coreset",
			FitModelCommand.class, in);
		assertTrue(m.isCanceled());
		assertTrue(m.getCancelReason().startsWith("Canceled by the test at " +
			"'Coreset"), m.getCancelReason());
		assertFalse(Files.exists(model));
	}

	@Test
	void emptyFolderSaysSo() throws Exception {
		Files.createDirectories(dir.resolve("empty"));
		final CommandModule m = Fixtures.run(FitModelCommand.class, inputs(dir
			.resolve("empty"), dir.resolve("m.tailedcore")));
		assertTrue(m.isCanceled());
		assertTrue(m.getCancelReason().startsWith("No readable images matching"),
			m.getCancelReason());
	}

	@Test
	void unknownBackboneAndExistingModelSaySo() throws Exception {
		final Object[] in = inputs(Fixtures.GRID.resolve("train/good"), dir
			.resolve("m.tailedcore"));
		in[in.length - 1] = "no_such_backbone";
		CommandModule m = Fixtures.run(FitModelCommand.class, in);
		assertTrue(m.getCancelReason().contains("no_such_backbone"), m
			.getCancelReason());

		final Path existing = Files.writeString(dir.resolve("old.tailedcore"),
			"x");
		m = Fixtures.run(FitModelCommand.class, inputs(Fixtures.GRID.resolve(
			"train/good"), existing));
		assertTrue(m.getCancelReason().contains("already exists"), m
			.getCancelReason());
		assertEquals("x", Files.readString(existing));
	}

	/**
	 * PatchCore with importance-weighted coreset and scores: the model
	 * records the weighting, one weight per image with mean 1, and the
	 * summary reports them.
	 */
	@Test
	void importanceWeightingIsAnOptionOfTheCommand() throws Exception {
		final Path train = trainingFolder(4, 1);
		final Path model = dir.resolve("iw.tailedcore");
		final Map<String, Object> inputs = map(inputs(train, model));
		inputs.put("method", "PatchCore");
		inputs.put("importance_weighting", "coreset+score");

		final CommandModule m = Fixtures.run(FitModelCommand.class, inputs);

		assertFalse(m.isCanceled(), m.getCancelReason());
		final String summary = (String) m.getOutput("summary");
		assertTrue(summary.contains("Importance weights w = "), summary);
		assertTrue(summary.contains("(coreset+score)"), summary);
		final TailedCoreModel fitted = ModelFile.load(model);
		assertEquals(ImportanceWeighting.CORESET_AND_SCORE, fitted.settings()
			.importanceWeighting());
		final double[] w = fitted.summary().importanceWeights();
		assertEquals(5, w.length);
		assertEquals(1.0, Arrays.stream(w).average().getAsDouble(), 1e-9);
	}

	/**
	 * Two kinds (grid, dotted) fitted with scoring=class-aware: the model
	 * records it with what it needs, its threshold is conditioned, and a
	 * scorer opened on the file scores an image with a map.
	 */
	@Test
	void classAwareScoringIsAnOptionOfTheCommand() throws Exception {
		final Path train = trainingFolder(4, 3);
		final Path model = dir.resolve("kinds.tailedcore");
		final Map<String, Object> inputs = map(inputs(train, model));
		inputs.put("scoring", "class-aware");

		final CommandModule m = Fixtures.run(FitModelCommand.class, inputs);

		assertFalse(m.isCanceled(), m.getCancelReason());
		final TailedCoreModel fitted = ModelFile.load(model);
		assertEquals(Scoring.CLASS_AWARE, fitted.settings().scoring());
		assertEquals(7, fitted.neighbors().imageCount());
		assertEquals(fitted.memory().size(), fitted.memory().origins().length);
		assertTrue(fitted.threshold().method().contains("class-aware"), fitted
			.threshold().method());
		assertScoresWithAMap(model, 0);
	}

	/**
	 * Class-aware scoring of tiles: the units are tiles (2 grid and 2 dotted
	 * 256 px images, 4 tiles each), every memory row knows its tile, the
	 * threshold is the tiled one conditioned on nearest tiles, and a scorer
	 * scores a whole image with a map over its pixels.
	 */
	@Test
	void classAwareScoringOfTiles() throws Exception {
		final Path train = trainingFolder(2, 2);
		final Path model = dir.resolve("tiles-aware.tailedcore");
		final Map<String, Object> inputs = map(inputs(train, model));
		inputs.put("method", "PatchCore");
		inputs.put("scoring", "class-aware");
		inputs.put("framing", "tiles");

		final CommandModule m = Fixtures.run(FitModelCommand.class, inputs);

		assertFalse(m.isCanceled(), m.getCancelReason());
		final TailedCoreModel fitted = ModelFile.load(model);
		assertEquals(Framing.TILES, fitted.preprocessing().framing());
		assertEquals(16, fitted.neighbors().imageCount());
		final int[] origins = fitted.memory().origins();
		assertEquals(fitted.memory().size(), origins.length);
		assertTrue(Arrays.stream(origins).allMatch(o -> o >= 0 && o < 16));
		final String method = fitted.threshold().method();
		assertTrue(method.contains("maximum over each image's tiles") && method
			.contains("class-aware"), method);
		assertScoresWithAMap(model, 2);
	}

	/** A scorer opened on the model file scores dotted image {@code i}. */
	private static void assertScoresWithAMap(final Path model, final int i)
		throws Exception
	{
		try (ImageScorer scorer = ImageScorer.open(model)) {
			final RasterImage image = ImageIoReader.read(Fixtures.trainImages(
				"dotted", i + 1).get(i));
			final ImageAnomaly r = scorer.scoreImages(List.of(image)).get(0);
			assertTrue(r.score() >= 0 && Float.isFinite(r.score()));
			assertEquals(image.width() * image.height(), r.map().length);
		}
	}

	/**
	 * One kind (5 grid images): the paper's tail estimate, chosen in the
	 * dialog, takes every image and the summary warns with the cause; the
	 * robust one and the separation alone take none and say why. The model
	 * records the choice, and the noise threshold chosen with it.
	 */
	@Test
	void tailEstimateIsAnOptionAndItsWarningIsShown() throws Exception {
		final Path train = trainingFolder(5, 0);
		for (final String estimate : new String[] { "paper", "robust",
			"separation" })
		{
			final Path model = dir.resolve(estimate + ".tailedcore");
			final Map<String, Object> inputs = map(inputs(train, model));
			inputs.put("tail_estimate", estimate);
			final String noise = estimate.equals("paper") ? "fixed" : "adaptive";
			inputs.put("noise_threshold", noise);
			final CommandModule m = Fixtures.run(FitModelCommand.class, inputs);
			assertFalse(m.isCanceled(), m.getCancelReason());
			final String summary = (String) m.getOutput("summary");
			assertTrue(summary.contains(estimate + " tail estimate: "), summary);
			assertTrue(summary.contains("Warning: "), summary);
			final TailedCoreModel fitted = ModelFile.load(model);
			assertEquals(TailEstimation.parse(estimate), fitted.settings()
				.tailEstimation());
			assertEquals(NoiseThreshold.parse(noise), fitted.settings()
				.noiseThreshold());
			assertTrue(summary.contains("Noise filter (" + noise + ") dropped " +
				fitted.summary().droppedPatches() + " of "), summary);
			assertTrue(summary.contains(fitted.summary().tailCount()), summary);
			assertEquals(estimate.equals("paper") ? 5 : 0, fitted.summary()
				.tailImages().length, summary);
		}
	}

	/**
	 * framing, tile_scale, tile_overlap, intensity and channels are keys of
	 * the command; the model records them (the training range measured) and
	 * the summary counts the tiles.
	 */
	@Test
	void preprocessingIsAnOptionOfTheCommand() throws Exception {
		final Path train = trainingFolder(2, 0);
		final Path model = dir.resolve("tiles.tailedcore");
		final Map<String, Object> inputs = map(inputs(train, model));
		inputs.put("method", "PatchCore");
		inputs.put("framing", "tiles");
		inputs.put("tile_scale", 1.0);
		inputs.put("tile_overlap", 48);
		inputs.put("intensity", "training-range");
		inputs.put("channels", "2");

		final CommandModule m = Fixtures.run(FitModelCommand.class, inputs);

		assertFalse(m.isCanceled(), m.getCancelReason());
		final Preprocessing p = ModelFile.load(model).preprocessing();
		assertEquals(Framing.TILES, p.framing());
		assertEquals(1.0, p.scale());
		assertEquals(48, p.overlap());
		assertEquals(Intensity.Mode.TRAINING_RANGE, p.intensity().mode());
		assertFalse(p.intensity().needsTraining());
		assertEquals(Channels.of(2), p.channels());
		final String summary = (String) m.getOutput("summary");
		// 256 px images: 2 × 2 tiles of 224 each
		assertTrue(summary.contains("fitted on 2 images (8 tiles)"), summary);
	}

	@Test
	void menuPath() {
		assertEquals("Plugins > TailedCore > Fit Model...", Fixtures.context()
			.service(CommandService.class).getCommand(FitModelCommand.class)
			.getMenuPath().getMenuString());
	}

	/** A folder of grid and dotted example training images. */
	private Path trainingFolder(final int grid, final int dotted)
		throws Exception
	{
		final Path train = dir.resolve("train");
		Files.createDirectories(train);
		for (final Path p : Fixtures.trainImages("grid", grid))
			Files.copy(p, train.resolve("grid-" + p.getFileName()));
		for (final Path p : Fixtures.trainImages("dotted", dotted))
			Files.copy(p, train.resolve("dotted-" + p.getFileName()));
		return train;
	}

	/** All inputs but the services; the backbone comes last. */
	private static Object[] inputs(final Path train, final Path model) {
		return new Object[] { "training_dir", train.toFile(), "file_pattern",
			"*.png", "recursive", false, "method", "TailedCore", "coreset_ratio",
			0.05, "noise_drop_fraction", 0.15, "noise_threshold", "adaptive",
			"tail_estimate", "robust",
			"tail_augmentation", "none", "importance_weighting", "none", "scoring",
			Scoring.GLOBAL.label(), "framing", Preprocessing.DEFAULT_FRAMING.label(),
			"tile_scale",
			Preprocessing.DEFAULT_SCALE, "tile_overlap", Preprocessing.DEFAULT_OVERLAP,
			"intensity", Preprocessing.DEFAULT_INTENSITY.label(), "channels",
			Channels.auto().label(), "seed", 1L,
			"model_file", new File(model.toString()), "overwrite", false,
			"backbone", "mobilenet_v2_imagenet" };
	}

	private static Map<String, Object> map(final Object[] inputs) {
		final Map<String, Object> m = new HashMap<>();
		for (int i = 0; i < inputs.length; i += 2)
			m.put((String) inputs[i], inputs[i + 1]);
		return m;
	}
}
