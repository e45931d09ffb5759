package io.github.tailedcore.feature;

import io.github.tailedcore.linalg.FeatureMatrix;

/**
 * The full-dimensional patch features F<sub>i</sub> of a set of images, read
 * back image by image or row by row: what a fit needs after its selection
 * stages have worked in the projection (the memory bank's rows, the images
 * its threshold scores).
 * <p>
 * {@link PatchFeatures} holds them in the heap; a streaming fit writes them
 * to a temporary file ({@link io.github.tailedcore.memory.PatchSpill}) so
 * that the heap never holds all of them. A patch is named by its global
 * index g = image · L + location.
 * </p>
 */
public interface ImagePatches {

	/** The patch grid every image shares. */
	FeatureGrid grid();

	/** Number of images N. */
	int imageCount();

	/** Total number of patches N × L. */
	default long patchCount() {
		return (long) imageCount() * grid().locations();
	}

	/**
	 * The L × D patch values of image {@code i}, row-major over locations (the
	 * caller must not change them).
	 *
	 * @throws java.io.UncheckedIOException if they cannot be read back
	 */
	float[] patches(int image);

	/**
	 * Gathers patches by global index into one full-dimensional matrix, in
	 * the order given.
	 *
	 * @throws java.io.UncheckedIOException if they cannot be read back
	 */
	FeatureMatrix gather(long[] globalIndices);
}
