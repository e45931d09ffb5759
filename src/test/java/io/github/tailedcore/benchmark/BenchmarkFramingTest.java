package io.github.tailedcore.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tailedcore.Method;
import io.github.tailedcore.Progress;
import io.github.tailedcore.SharedData;
import io.github.tailedcore.TailedCore;
import io.github.tailedcore.TailedCoreModel;
import io.github.tailedcore.TailedCoreSettings;
import io.github.tailedcore.benchmark.data.BinaryMask;
import io.github.tailedcore.benchmark.data.ImageFiles;
import io.github.tailedcore.benchmark.data.MaskCrop;
import io.github.tailedcore.benchmark.data.MvtecClass;
import io.github.tailedcore.benchmark.data.MvtecDataset;
import io.github.tailedcore.benchmark.data.TestImage;
import io.github.tailedcore.benchmark.metrics.Auroc;
import io.github.tailedcore.benchmark.metrics.ClassScores;
import io.github.tailedcore.benchmark.metrics.PixelEvaluation;
import io.github.tailedcore.benchmark.split.ClassSplit;
import io.github.tailedcore.benchmark.split.NoiseProtocol;
import io.github.tailedcore.benchmark.split.Split;
import io.github.tailedcore.benchmark.split.SplitGenerator;
import io.github.tailedcore.benchmark.split.TailShape;
import io.github.tailedcore.benchmark.split.TrainImage;
import io.github.tailedcore.benchmark.synthetic.ExampleDataset;
import io.github.tailedcore.benchmark.synthetic.Micrographs;
import io.github.tailedcore.feature.FeatureExtractor;
import io.github.tailedcore.feature.ImageSource;
import io.github.tailedcore.feature.PatchFeatures;
import io.github.tailedcore.image.ImageIoReader;
import io.github.tailedcore.preprocess.Framing;
import io.github.tailedcore.preprocess.Intensity;
import io.github.tailedcore.preprocess.Preprocessing;
import io.github.tailedcore.scoring.AnomalyResult;
import io.github.tailedcore.scoring.AnomalyScorer;
import io.github.tailedcore.scoring.Scoring;
import io.github.tailedcore.tail.TailAugmentation;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark under each framing, through the real backbone:
 * <ul>
 * <li>with the paper's preprocessing it measures exactly what it measured
 * before framing was a setting, pinned against that path written out here
 * (features of every image by {@link FeatureExtractor#extractAll}, tail
 * views of the crop, the crop's maps against the cropped masks);</li>
 * <li>with the full frame its maps cover the border: a defect lying wholly
 * in the frame the crop cuts is found on the map, where the crop has no
 * defect pixel to measure.</li>
 * </ul>
 */
class BenchmarkFramingTest {

	@TempDir
	static Path dir;
	private static FeatureExtractor extractor;

	@BeforeAll
	static void open() throws IOException {
		extractor = FeatureExtractor.open(SharedData.require(
			"models/mobilenet_v2_imagenet.json"));
	}

	@AfterAll
	static void close() {
		if (extractor != null) extractor.close();
	}

	private static BenchmarkConfig config(final TailShape shape,
		final Preprocessing preprocessing, final String... methods)
	{
		return new BenchmarkConfig(List.of(shape), 0.1, NoiseProtocol.OVERLAP,
			List.of(101L), List.of(methods).stream().map(BenchmarkMethod::parse)
				.toList(), 0.01, TailAugmentation.ROTFLIP, 0, preprocessing);
	}

	private static BenchmarkResults run(final MvtecDataset data,
		final BenchmarkConfig config) throws IOException
	{
		return new BenchmarkRunner(data, config, extractor, Progress.none(),
			line -> {}, true).run();
	}

	@Test
	void thePapersCropMeasuresAsBefore() throws IOException {
		final Path root = dir.resolve("example");
		ExampleDataset.write(root, 3, 128);
		final MvtecDataset data = MvtecDataset.read(root);
		final TailShape shape = TailShape.step(1);
		final BenchmarkConfig config = config(shape, Preprocessing.paper(),
			"tailedcore", "patchcore");
		final BenchmarkResults results = run(data, config);

		final Split split = SplitGenerator.generate(data, shape, 0.1,
			NoiseProtocol.OVERLAP, 101);
		final OldPath old = new OldPath(data);
		for (final MethodRun run : results.runs()) {
			final List<ClassScores> expected = old.scores(split, config.settings(run
				.method(), shape));
			assertEquals(expected.size(), run.scores().size());
			for (int c = 0; c < expected.size(); c++) {
				final ClassScores e = expected.get(c);
				final ClassScores a = run.scores().get(c);
				final String what = run.method().displayName() + " " + e.className();
				assertEquals(e.className(), a.className(), what);
				assertEquals(e.imageAuroc(), a.imageAuroc(), what);
				assertEquals(e.pixelAuroc(), a.pixelAuroc(), what);
				assertEquals(e.aupro(), a.aupro(), what);
				assertTrue(a.pixelAuroc() > 0.5, what + " pixel AUROC " + a
					.pixelAuroc());
			}
		}
	}

	/** The benchmark as it was before framing was a setting. */
	private static final class OldPath {

		private final MvtecDataset data;
		private final Map<String, Integer> index = new HashMap<>();
		private final PatchFeatures features;

		OldPath(final MvtecDataset data) throws IOException {
			this.data = data;
			final List<Path> images = new ArrayList<>();
			for (final MvtecClass c : data.classes()) {
				images.addAll(c.trainGood());
				c.test().forEach(t -> images.add(t.image()));
			}
			for (int i = 0; i < images.size(); i++)
				index.put(data.relative(images.get(i)), i);
			features = extractor.extractAll(images.stream().map(ImageSource::of)
				.toList(), Progress.none());
		}

		List<ClassScores> scores(final Split split,
			final TailedCoreSettings settings) throws IOException
		{
			final List<TrainImage> train = split.trainingSet();
			final PatchFeatures training = new PatchFeatures(features.grid());
			for (final TrainImage t : train) {
				final int i = index.get(t.source());
				training.add(features.patches(i), features.embedding(i));
			}
			final TailedCoreModel model = new TailedCore(settings.toBuilder()
				.scoring(Scoring.CLASS_AWARE).build(), null).fit(training, extractor
					.backboneId(), (image, augmentation) -> extractor.extractViews(
						ImageIoReader.read(data.resolve(train.get(image).source())),
						augmentation), Progress.none());
			final AnomalyScorer scorer = AnomalyScorer.of(model,
				TailedCoreSettings.DEFAULT_SCORING);
			final List<ClassScores> out = new ArrayList<>();
			for (final ClassSplit c : split.classes()) {
				final List<TestImage> test = data.get(c.name()).test().stream().filter(
					t -> c.test().contains(data.relative(t.image()))).toList();
				final List<float[]> patches = new ArrayList<>();
				final List<float[]> embeddings = new ArrayList<>();
				for (final TestImage t : test) {
					final int i = index.get(data.relative(t.image()));
					patches.add(features.patches(i));
					embeddings.add(features.embedding(i));
				}
				final List<AnomalyResult> results = scorer.scoreAll(patches,
					embeddings);
				final double[] scores = new double[test.size()];
				final boolean[] anomalous = new boolean[test.size()];
				final PixelEvaluation pixels = new PixelEvaluation();
				for (int i = 0; i < test.size(); i++) {
					final AnomalyResult r = results.get(i);
					scores[i] = r.imageScore();
					anomalous[i] = test.get(i).isAnomalous();
					pixels.add(r.map(), anomalous[i] ? MaskCrop.of(ImageFiles.readMask(
						test.get(i).mask()), extractor.preprocessor()) : BinaryMask.empty(r
							.mapSize(), r.mapSize()));
				}
				out.add(new ClassScores(c.name(), c.tail(), Auroc.of(scores,
					anomalous), pixels.auroc(), pixels.aupro()));
			}
			return out;
		}
	}

	@Test
	void fullFrameMapsCoverTheBorder() throws IOException {
		final Path root = dir.resolve("edge");
		final Path c = root.resolve("micrograph");
		Micrographs.write(c, 256, 4, 3, 0, 5);
		edgeDefect(c);
		final MvtecDataset data = MvtecDataset.read(root);
		final Intensity range = Intensity.trainingRange();
		final ClassScores full = run(data, config(TailShape.none(),
			new Preprocessing(Framing.FULL, 1, 32, range), "patchcore")).runs().get(
				0).scores().get(0);
		final ClassScores crop = run(data, config(TailShape.none(),
			new Preprocessing(Framing.CROP, 1, 32, range), "patchcore")).runs().get(
				0).scores().get(0);
		// the defect lies wholly in the frame: an edge defect for both framings
		assertEquals(1, full.edgeDefects());
		assertEquals(1, crop.edgeDefects());
		// the full frame's maps, on the image's pixels, find it
		assertEquals(1, full.imageAuroc());
		assertEquals(1, full.edgeAuroc());
		assertTrue(full.pixelAuroc() > 0.95, "pixel AUROC " + full.pixelAuroc());
		// the crop's maps hold none of its pixels: nothing to measure
		assertTrue(Double.isNaN(crop.pixelAuroc()), "crop pixel AUROC " + crop
			.pixelAuroc());
	}

	/**
	 * Turns the first defect-free test image of a micrograph class into a
	 * defective one: a bright 14 px square 1 px from its left edge, within
	 * the 16 px frame the crop of a 256 px image cuts, with its mask.
	 */
	private static void edgeDefect(final Path c) throws IOException {
		final Path good;
		try (var files = Files.list(c.resolve("test/good"))) {
			good = files.sorted().findFirst().orElseThrow();
		}
		final BufferedImage image = ImageIO.read(good.toFile());
		final BufferedImage mask = new BufferedImage(image.getWidth(), image
			.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
		final WritableRaster pixels = image.getRaster();
		for (int y = 120; y < 134; y++)
			for (int x = 1; x < 15; x++) {
				pixels.setSample(x, y, 0, 3300);
				mask.getRaster().setSample(x, y, 0, 255);
			}
		Files.createDirectories(c.resolve("test/defect"));
		Files.createDirectories(c.resolve("ground_truth/defect"));
		ImageIO.write(image, "png", c.resolve("test/defect/000.png").toFile());
		ImageIO.write(mask, "png", c.resolve("ground_truth/defect/000_mask.png")
			.toFile());
		Files.delete(good);
	}
}
