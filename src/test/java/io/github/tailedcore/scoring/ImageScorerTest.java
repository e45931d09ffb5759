package io.github.tailedcore.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tailedcore.FitSummary;
import io.github.tailedcore.SharedData;
import io.github.tailedcore.TailedCoreModel;
import io.github.tailedcore.TailedCoreSettings;
import io.github.tailedcore.feature.BackboneId;
import io.github.tailedcore.feature.FeatureExtractor;
import io.github.tailedcore.feature.FeatureGrid;
import io.github.tailedcore.feature.MeanBackbone;
import io.github.tailedcore.image.RasterImage;
import io.github.tailedcore.io.ModelFile;
import io.github.tailedcore.linalg.FeatureMatrix;
import io.github.tailedcore.memory.MemoryBank;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ImageScorer} with a stand-in backbone: it refuses another backbone
 * or grid, scores images through the extractor and the model's memory, and
 * closes the backbone with itself.
 */
class ImageScorerTest {

	private static final BackboneId FAKE = new BackboneId("fake", "");

	/** A flat grey image of the given level. */
	private static RasterImage flat(final float level) {
		final float[] v = new float[64 * 64];
		Arrays.fill(v, level);
		return new RasterImage(64, 64, v, v.clone(), v.clone());
	}

	/** A model whose memory is the patches of {@code image}. */
	private static TailedCoreModel modelOf(final RasterImage image,
		final BackboneId backbone, final FeatureGrid grid) throws IOException
	{
		try (FeatureExtractor fx = new FeatureExtractor(MeanBackbone
			.withMobileNetManifest(), FAKE, 1))
		{
			return modelOf(fx, image, backbone, grid);
		}
	}

	/**
	 * A model whose memory is the patches {@code fx} computes for
	 * {@code image}, declared as fitted with {@code backbone} on
	 * {@code grid} ({@code null}: the extractor's).
	 */
	private static TailedCoreModel modelOf(final FeatureExtractor fx,
		final RasterImage image, final BackboneId backbone, final FeatureGrid grid)
		throws IOException
	{
		final FeatureGrid real = fx.grid();
		final float[] patches = fx.extract(image).patches();
		return new TailedCoreModel(TailedCoreSettings.builder().build(), backbone,
			grid == null ? real : grid, new MemoryBank(new FeatureMatrix(real
				.locations(), real.dims(), patches), null, 0), new FitSummary(1, real
					.locations(), 0, new int[0], new int[0], -1, -1, -1, new int[0], 0,
					real.locations()), null);
	}

	@Test
	void scoresThroughTheExtractorAndTheModelsMemory() throws IOException {
		final RasterImage trained = flat(100);
		final RasterImage other = flat(180);
		final TailedCoreModel model = modelOf(trained, FAKE, null);
		final MeanBackbone backbone = MeanBackbone.withMobileNetManifest();
		final FeatureExtractor fx = new FeatureExtractor(backbone, FAKE, 2);
		try (ImageScorer scorer = new ImageScorer(model, fx)) {
			assertSame(model, scorer.model());
			final List<ImageAnomaly> both = scorer.scoreImages(List.of(other,
				trained));
			assertEquals(2, both.size());
			assertEquals(0, both.get(1).score(), "every patch is in the memory");
			final AnomalyResult expected = AnomalyScorer.of(model).score(fx.extract(
				other).patches());
			assertTrue(expected.imageScore() > 0, "score " + expected.imageScore());
			assertEquals(expected.imageScore(), both.get(0).score(), 1e-6 * expected
				.imageScore());
			assertEquals(other.width() * other.height(), both.get(0).map().length,
				"the map lies on the image's own pixels");
			assertFalse(backbone.closed());
		}
		assertTrue(backbone.closed(), "closing the scorer frees the backbone");
	}

	@Test
	void refusesAnotherBackboneOrGrid() throws IOException {
		final FeatureExtractor fx = new FeatureExtractor(MeanBackbone
			.withMobileNetManifest(), FAKE, 1);
		final IllegalArgumentException e = assertThrows(
			IllegalArgumentException.class, () -> new ImageScorer(modelOf(flat(1),
				new BackboneId("other", "ab"), null), fx));
		assertTrue(e.getMessage().contains("other") && e.getMessage().contains(
			"fake"), e.getMessage());
		final FeatureGrid grid = fx.grid();
		final FeatureGrid wrong = new FeatureGrid(grid.height() + 1, grid.width(),
			grid.dims(), grid.cropSize());
		assertThrows(IllegalArgumentException.class, () -> new ImageScorer(modelOf(
			flat(1), FAKE, wrong), fx));
	}

	/**
	 * Opening finds the model's own backbone (a real ONNX network) in the
	 * standard model folders, or by the manifest file given, and scores
	 * with it: the training image scores (close to) 0, another image more.
	 * A backbone whose grid is not the model's is refused.
	 */
	@Test
	void opensTheModelsOwnBackboneAndScoresWithIt(@TempDir final Path dir)
		throws IOException
	{
		final Path manifest = SharedData.require(
			"models/squeezenet1_1_imagenet.json");
		final RasterImage trained = ramp(0);
		final RasterImage other = ramp(90);
		final Path file = dir.resolve("squeeze.tailedcore");
		final Path shifted = dir.resolve("shifted.tailedcore");
		final BackboneId id;
		try (FeatureExtractor fx = FeatureExtractor.open(manifest)) {
			id = fx.backboneId();
			assertEquals("squeezenet1_1_imagenet", id.name());
			ModelFile.save(modelOf(fx, trained, id, null), file);
			final FeatureGrid grid = fx.grid();
			ModelFile.save(modelOf(fx, trained, id, new FeatureGrid(grid.height() +
				1, grid.width(), grid.dims(), grid.cropSize())), shifted);
		}
		try (ImageScorer scorer = ImageScorer.open(file)) {
			assertScoresTheTrainingImageLowest(scorer, id, trained, other);
		}
		try (ImageScorer scorer = ImageScorer.open(file, manifest.toString())) {
			assertScoresTheTrainingImageLowest(scorer, id, trained, other);
		}
		assertThrows(IllegalArgumentException.class, () -> ImageScorer.open(
			shifted));
	}

	private static void assertScoresTheTrainingImageLowest(
		final ImageScorer scorer, final BackboneId id, final RasterImage trained,
		final RasterImage other) throws IOException
	{
		assertEquals(id, scorer.model().backbone());
		final List<ImageAnomaly> scores = scorer.scoreImages(List.of(trained,
			other));
		assertTrue(scores.get(1).score() > 0, "score " + scores.get(1).score());
		assertTrue(scores.get(0).score() <= 1e-4 * scores.get(1).score(), scores
			.get(0).score() + " vs " + scores.get(1).score());
	}

	/** A horizontal grey ramp whose phase is {@code shift} pixels. */
	private static RasterImage ramp(final int shift) {
		final float[] v = new float[64 * 64];
		for (int i = 0; i < v.length; i++)
			v[i] = ((i % 64 + shift) % 64) * 4f;
		return new RasterImage(64, 64, v, v.clone(), v.clone());
	}

	@Test
	void openingNamesTheModelFileWhenItsBackboneIsMissing(
		@TempDir final Path dir) throws IOException
	{
		final Path file = dir.resolve("fake-backbone.tailedcore");
		ModelFile.save(modelOf(flat(1), new BackboneId("no-such-backbone-" +
			"anywhere", "00"), null), file);
		final IOException e = assertThrows(IOException.class, () -> ImageScorer
			.open(file));
		assertTrue(e.getMessage().startsWith("Cannot score with " + file), e
			.getMessage());
	}
}
