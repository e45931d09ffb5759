package io.github.tailedcore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tailedcore.benchmark.synthetic.Micrographs;
import io.github.tailedcore.feature.FeatureExtractor;
import io.github.tailedcore.feature.ImageSource;
import io.github.tailedcore.image.ImageIoReader;
import io.github.tailedcore.image.RasterImage;
import io.github.tailedcore.importance.ImportanceWeighting;
import io.github.tailedcore.io.ModelFile;
import io.github.tailedcore.preprocess.Framing;
import io.github.tailedcore.preprocess.Intensity;
import io.github.tailedcore.preprocess.Preprocessing;
import io.github.tailedcore.scoring.ImageAnomaly;
import io.github.tailedcore.scoring.ImageScorer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bright 14 px square 1 px from the left edge of a 256 px 12-bit
 * micrograph ({@link Micrographs}): the full-frame and tiled models find it
 * (image score above every normal test image's, the map on it 1.5 times
 * higher than on the same pixels of normal images), the
 * paper's crop never sees it (the map is NaN there). PatchCore on MobileNetV2,
 * fitted on 4 images.
 */
class FramingEndToEndTest {

	private static final int SIZE = 256;
	/** The defect: x 1–14, y 120–133, all in the crop's unseen 16 px frame. */
	private static final int X0 = 1;
	private static final int Y0 = 120;
	private static final int EXTENT = 14;

	@TempDir
	static Path dir;
	private static FeatureExtractor extractor;
	private static List<ImageSource> train;
	private static List<RasterImage> normals;
	private static RasterImage defective;

	@BeforeAll
	static void images() throws IOException {
		extractor = FeatureExtractor.open(SharedData.require(
			"models/mobilenet_v2_imagenet.json"));
		Micrographs.write(dir, SIZE, 4, 3, 0, 5);
		train = new ArrayList<>();
		for (final Path p : pngs(dir.resolve("train/good")))
			train.add(ImageSource.of(p));
		normals = new ArrayList<>();
		for (final Path p : pngs(dir.resolve("test/good")))
			normals.add(ImageIoReader.read(p));
		final RasterImage base = normals.remove(0);
		final float[] pixels = base.plane(0).clone();
		for (int y = Y0; y < Y0 + EXTENT; y++)
			for (int x = X0; x < X0 + EXTENT; x++)
				pixels[y * SIZE + x] = 3300 * 255f / 65535;
		defective = new RasterImage(SIZE, SIZE, pixels);
	}

	@AfterAll
	static void close() {
		if (extractor != null) extractor.close();
	}

	private static List<Path> pngs(final Path folder) throws IOException {
		try (Stream<Path> s = Files.list(folder)) {
			return s.sorted().toList();
		}
	}

	/** Fits, saves and reloads (scoring must frame as the file says), scores. */
	private static List<ImageAnomaly> fitAndScore(final Framing framing)
		throws IOException
	{
		return fitAndScore(framing, ImportanceWeighting.NONE);
	}

	private static List<ImageAnomaly> fitAndScore(final Framing framing,
		final ImportanceWeighting weighting) throws IOException
	{
		final TailedCoreModel fitted = new TailedCore(TailedCoreSettings.builder()
			.method(Method.PATCHCORE).importanceWeighting(weighting).build(), null)
				.fit(train, extractor, new Preprocessing(framing, 1, 32, Intensity
					.trainingRange()), Progress.none());
		if (weighting.weighsCoreset()) assertImportancePerTile(fitted);
		final Path file = dir.resolve(framing.label() + ModelFile.EXTENSION);
		ModelFile.save(fitted, file, true);
		final TailedCoreModel model = ModelFile.load(file);
		assertEquals(framing, model.preprocessing().framing());
		assertFalse(model.preprocessing().intensity().needsTraining());
		final List<RasterImage> images = new ArrayList<>(normals);
		images.add(defective);
		return new ImageScorer(model, extractor).scoreImages(images);
	}

	private static void assertFound(final List<ImageAnomaly> results) {
		final ImageAnomaly d = results.get(results.size() - 1);
		for (int i = 0; i < results.size() - 1; i++)
			assertTrue(d.score() > results.get(i).score(), "defect " + d.score() +
				" vs normal " + results.get(i).score());
		// the map is higher on the defect than on the same pixels of every
		// normal image
		for (int i = 0; i < results.size() - 1; i++)
			assertTrue(onDefect(d) > 1.5 * onDefect(results.get(i)), "map on the " +
				"defect " + onDefect(d) + " vs " + onDefect(results.get(i)));
		// no zero or NaN frame: the 16 px border is analysed
		for (int y = 0; y < SIZE; y++)
			for (int x = 0; x < SIZE; x++)
				if (x < 16 || y < 16 || x >= SIZE - 16 || y >= SIZE - 16) {
					final float v = d.map()[y * SIZE + x];
					assertTrue(v > 0 && !Float.isNaN(v), "map at " + x + ", " + y +
						" is " + v);
				}
	}

	/** The mean of the map over the defect's pixels. */
	private static double onDefect(final ImageAnomaly r) {
		double sum = 0;
		for (int y = Y0; y < Y0 + EXTENT; y++)
			for (int x = X0; x < X0 + EXTENT; x++)
				sum += r.map()[y * SIZE + x];
		return sum / (EXTENT * EXTENT);
	}

	@Test
	void fullFrameFindsTheEdgeDefect() throws IOException {
		assertFound(fitAndScore(Framing.FULL));
	}

	@Test
	void tilesFindTheEdgeDefect() throws IOException {
		assertFound(fitAndScore(Framing.TILES));
	}

	/**
	 * Importance weighting of a tiled fit: one score and weight per tile (4
	 * images of 2 × 2 tiles; each scored with its whole image left out, as
	 * {@code ImageImportanceTest} checks against a brute-force reference),
	 * and the weighted model still finds the edge defect.
	 */
	@Test
	void tilesWithImportanceWeightingFindTheEdgeDefect() throws IOException {
		assertFound(fitAndScore(Framing.TILES, ImportanceWeighting.CORESET));
	}

	private static void assertImportancePerTile(final TailedCoreModel fitted) {
		final double[] scores = fitted.summary().importanceScores();
		assertEquals(16, scores.length);
		assertEquals(16, fitted.summary().importanceWeights().length);
		for (final double s : scores)
			assertTrue(s > 0 && Double.isFinite(s), "tile score " + s);
	}

	@Test
	void papersCropDoesNotSeeIt() throws IOException {
		final List<ImageAnomaly> results = fitAndScore(Framing.CROP);
		final ImageAnomaly d = results.get(results.size() - 1);
		for (int y = Y0; y < Y0 + EXTENT; y++)
			for (int x = X0; x < X0 + EXTENT; x++)
				assertTrue(Float.isNaN(d.map()[y * SIZE + x]));
		float normal = 0;
		for (int i = 0; i < results.size() - 1; i++)
			normal = Math.max(normal, results.get(i).score());
		assertTrue(d.score() < 1.25 * normal, "defect " + d.score() +
			" vs normals up to " + normal);
	}
}
