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
import io.github.tailedcore.preprocess.IntensityHistogram;
import io.github.tailedcore.preprocess.Preprocessing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
 * Images are prepared as one {@link Preprocessing} says, so an image gives
 * one input (crop, full frame) or several (tiles), each with its own patch
 * features and embedding. A training intensity range is measured once, on
 * the defect-free training images of every class ({@code train/good}), not
 * per split: the few noise images a split moves into training would barely
 * move its 0.1–99.9 % percentiles, and the features stay shared.
 * </p>
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
	private final Preprocessing preprocessing;
	private final PatchFeatures features;
	/** Position of each image, by its relative path. */
	private final Map<String, Integer> index = new HashMap<>();
	/** First input of each image, by position, and the total at the end. */
	private final int[] firstInputs;

	private FeatureCache(final MvtecDataset data,
		final FeatureExtractor extractor, final Preprocessing preprocessing,
		final PatchFeatures features, final List<Path> images,
		final int[] firstInputs)
	{
		this.data = data;
		this.extractor = extractor;
		this.preprocessing = preprocessing;
		this.features = features;
		this.firstInputs = firstInputs;
		for (int i = 0; i < images.size(); i++)
			index.put(data.relative(images.get(i)), i);
	}

	/**
	 * Extracts the features of every training and test image of
	 * {@code data} as the paper prepares them ({@link Preprocessing#paper()}).
	 *
	 * @see #extract(MvtecDataset, FeatureExtractor, Preprocessing, Progress)
	 */
	public static FeatureCache extract(final MvtecDataset data,
		final FeatureExtractor extractor, final Progress progress)
		throws IOException
	{
		return extract(data, extractor, Preprocessing.paper(), progress);
	}

	/**
	 * Extracts the features of every input of every training and test image
	 * of {@code data}, the images prepared as {@code preprocessing} says
	 * (its training range, if any, measured first).
	 *
	 * @throws IllegalStateException before any work if the features would
	 *           take more than {@value #MAX_HEAP_SHARE} of the maximum heap
	 * @throws IOException naming the first image that cannot be read
	 */
	public static FeatureCache extract(final MvtecDataset data,
		final FeatureExtractor extractor, final Preprocessing preprocessing,
		final Progress progress) throws IOException
	{
		final List<Path> images = new ArrayList<>();
		final List<Path> training = new ArrayList<>();
		for (final MvtecClass c : data.classes()) {
			images.addAll(c.trainGood());
			training.addAll(c.trainGood());
			c.test().forEach(t -> images.add(t.image()));
		}
		final List<ImageSource> sources = new ArrayList<>();
		images.forEach(p -> sources.add(ImageSource.of(p)));
		final int[] firstInputs = extractor.firstInputs(sources, preprocessing);
		final int inputs = firstInputs[images.size()];
		final long bytes = bytesPerImage(extractor) * inputs;
		final long heap = Runtime.getRuntime().maxMemory();
		if (bytes > MAX_HEAP_SHARE * heap) throw new IllegalStateException(
			String.format("The features of %d images (%d inputs) need %.1f GB, " +
				"more than %.0f %% of the %.1f GB heap; limit the images per class " +
				"or raise -Xmx.", images.size(), inputs, bytes / 1e9, 100 *
					MAX_HEAP_SHARE, heap / 1e9));
		final Preprocessing fitted = trainingRange(training, preprocessing,
			progress);
		final PatchFeatures features = new PatchFeatures(extractor.grid());
		extractor.extractEach(sources, fitted, (i, f) -> features.add(f.patches(),
			f.embedding()), progress);
		return new FeatureCache(data, extractor, fitted, features, images,
			firstInputs);
	}

	/** {@code p} with its training range read from {@code training}, if it has one. */
	private static Preprocessing trainingRange(final List<Path> training,
		final Preprocessing p, final Progress progress) throws IOException
	{
		if (!p.intensity().needsTraining()) return p;
		final IntensityHistogram h = new IntensityHistogram();
		for (int i = 0; i < training.size(); i++) {
			progress.checkCanceled();
			h.add(ImageIoReader.read(training.get(i)));
		}
		return p.fittedTo(h);
	}

	/** Bytes of patch features one input takes (L × D floats). */
	public static long bytesPerImage(final FeatureExtractor extractor) {
		return 4L * extractor.grid().locations() * extractor.grid().dims();
	}

	/**
	 * How the images were prepared, with the training range measured if it
	 * has one: how test images are framed for their maps.
	 */
	public Preprocessing preprocessing() {
		return preprocessing;
	}

	/** Number of inputs cached (images, or tiles). */
	public int size() {
		return features.imageCount();
	}

	/** Bytes of the cached patch features. */
	public long bytes() {
		return bytesPerImage(extractor) * size();
	}

	/**
	 * The first input of an image and the end (exclusive) of its inputs, as
	 * {@link #patches(int)} numbers them.
	 *
	 * @param relative the image's path relative to the data set folder
	 */
	public int[] inputs(final String relative) {
		final int i = position(relative);
		return new int[] { firstInputs[i], firstInputs[i + 1] };
	}

	/** The L × D patch features of input {@code input} (shared, not copied). */
	public float[] patches(final int input) {
		return features.patches(input);
	}

	/** The global embedding e of input {@code input} (shared, not copied). */
	public float[] embedding(final int input) {
		return features.embedding(input);
	}

	/**
	 * The L × D patch features of an image of one input (crop, full frame;
	 * shared, not copied).
	 *
	 * @param relative the image's path relative to the data set folder
	 * @throws IllegalStateException if the image was cut into tiles
	 */
	public float[] patches(final String relative) {
		return patches(onlyInput(relative));
	}

	/**
	 * The global embedding e of an image of one input (shared, not copied).
	 *
	 * @param relative the image's path relative to the data set folder
	 * @throws IllegalStateException if the image was cut into tiles
	 */
	public float[] embedding(final String relative) {
		return embedding(onlyInput(relative));
	}

	/**
	 * The features of every input of a split's training set in its order,
	 * patches and embeddings shared with this cache: each input is one unit
	 * of the fit, as in {@code TailedCore.fit} on tiles.
	 */
	public PatchFeatures training(final List<TrainImage> images) {
		final PatchFeatures out = new PatchFeatures(features.grid());
		for (final TrainImage t : images) {
			final int[] range = inputs(t.source());
			for (int k = range[0]; k < range[1]; k++)
				out.add(features.patches(k), features.embedding(k));
		}
		return out;
	}

	/**
	 * The views of a training set's tail inputs, made by re-reading the image
	 * file and running the extractor on the rotated and flipped views of that
	 * input ({@link FeatureExtractor#extractViews(io.github.tailedcore.image.RasterImage, Preprocessing, int, io.github.tailedcore.tail.TailAugmentation)}).
	 */
	public TailViewSource views(final List<TrainImage> images) {
		final int[] first = new int[images.size() + 1];
		for (int i = 0; i < images.size(); i++) {
			final int[] range = inputs(images.get(i).source());
			first[i + 1] = first[i] + range[1] - range[0];
		}
		return (input, augmentation) -> {
			final int found = Arrays.binarySearch(first, input);
			// strictly increasing: every image gives at least one input
			final int image = found >= 0 ? found : -found - 2;
			return extractor.extractViews(ImageIoReader.read(data.resolve(images.get(
				image).source())), preprocessing, input - first[image], augmentation);
		};
	}

	private int onlyInput(final String relative) {
		final int[] range = inputs(relative);
		if (range[1] - range[0] != 1) throw new IllegalStateException("The image " +
			relative + " gives " + (range[1] - range[0]) + " inputs, not one.");
		return range[0];
	}

	private int position(final String relative) {
		final Integer i = index.get(relative);
		if (i == null) throw new IllegalArgumentException("The image " + relative +
			" is not part of the data set whose features were extracted.");
		return i;
	}
}
