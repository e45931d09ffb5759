package io.github.tailedcore.scoring;

import io.github.tailedcore.TailedCoreModel;
import io.github.tailedcore.feature.FeatureExtractor;
import io.github.tailedcore.feature.ImageFeatures;
import io.github.tailedcore.image.RasterImage;
import io.github.tailedcore.io.ModelFile;
import io.github.tailedcore.preprocess.FramedImage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A fitted model with the backbone it was fitted with, ready to score
 * images: what every scoring front end (Fiji commands, macros, the command
 * line) opens once and then uses image after image.
 * <p>
 * Opening checks that the backbone found on this machine is the very file
 * the model was fitted with (name and SHA-256) and gives the same patch
 * grid, so a model is never scored with another network's features.
 * </p>
 *
 * <pre>
 * try (ImageScorer scorer = ImageScorer.open(Path.of("screws.tailedcore"))) {
 * 	ImageAnomaly r = scorer.scoreImages(List.of(image)).get(0);
 * }
 * </pre>
 */
public final class ImageScorer implements AutoCloseable {

	private final TailedCoreModel model;
	private final FeatureExtractor extractor;
	private final AnomalyScorer scorer;

	/**
	 * @param extractor computes the features; closed with this scorer
	 * @throws IllegalArgumentException if the extractor's backbone or patch
	 *           grid is not the model's
	 */
	public ImageScorer(final TailedCoreModel model,
		final FeatureExtractor extractor)
	{
		if (!extractor.backboneId().matches(model.backbone()) || !extractor.grid()
			.equals(model.grid())) throw new IllegalArgumentException(
				"The model was fitted with the backbone " + model.backbone() + " (" +
					model.grid() + "), but the features would come from " + extractor
						.backboneId() + " (" + extractor.grid() + ").");
		this.model = model;
		this.extractor = extractor;
		scorer = AnomalyScorer.of(model);
	}

	/**
	 * Loads a model file and opens its backbone from the standard model
	 * folders.
	 *
	 * @throws IOException if the model file cannot be read, or its backbone
	 *           is missing or differs from the one it was fitted with; the
	 *           message names the files and what to do
	 */
	public static ImageScorer open(final Path modelFile) throws IOException {
		return open(modelFile, null);
	}

	/**
	 * As {@link #open(Path)}, with the backbone looked up by another name or
	 * given as a file.
	 *
	 * @param backbone a backbone name or manifest/ONNX file, or {@code null}
	 *          for the model's own backbone name
	 */
	public static ImageScorer open(final Path modelFile, final String backbone)
		throws IOException
	{
		final TailedCoreModel model = ModelFile.load(modelFile);
		final FeatureExtractor extractor;
		try {
			extractor = FeatureExtractor.openMatching(model.backbone(), backbone);
		}
		catch (final IOException e) {
			throw new IOException("Cannot score with " + modelFile + ": " + e
				.getMessage(), e);
		}
		try {
			return new ImageScorer(model, extractor);
		}
		catch (final RuntimeException e) {
			extractor.close();
			throw e;
		}
	}

	public TailedCoreModel model() {
		return model;
	}

	/**
	 * Scores whole images as the model's preprocessing frames them (crop,
	 * full frame or tiles, {@link FramedImage}): the image score is the
	 * largest patch score of all of an image's inputs, the map lies on the
	 * image's own pixels ({@link ImageMapAssembly}). Small images share
	 * network calls; a tiled image is scored a batch of tiles at a time, so
	 * that only its pixels, its map and one batch of features are held.
	 *
	 * @throws IllegalArgumentException if an image cannot be framed (e.g. a
	 *           thin strip for the crop)
	 */
	public List<ImageAnomaly> scoreImages(final List<RasterImage> images) {
		final List<ImageAnomaly> out = new ArrayList<>(images.size());
		int next = 0;
		while (next < images.size()) {
			final List<FramedImage> group = new ArrayList<>();
			int inputs = 0;
			while (next < images.size() && inputs < extractor.batchSize()) {
				final FramedImage f = extractor.frame(images.get(next++), model
					.preprocessing());
				group.add(f);
				inputs += f.count();
			}
			out.addAll(scoreGroup(group));
		}
		return out;
	}

	/** Scores the inputs of a few framed images, one batch at a time. */
	private List<ImageAnomaly> scoreGroup(final List<FramedImage> group) {
		final int resize = extractor.backbone().manifest().resize();
		final double sigma = model.settings().gaussianSigma();
		final List<ImageMapAssembly> maps = new ArrayList<>();
		final List<Integer> owners = new ArrayList<>();
		final List<Integer> indices = new ArrayList<>();
		for (int g = 0; g < group.size(); g++) {
			maps.add(new ImageMapAssembly(group.get(g), resize, sigma));
			for (int k = 0; k < group.get(g).count(); k++) {
				owners.add(g);
				indices.add(k);
			}
		}
		final int batch = extractor.batchSize();
		for (int from = 0; from < owners.size(); from += batch) {
			final int to = Math.min(owners.size(), from + batch);
			final List<RasterImage> inputs = IntStream.range(from,
				to).parallel().mapToObj(i -> group.get(owners.get(i)).input(indices
					.get(i))).toList();
			final List<float[]> patches = new ArrayList<>(inputs.size());
			final List<float[]> embeddings = new ArrayList<>(inputs.size());
			for (final ImageFeatures f : extractor.extractInputs(inputs)) {
				patches.add(f.patches());
				embeddings.add(f.embedding());
			}
			final List<float[]> scores = scorer.patchScores(patches, embeddings);
			for (int i = from; i < to; i++)
				maps.get(owners.get(i)).add(indices.get(i), scores.get(i - from),
					model.grid().height(), model.grid().width());
		}
		return maps.stream().map(ImageMapAssembly::result).toList();
	}

	/** Frees the backbone. */
	@Override
	public void close() {
		extractor.close();
	}
}
