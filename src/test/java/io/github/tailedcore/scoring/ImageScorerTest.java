package io.github.tailedcore.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tailedcore.FitSummary;
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
		final FeatureExtractor fx = new FeatureExtractor(MeanBackbone
			.withMobileNetManifest(), FAKE, 1);
		final FeatureGrid real = fx.grid();
		final float[] patches = fx.extract(image).patches();
		fx.close();
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
