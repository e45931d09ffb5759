package io.github.tailedcore.scoring;

import io.github.tailedcore.TailedCoreModel;
import io.github.tailedcore.feature.FeatureExtractor;
import io.github.tailedcore.feature.ImageFeatures;
import io.github.tailedcore.image.ImagePreprocessor;
import io.github.tailedcore.image.RasterImage;
import io.github.tailedcore.io.ModelFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
 * 	AnomalyResult r = scorer.score(image);
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

	/** How images are resized and cropped before the network. */
	public ImagePreprocessor preprocessor() {
		return extractor.preprocessor();
	}

	/**
	 * Scores one image.
	 *
	 * @throws IllegalArgumentException if the image cannot be cropped (e.g.
	 *           a thin strip)
	 */
	public AnomalyResult score(final RasterImage image) {
		return score(List.of(image)).get(0);
	}

	/** Scores several images (e.g. a stack's slices) in one batch. */
	public List<AnomalyResult> score(final List<RasterImage> images) {
		final List<float[]> patches = new ArrayList<>();
		final List<float[]> embeddings = new ArrayList<>();
		for (final ImageFeatures f : extractor.extract(images)) {
			patches.add(f.patches());
			embeddings.add(f.embedding());
		}
		return scorer.scoreAll(patches, embeddings);
	}

	/** Frees the backbone. */
	@Override
	public void close() {
		extractor.close();
	}
}
