package io.github.tailedcore.feature;

import io.github.tailedcore.linalg.FeatureMatrix;

import java.util.stream.IntStream;

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
	 * Image {@code i}'s L × D patches as a matrix over
	 * {@link #patches(int)} (not a copy).
	 *
	 * @throws java.io.UncheckedIOException if they cannot be read back
	 */
	default FeatureMatrix patchMatrix(final int image) {
		return new FeatureMatrix(grid().locations(), grid().dims(), patches(
			image));
	}

	/**
	 * Copies the D values of patch g = image · L + location into
	 * {@code out[offset …]}.
	 *
	 * @throws java.io.UncheckedIOException if it cannot be read back
	 */
	void copyPatch(long globalIndex, float[] out, int offset);

	/**
	 * Copies patches by global index, in the order given, into the rows of
	 * {@code out} from row {@code firstRow} on (D values per row), in
	 * parallel: how a fit fills its memory bank without an intermediate copy.
	 *
	 * @throws java.io.UncheckedIOException if they cannot be read back
	 */
	default void gather(final long[] globalIndices, final float[] out,
		final int firstRow)
	{
		final int dims = grid().dims();
		IntStream.range(0, globalIndices.length).parallel().forEach(
			i -> copyPatch(globalIndices[i], out, (firstRow + i) * dims));
	}

	/**
	 * Gathers patches by global index into one full-dimensional matrix, in
	 * the order given.
	 *
	 * @throws java.io.UncheckedIOException if they cannot be read back
	 */
	default FeatureMatrix gather(final long[] globalIndices) {
		final int dims = grid().dims();
		final float[] out = new float[Math.multiplyExact(globalIndices.length,
			dims)];
		gather(globalIndices, out, 0);
		return new FeatureMatrix(globalIndices.length, dims, out);
	}
}
