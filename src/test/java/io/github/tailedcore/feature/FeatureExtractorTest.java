package io.github.tailedcore.feature;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tailedcore.Progress;
import io.github.tailedcore.image.RasterImage;
import io.github.tailedcore.linalg.FeatureMatrix;
import io.github.tailedcore.tail.TailAugmentation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Batching, streaming, progress and cancellation with a stand-in backbone
 * whose outputs are simple functions of its input, plus batch consistency
 * of the real SqueezeNet.
 */
class FeatureExtractorTest {

	private static BackboneManifest manifest;
	private static FeatureExtractor squeezenet;

	@BeforeAll
	static void load() throws IOException {
		manifest = BackboneManifest.read(SharedFiles.models().resolve(
			"mobilenet_v2_imagenet.json"));
		squeezenet = FeatureExtractor.open(SharedFiles.models().resolve(
			"squeezenet1_1_imagenet.json"));
	}

	@AfterAll
	static void close() {
		if (squeezenet != null) squeezenet.close();
	}

	@Test
	void batchesGiveTheSameFeaturesAsSingleImages() {
		final MeanBackbone fake = new MeanBackbone(manifest);
		final FeatureExtractor fx = new FeatureExtractor(fake, new BackboneId(
			"fake", ""), 3);
		final List<RasterImage> images = images(7);
		final List<ImageFeatures> batched = fx.extract(images);
		assertEquals(List.of(3, 3, 1), fake.batchSizes);
		for (int i = 0; i < 7; i++) {
			final ImageFeatures single = fx.extract(images.get(i));
			assertArrayEquals(single.patches(), batched.get(i).patches());
			assertArrayEquals(single.embedding(), batched.get(i).embedding());
			// the fake's embedding is the mean of the normalised red channel
			assertEquals(((10 * i) / 255f - 0.485f) / 0.229f, batched.get(i)
				.embedding()[0], 1e-5f);
		}
		assertEquals(new FeatureGrid(4, 4, 1024, 224), fx.grid());
	}

	@Test
	void streamingHoldsOneBatchAndReportsEachImage() throws IOException {
		final MeanBackbone fake = new MeanBackbone(manifest);
		final FeatureExtractor fx = new FeatureExtractor(fake, new BackboneId(
			"fake", ""), 3);
		final AtomicInteger opened = new AtomicInteger();
		final List<ImageSource> sources = new ArrayList<>();
		for (final RasterImage image : images(7))
			sources.add(() -> {
				assertTrue(opened.incrementAndGet() <= 3 * (fake.batchSizes.size() + 1),
					"decoded more than one batch ahead");
				return image;
			});
		final List<Long> updates = new ArrayList<>();
		final PatchFeatures features = fx.extractAll(sources, recording(updates,
			Long.MAX_VALUE));
		assertEquals(7, features.imageCount());
		assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L), updates);
		final List<ImageFeatures> direct = fx.extract(images(7));
		for (int i = 0; i < 7; i++) {
			assertArrayEquals(direct.get(i).patches(), features.patches(i));
			assertArrayEquals(direct.get(i).embedding(), features.embedding(i));
		}
	}

	@Test
	void cancellationStopsBetweenBatches() {
		final MeanBackbone fake = new MeanBackbone(manifest);
		final FeatureExtractor fx = new FeatureExtractor(fake, new BackboneId(
			"fake", ""), 3);
		final List<ImageSource> sources = new ArrayList<>();
		for (final RasterImage image : images(7))
			sources.add(ImageSource.of(image));
		assertThrows(CancellationException.class, () -> fx.extractAll(sources,
			recording(new ArrayList<>(), 4)));
		assertEquals(List.of(3, 3), fake.batchSizes);
	}

	@Test
	void unreadableImagesStopExtraction() {
		final FeatureExtractor fx = new FeatureExtractor(new MeanBackbone(manifest),
			new BackboneId("fake", ""), 3);
		final IOException e = assertThrows(IOException.class, () -> fx.extractAll(
			List.of(ImageSource.of(java.nio.file.Paths.get("no/such.png"))),
			Progress.none()));
		assertTrue(e.getMessage().contains("such.png"), e.getMessage());
	}

	@Test
	void uncroppableImagesAreNamedByPosition() {
		final FeatureExtractor fx = new FeatureExtractor(new MeanBackbone(manifest),
			new BackboneId("fake", ""), 3);
		final List<ImageSource> sources = new ArrayList<>();
		for (final RasterImage image : images(4))
			sources.add(ImageSource.of(image));
		sources.add(ImageSource.of(new RasterImage(400, 10, new float[4000])));
		final IllegalArgumentException e = assertThrows(
			IllegalArgumentException.class, () -> fx.extractAll(sources, Progress
				.none()));
		assertTrue(e.getMessage().startsWith("Image 5 of 5: "), e.getMessage());
	}

	@Test
	void tailViewsGiveOnePatchSetPerView() {
		final MeanBackbone fake = new MeanBackbone(manifest);
		final FeatureExtractor fx = new FeatureExtractor(fake, new BackboneId(
			"fake", ""), 8);
		final List<float[]> views = fx.extractViews(images(1).get(0),
			TailAugmentation.ROT30FLIP);
		assertEquals(23, views.size());
		assertEquals(List.of(8, 8, 7), fake.batchSizes);
		for (final float[] v : views)
			assertEquals(16 * 1024, v.length);
	}

	@Test
	void squeezeNetBatchesMatchSingleImages() {
		final List<RasterImage> images = images(3);
		final List<ImageFeatures> batched = squeezenet.extract(images);
		for (int i = 0; i < images.size(); i++) {
			final ImageFeatures single = squeezenet.extract(images.get(i));
			assertArrayEquals(single.embedding(), batched.get(i).embedding(), 1e-3f);
			assertArrayEquals(single.patches(), batched.get(i).patches(), 1e-3f);
		}
	}

	/** Colour images 300 × 260 with a per-image level 10 i in the red channel. */
	private static List<RasterImage> images(final int n) {
		final List<RasterImage> out = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			final float[] red = new float[300 * 260];
			final float[] green = new float[red.length];
			final float[] blue = new float[red.length];
			for (int p = 0; p < red.length; p++) {
				red[p] = 10 * i;
				green[p] = p % 300 < 150 ? 40 : 200; // left/right halves
				blue[p] = (p / 300) % 256;
			}
			out.add(new RasterImage(300, 260, red, green, blue));
		}
		return out;
	}

	/** Counts updates and cancels once {@code cancelAfter} images are done. */
	private static Progress recording(final List<Long> updates,
		final long cancelAfter)
	{
		return new Progress() {

			@Override
			public void stage(final String name) {}

			@Override
			public void update(final long done, final long total) {
				updates.add(done);
			}

			@Override
			public boolean isCanceled() {
				return !updates.isEmpty() && updates.get(updates.size() -
					1) >= cancelAfter;
			}
		};
	}
}
