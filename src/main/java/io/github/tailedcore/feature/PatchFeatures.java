package io.github.tailedcore.feature;

import io.github.tailedcore.linalg.FeatureMatrix;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Patch features of a set of images: for each image {@code i}, the matrix
 * F<sub>i</sub> of L patch vectors of D floats (one primitive array per
 * image, row-major over locations), and optionally its global embedding
 * e<sub>i</sub> (the pooled last-stage features that TailSampler compares).
 * <p>
 * Images keep the order in which they were added; tail indices, LOF masks
 * and coreset picks all refer to that order. The arrays are shared, not
 * copied.
 * </p>
 */
public final class PatchFeatures implements ImagePatches {

	private final FeatureGrid grid;
	private final List<float[]> patches = new ArrayList<>();
	private final List<float[]> embeddings = new ArrayList<>();

	/** An empty set of features on {@code grid}. */
	public PatchFeatures(final FeatureGrid grid) {
		this.grid = grid;
	}

	/**
	 * Adds one image.
	 *
	 * @param imagePatches L × D values, row-major over locations
	 * @param embedding the global embedding e<sub>i</sub>, or {@code null} when
	 *          the caller has none (augmented views need none)
	 */
	public void add(final float[] imagePatches, final float[] embedding) {
		final long expected = (long) grid.locations() * grid.dims();
		if (imagePatches.length != expected) throw new IllegalArgumentException(
			"An image on a " + grid + " grid needs " + expected +
				" patch values, got " + imagePatches.length + ".");
		if (embedding != null && !embeddings.isEmpty() &&
			embeddings.get(0) != null && embedding.length != embeddings.get(0).length)
			throw new IllegalArgumentException("Embedding of " + embedding.length +
				" dims does not match the earlier ones of " + embeddings.get(0).length +
				".");
		patches.add(imagePatches);
		embeddings.add(embedding);
	}

	@Override
	public FeatureGrid grid() {
		return grid;
	}

	@Override
	public int imageCount() {
		return patches.size();
	}

	/** The L × D patch values of image {@code i} (shared, not a copy). */
	@Override
	public float[] patches(final int image) {
		return patches.get(image);
	}

	/** The global embedding of image {@code i}, or {@code null} if none. */
	public float[] embedding(final int image) {
		return embeddings.get(image);
	}

	/** All embeddings as an N × E matrix (copied). */
	public FeatureMatrix embeddingMatrix() {
		if (patches.isEmpty()) return FeatureMatrix.zeros(0, 0);
		final float[] first = embeddings.get(0);
		if (first == null) throw new IllegalStateException(
			"These features carry no image embeddings.");
		final float[] out = new float[imageCount() * first.length];
		for (int i = 0; i < imageCount(); i++) {
			final float[] e = embeddings.get(i);
			if (e == null) throw new IllegalStateException("Image " + i +
				" has no embedding.");
			System.arraycopy(e, 0, out, i * first.length, first.length);
		}
		return new FeatureMatrix(imageCount(), first.length, out);
	}

	/** Unmodifiable view of the per-image patch arrays. */
	public List<float[]> patchArrays() {
		return Collections.unmodifiableList(patches);
	}

	@Override
	public void copyPatch(final long globalIndex, final float[] out,
		final int offset)
	{
		final int dims = grid.dims();
		final int locations = grid.locations();
		System.arraycopy(patches.get((int) (globalIndex / locations)),
			(int) (globalIndex % locations) * dims, out, offset, dims);
	}
}
