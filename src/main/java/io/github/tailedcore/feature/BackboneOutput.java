package io.github.tailedcore.feature;

import io.github.tailedcore.linalg.FeatureMatrix;

/**
 * What a backbone computes for a batch of N images: the two patch-feature
 * maps ({@code layer2} at stride ≈ 8, {@code layer3} at stride ≈ 16), the
 * global embeddings e<sub>i</sub> (N × E) and the class logits (N × K).
 */
public record BackboneOutput(FeatureMaps layer2, FeatureMaps layer3,
	FeatureMatrix embeddings, FeatureMatrix logits)
{

	/** @throws IllegalArgumentException if the parts disagree on N */
	public BackboneOutput {
		final int n = layer2.count();
		if (layer3.count() != n || embeddings.rows() != n || logits.rows() != n)
			throw new IllegalArgumentException("Backbone outputs disagree on the " +
				"batch size: layer2 " + n + ", layer3 " + layer3.count() +
				", embedding " + embeddings.rows() + ", logits " + logits.rows() + ".");
	}

	/** Number of images N. */
	public int count() {
		return layer2.count();
	}
}
