package io.github.tailedcore.feature;

/**
 * What the backbone yields for one image: its patch features F<sub>i</sub>
 * (L × D values, row-major over locations), its global embedding
 * e<sub>i</sub> and its class logits (for sanity checks such as the top
 * ImageNet class).
 *
 * @param patches L · D values (shared, not copied)
 * @param embedding E values
 * @param logits K class scores
 */
public record ImageFeatures(float[] patches, float[] embedding,
	float[] logits)
{

	/** Index of the largest logit: the predicted class. */
	public int topClass() {
		int best = 0;
		for (int k = 1; k < logits.length; k++)
			if (logits[k] > logits[best]) best = k;
		return best;
	}
}
