package io.github.tailedcore.memory;

import io.github.tailedcore.linalg.FeatureMatrix;
import io.github.tailedcore.sampling.RandomProjection;

import java.util.Arrays;

/**
 * The patches of a sequence of images in one seeded random projection D → d,
 * filled image by image as the images stream past: the form in which the
 * selection stages (LOF, greedy coreset) see a pool of patches, d/D of the
 * size of the features themselves (1/8 for 1024 → 128).
 * <p>
 * Row g = image · L + location of {@link #matrix()} is the projection of
 * that patch, exactly the row that projecting all patches at once would
 * give ({@link RandomProjection#project}).
 * </p>
 */
public final class ProjectedPatches {

	private final RandomProjection projection;
	private final int locations;
	private final float[] values;
	private int images;

	/**
	 * Room for {@code capacity} images of L patches.
	 *
	 * @throws IllegalArgumentException if capacity · L · d values exceed one
	 *           Java array
	 */
	public ProjectedPatches(final RandomProjection projection,
		final int locations, final int capacity)
	{
		final long size = (long) capacity * locations * projection.outputDims();
		if (size > Integer.MAX_VALUE - 8) throw new IllegalArgumentException(
			"The projections of " + capacity + " images of " + locations +
				" patches need more than one Java array holds (2^31 values); use " +
				"fewer images.");
		this.projection = projection;
		this.locations = locations;
		values = new float[(int) size];
	}

	/** Bytes the projections of {@code images} images take. */
	public static long bytes(final long images, final int locations,
		final int projectionDim)
	{
		return images * locations * projectionDim * Float.BYTES;
	}

	/**
	 * Projects the next image.
	 *
	 * @param imagePatches its L × D values, row-major over locations
	 * @throws IllegalStateException if the capacity is used up
	 */
	public void add(final float[] imagePatches) {
		final int d = projection.outputDims();
		if ((images + 1L) * locations * d > values.length)
			throw new IllegalStateException("Room for " + values.length / (locations *
				d) + " images only.");
		projection.project(imagePatches, locations, values, images * locations * d);
		images++;
	}

	/** Images added. */
	public int imageCount() {
		return images;
	}

	/**
	 * The (images · L) × d matrix of the projected patches (shared while the
	 * capacity is used up, else a copy of the rows filled).
	 */
	public FeatureMatrix matrix() {
		final int rows = images * locations;
		final int d = projection.outputDims();
		return new FeatureMatrix(rows, d, rows * d == values.length ? values
			: Arrays.copyOf(values, rows * d));
	}
}
