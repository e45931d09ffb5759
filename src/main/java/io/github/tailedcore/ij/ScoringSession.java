package io.github.tailedcore.ij;

import io.github.tailedcore.TailedCore;
import io.github.tailedcore.TailedCoreModel;
import io.github.tailedcore.Threshold;
import io.github.tailedcore.feature.FeatureExtractor;
import io.github.tailedcore.io.ModelFile;
import io.github.tailedcore.scoring.AnomalyScorer;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A loaded model with the backbone it was fitted with and a scorer, ready
 * to score images; close it to free the backbone.
 */
public final class ScoringSession implements AutoCloseable {

	private final TailedCoreModel model;
	private final FeatureExtractor extractor;
	private final AnomalyScorer scorer;

	private ScoringSession(final TailedCoreModel model,
		final FeatureExtractor extractor)
	{
		this.model = model;
		this.extractor = extractor;
		this.scorer = TailedCore.scorer(model);
	}

	/**
	 * Loads the model file and opens its backbone.
	 *
	 * @throws IOException naming the file if the model cannot be loaded, or
	 *           if its backbone is missing or not the one it was fitted with
	 */
	public static ScoringSession open(final Path modelFile) throws IOException {
		final TailedCoreModel model = ModelFile.load(modelFile);
		return new ScoringSession(model, FeatureExtractor.openMatching(model
			.backbone(), null));
	}

	public TailedCoreModel model() {
		return model;
	}

	public FeatureExtractor extractor() {
		return extractor;
	}

	public AnomalyScorer scorer() {
		return scorer;
	}

	/**
	 * The threshold to use: {@code value} if it is a number (a user's
	 * choice), else the model's default (possibly {@code null}).
	 */
	public Threshold threshold(final double value) {
		return Double.isNaN(value) ? model.threshold() : new Threshold(value,
			"chosen by the user");
	}

	@Override
	public void close() {
		extractor.close();
	}
}
