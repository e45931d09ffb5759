package io.github.tailedcore.benchmark;

import io.github.tailedcore.Progress;
import io.github.tailedcore.TailViewSource;
import io.github.tailedcore.benchmark.data.MvtecClass;
import io.github.tailedcore.benchmark.data.MvtecDataset;
import io.github.tailedcore.benchmark.split.TrainImage;
import io.github.tailedcore.feature.FeatureExtractor;
import io.github.tailedcore.feature.ImageSource;
import io.github.tailedcore.feature.PatchFeatures;
import io.github.tailedcore.image.ImageIoReader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The patch features and embeddings of every image of a data set, extracted
 * once per benchmark run. Features depend only on the image, and a split
 * only chooses which images train (noise images are test images), so every
 * split, method and seed reuses them. Images are keyed by their path
 * relative to the data set folder, as splits name them.
 * <p>
 * The rotated and flipped views of tail images are not cached: each tail
 * image has up to 47 of them (150 MB at 784 × 1024 floats), and only
 * TailedCore asks for them, so they are recomputed per fit.
 * </p>
 */
public final class FeatureCache {

	/** Share of the maximum heap the cached features may take. */
	public static final double MAX_HEAP_SHARE = 0.6;

	private final MvtecDataset data;
	private final FeatureExtractor extractor;
	private final PatchFeatures features;
	private final Map<String, Integer> index = new HashMap<>();

	private FeatureCache(final MvtecDataset data,
		final FeatureExtractor extractor, final PatchFeatures features,
		final List<Path> images)
	{
		this.data = data;
		this.extractor = extractor;
		this.features = features;
		for (int i = 0; i < images.size(); i++)
			index.put(data.relative(images.get(i)), i);
	}

	/**
	 * Extracts the features of every training and test image of
	 * {@code data}.
	 *
	 * @throws IllegalStateException before any work if the features would
	 *           take more than {@value #MAX_HEAP_SHARE} of the maximum heap
	 * @throws IOException naming the first image that cannot be read
	 */
	public static FeatureCache extract(final MvtecDataset data,
		final FeatureExtractor extractor, final Progress progress)
		throws IOException
	{
		final List<Path> images = new ArrayList<>();
		for (final MvtecClass c : data.classes()) {
			images.addAll(c.trainGood());
			c.test().forEach(t -> images.add(t.image()));
		}
		final long bytes = bytesPerImage(extractor) * images.size();
		final long heap = Runtime.getRuntime().maxMemory();
		if (bytes > MAX_HEAP_SHARE * heap) throw new IllegalStateException(
			String.format("The features of %d images need %.1f GB, more than %.0f %% " +
				"of the %.1f GB heap; limit the images per class or raise -Xmx.",
				images.size(), bytes / 1e9, 100 * MAX_HEAP_SHARE, heap / 1e9));
		final List<ImageSource> sources = new ArrayList<>();
		images.forEach(p -> sources.add(ImageSource.of(p)));
		return new FeatureCache(data, extractor, extractor.extractAll(sources,
			progress), images);
	}

	/** Bytes of patch features one image takes (L × D floats). */
	public static long bytesPerImage(final FeatureExtractor extractor) {
		return 4L * extractor.grid().locations() * extractor.grid().dims();
	}

	/** Number of images cached. */
	public int size() {
		return features.imageCount();
	}

	/** Bytes of the cached patch features. */
	public long bytes() {
		return bytesPerImage(extractor) * size();
	}

	/**
	 * The L × D patch features of an image (shared, not copied).
	 *
	 * @param relative the image's path relative to the data set folder
	 */
	public float[] patches(final String relative) {
		return features.patches(position(relative));
	}

	/**
	 * The global embedding e of an image (shared, not copied).
	 *
	 * @param relative the image's path relative to the data set folder
	 */
	public float[] embedding(final String relative) {
		return features.embedding(position(relative));
	}

	/**
	 * The features of a split's training set in its order, patches and
	 * embeddings shared with this cache.
	 */
	public PatchFeatures training(final List<TrainImage> images) {
		final PatchFeatures out = new PatchFeatures(features.grid());
		for (final TrainImage t : images) {
			final int i = position(t.source());
			out.add(features.patches(i), features.embedding(i));
		}
		return out;
	}

	/**
	 * The views of a training set's tail images, made by re-reading the
	 * image file and running the extractor on its rotated and flipped views.
	 */
	public TailViewSource views(final List<TrainImage> images) {
		return (image, augmentation) -> extractor.extractViews(ImageIoReader.read(
			data.resolve(images.get(image).source())), augmentation);
	}

	private int position(final String relative) {
		final Integer i = index.get(relative);
		if (i == null) throw new IllegalArgumentException("The image " + relative +
			" is not part of the data set whose features were extracted.");
		return i;
	}
}
