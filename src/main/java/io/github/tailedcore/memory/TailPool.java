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

/**
 * Q, the pool of the tail branch (spec §6): all patches of the tail images
 * T, followed by all patches of their augmented views, image by image in
 * view order, streamed rather than held.
 * <p>
 * As the views are made, each is projected for the tail coreset
 * ({@link ProjectedPatches}) and written to a temporary {@link PatchSpill};
 * the tail images themselves are read from the training patches. Only the
 * picked rows are read back in full dimension ({@link #gather}). Pool image
 * p (the tail images in order, then their views) shows training image
 * {@code origins()[p]}.
 * </p>
 */
public final class TailPool implements ImagePatches, AutoCloseable {

	private final ImagePatches training;
	private final int[] tailImages;
	private ProjectedPatches projected;
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

	@Override
	public FeatureGrid grid() {
		return training.grid();
	}

	/** |Q| / L, the pool's images: tail images and views. */
	@Override
	public int imageCount() {
		return origins.length;
	}

	/**
	 * The pool's patches in the tail coreset's projection, row g of Q, handed
	 * over: the pool lets go of them, so that they can be freed once the
	 * coreset is picked.
	 *
	 * @throws IllegalStateException if they were handed over before
	 */
	public FeatureMatrix takeProjected() {
		if (projected == null) throw new IllegalStateException(
			"The tail pool's projection was handed over before.");
		final FeatureMatrix m = projected.matrix();
		projected = null;
		return m;
	}

	/** For each pool image, the training image it shows. */
	public int[] origins() {
		return origins.clone();
	}

	/** The training image of pool patch g. */
	public int origin(final long globalIndex) {
		return origins[(int) (globalIndex / training.grid().locations())];
	}

	/** A tail image's patches from the training set, a view's from the spill. */
	@Override
	public float[] patches(final int image) {
		return image < tailImages.length ? training.patches(tailImages[image])
			: views.patches(image - tailImages.length);
	}

	@Override
	public void copyPatch(final long globalIndex, final float[] out,
		final int offset)
	{
		final int locations = training.grid().locations();
		final int image = (int) (globalIndex / locations);
		final long location = globalIndex % locations;
		if (image < tailImages.length) training.copyPatch((long) tailImages[image] *
			locations + location, out, offset);
		else views.copyPatch(globalIndex - (long) tailImages.length * locations,
			out, offset);
	}

	/** Deletes the views' spill file. */
	@Override
	public void close() throws IOException {
		if (views != null) views.close();
	}
}
