package io.github.tailedcore.memory;

import io.github.tailedcore.Progress;
import io.github.tailedcore.TailViewSource;
import io.github.tailedcore.feature.FeatureGrid;
import io.github.tailedcore.feature.ImagePatches;
import io.github.tailedcore.linalg.FeatureMatrix;
import io.github.tailedcore.sampling.RandomProjection;
import io.github.tailedcore.tail.TailAugmentation;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongPredicate;
import java.util.stream.IntStream;

/**
 * Q, the pool of the tail branch (spec §6): all patches of the tail images
 * T, followed by all patches of their augmented views, image by image in
 * view order, streamed rather than held.
 * <p>
 * As the views are made, each is projected for the tail coreset
 * ({@link ProjectedPatches}) and written to a temporary {@link PatchSpill};
 * the tail images themselves are read from the training patches. Only the
 * picked rows are read back in full dimension ({@link #gather}). Pool image
 * p shows training image {@code origins()[p]}.
 * </p>
 */
public final class TailPool implements AutoCloseable {

	private final ImagePatches training;
	private final int[] tailImages;
	private final ProjectedPatches projected;
	private final PatchSpill views;
	private final int[] origins;

	private TailPool(final ImagePatches training, final int[] tailImages,
		final ProjectedPatches projected, final PatchSpill views,
		final int[] origins)
	{
		this.training = training;
		this.tailImages = tailImages;
		this.projected = projected;
		this.views = views;
		this.origins = origins;
	}

	/**
	 * Builds Q: projects the tail images, then makes, projects and spills
	 * their views (a stage of its own, with progress per tail image).
	 *
	 * @param training the training patches the tail images are read from
	 * @param tailImages T, indices into {@code training}
	 * @param augmentation which views to add ({@link TailAugmentation#NONE}
	 *          for none)
	 * @param source makes the views; it may have none
	 * @param projection the tail coreset's map D → d
	 * @throws IOException if a tail image cannot be re-read, or the spill
	 *           cannot be written
	 * @throws IllegalStateException if the disk cannot hold the views
	 * @throws java.util.concurrent.CancellationException if canceled
	 */
	public static TailPool build(final ImagePatches training,
		final int[] tailImages, final TailAugmentation augmentation,
		final TailViewSource source, final RandomProjection projection,
		final Progress progress) throws IOException
	{
		final FeatureGrid grid = training.grid();
		final int views = tailImages.length * augmentation.viewCount();
		final ProjectedPatches projected = new ProjectedPatches(projection, grid
			.locations(), tailImages.length + views);
		final int[] origins = new int[tailImages.length + views];
		for (int t = 0; t < tailImages.length; t++) {
			origins[t] = tailImages[t];
			projected.add(training.patches(tailImages[t]));
		}
		if (views == 0) return new TailPool(training, tailImages, projected, null,
			origins);
		final PatchSpill spill = PatchSpill.create(grid, views);
		try {
			progress.stage("Tail views (" + augmentation.viewCount() +
				" per tail image)");
			for (int t = 0; t < tailImages.length; t++) {
				progress.checkCanceled();
				final List<float[]> made = source.views(tailImages[t], augmentation);
				for (final float[] view : made) {
					origins[projected.imageCount()] = tailImages[t];
					projected.add(view);
					spill.add(view);
				}
				progress.update(t + 1, tailImages.length);
			}
			return new TailPool(training, tailImages, projected, spill, Arrays
				.copyOf(origins, projected.imageCount()));
		}
		catch (final IOException | RuntimeException e) {
			spill.close();
			throw e;
		}
	}

	/** Bytes of the views' spill file for these sizes. */
	public static long spillBytes(final int tailImages,
		final TailAugmentation augmentation, final FeatureGrid grid)
	{
		return (long) tailImages * augmentation.viewCount() * grid.locations() *
			grid.dims() * Float.BYTES;
	}

	/** |Q| / L, the pool's images: tail images and views. */
	public int imageCount() {
		return origins.length;
	}

	/** The pool's patches in the tail coreset's projection, row g of Q. */
	public FeatureMatrix projected() {
		return projected.matrix();
	}

	/** For each pool image, the training image it shows. */
	public int[] origins() {
		return origins.clone();
	}

	/** The training image of pool patch g. */
	public int origin(final long globalIndex) {
		return origins[(int) (globalIndex / training.grid().locations())];
	}

	/**
	 * The full-dimensional rows of the given pool patches, in the order
	 * given: tail images' rows from the training patches, views' rows from
	 * the spill.
	 */
	public FeatureMatrix gather(final long[] globalIndices) {
		final int locations = training.grid().locations();
		final long firstView = (long) tailImages.length * locations;
		final int[] ofTail = positions(globalIndices, g -> g < firstView);
		final int[] ofViews = positions(globalIndices, g -> g >= firstView);
		final long[] tailRows = new long[ofTail.length];
		for (int i = 0; i < ofTail.length; i++) {
			final long g = globalIndices[ofTail[i]];
			tailRows[i] = (long) tailImages[(int) (g / locations)] * locations + g %
				locations;
		}
		final long[] viewRows = new long[ofViews.length];
		for (int i = 0; i < ofViews.length; i++)
			viewRows[i] = globalIndices[ofViews[i]] - firstView;
		final int dims = training.grid().dims();
		final float[] out = new float[Math.multiplyExact(globalIndices.length,
			dims)];
		scatter(training.gather(tailRows), ofTail, out);
		if (viewRows.length > 0) scatter(views.gather(viewRows), ofViews, out);
		return new FeatureMatrix(globalIndices.length, dims, out);
	}

	private static int[] positions(final long[] indices,
		final LongPredicate test)
	{
		return IntStream.range(0, indices.length).filter(
			i -> test.test(indices[i])).toArray();
	}

	/** Row i of {@code rows} goes to row {@code positions[i]} of {@code out}. */
	private static void scatter(final FeatureMatrix rows, final int[] positions,
		final float[] out)
	{
		final int dims = rows.cols();
		for (int i = 0; i < positions.length; i++)
			System.arraycopy(rows.data(), i * dims, out, positions[i] * dims, dims);
	}

	/** Deletes the views' spill file. */
	@Override
	public void close() throws IOException {
		if (views != null) views.close();
	}
}
