package io.github.tailedcore.feature;

import io.github.tailedcore.Progress;
import io.github.tailedcore.image.ImagePreprocessor;
import io.github.tailedcore.image.InputNormalization;
import io.github.tailedcore.image.RasterImage;
import io.github.tailedcore.preprocess.FramedImage;
import io.github.tailedcore.preprocess.Framing;
import io.github.tailedcore.preprocess.Preprocessing;
import io.github.tailedcore.tail.TailAugmentation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Patch features F<sub>i</sub> and embeddings e<sub>i</sub> of images (spec
 * §2): the facade of this package. Each image is prepared as a
 * {@link Preprocessing} says ({@link FramedImage}: the paper's resize to 256
 * and centre crop to 224, the full frame, or tiles), each input normalised
 * as the backbone's manifest says, run through the backbone in batches, and
 * its {@code layer2}/{@code layer3} maps aggregated into L × 1024 patch
 * vectors by {@link PatchAggregator}. An image gives one <em>input</em> per
 * tile; the methods without a {@link Preprocessing} use the paper's crop,
 * one input per image.
 *
 * <pre>
 * try (FeatureExtractor fx = FeatureExtractor.open(BackboneLocator.standard()
 * 	.find("mobilenet_v2_imagenet"))) {
 * 	PatchFeatures p = fx.extractAll(sources, progress);
 * }
 * </pre>
 * <p>
 * Thread-safe as far as its backbone is; memory is bounded by one batch of
 * decoded images at a time in {@link #extractAll}.
 * </p>
 */
public final class FeatureExtractor implements AutoCloseable {

	/** Images per network call unless set otherwise. */
	public static final int DEFAULT_BATCH_SIZE = 8;

	private final Backbone backbone;
	private final BackboneId id;
	private final int batchSize;
	private final ImagePreprocessor preprocessor;
	private final InputNormalization normalization;
	private final PatchAggregator aggregator;
	private final FeatureGrid grid;

	/**
	 * @param backbone the network; closed with this extractor
	 * @param id what model files record about it
	 * @param batchSize images per network call, ≥ 1
	 */
	public FeatureExtractor(final Backbone backbone, final BackboneId id,
		final int batchSize)
	{
		if (batchSize < 1) throw new IllegalArgumentException(
			"The batch size must be at least 1, got " + batchSize + ".");
		final BackboneManifest m = backbone.manifest();
		this.backbone = backbone;
		this.id = id;
		this.batchSize = batchSize;
		preprocessor = new ImagePreprocessor(m.resize(), m.inputSize());
		normalization = m.normalization();
		aggregator = new PatchAggregator(backbone.layer2Shape(), backbone
			.layer3Shape());
		grid = aggregator.grid(m.inputSize());
	}

	/**
	 * Loads the ONNX backbone a located manifest names, identified by its name
	 * and the SHA-256 of its file, with the default batch size.
	 */
	public static FeatureExtractor open(final BackboneLocator.Located located)
		throws IOException
	{
		return open(located, DEFAULT_BATCH_SIZE);
	}

	/** As {@link #open(BackboneLocator.Located)}, with a batch size. */
	public static FeatureExtractor open(final BackboneLocator.Located located,
		final int batchSize) throws IOException
	{
		final BackboneId id = new BackboneId(located.manifest().name(), Sha256.of(
			located.onnxFile()));
		final OnnxBackbone backbone = OnnxBackbone.load(located.manifest(),
			located.onnxFile());
		try {
			return new FeatureExtractor(backbone, id, batchSize);
		}
		catch (final RuntimeException e) {
			backbone.close();
			throw e;
		}
	}

	/**
	 * Opens the backbone a model was fitted with: found by name in the
	 * standard model folders (or {@code nameOrFile} when given) and checked
	 * against the recorded SHA-256, so that a model is never scored with
	 * features of another network.
	 *
	 * @param nameOrFile a backbone name or manifest/ONNX file, or
	 *          {@code null} for the model's own backbone name
	 * @throws IOException if it cannot be found, or its file differs from the
	 *           one the model was fitted with (naming both)
	 */
	public static FeatureExtractor openMatching(final BackboneId required,
		final String nameOrFile) throws IOException
	{
		final FeatureExtractor extractor = open(BackboneLocator.standard().resolve(
			nameOrFile == null ? required.name() : nameOrFile));
		if (extractor.backboneId().matches(required)) return extractor;
		extractor.close();
		throw new IOException("The model was fitted with the backbone " +
			required + ", but the backbone found is " + extractor.backboneId() +
			". Put the model's backbone file into a models folder (" +
			BackboneLocator.standard().folders() + "), or fit a new model.");
	}

	/** Opens the backbone described by a manifest file, next to it. */
	public static FeatureExtractor open(final Path manifestFile)
		throws IOException
	{
		final BackboneManifest m = BackboneManifest.read(manifestFile);
		return open(new BackboneLocator.Located(m, m.onnxFile()));
	}

	/** The patch grid: H₂ × W₂ locations of 1024 dims, 224 px crop. */
	public FeatureGrid grid() {
		return grid;
	}

	/** Inputs per network call. */
	public int batchSize() {
		return batchSize;
	}

	/** Name and file checksum of the backbone. */
	public BackboneId backboneId() {
		return id;
	}

	/** The network. */
	public Backbone backbone() {
		return backbone;
	}

	/** Resizing and cropping used before the network. */
	public ImagePreprocessor preprocessor() {
		return preprocessor;
	}

	/** Features of one image. */
	public ImageFeatures extract(final RasterImage image) {
		return extract(List.of(image)).get(0);
	}

	/** Features of several images, run in batches. */
	public List<ImageFeatures> extract(final List<RasterImage> images) {
		final List<ImageFeatures> out = new ArrayList<>(images.size());
		for (int start = 0; start < images.size(); start += batchSize)
			out.addAll(runCrops(cropAll(images.subList(start, Math.min(images
				.size(), start + batchSize)), start, images.size())));
		return out;
	}

	/**
	 * Patch features of the V rotated and flipped views of a tail image
	 * (spec §6), in the augmentation's view order, each L × 1024.
	 */
	public List<float[]> extractViews(final RasterImage image,
		final TailAugmentation augmentation)
	{
		return patchesOf(preprocessor.tailViews(image, augmentation));
	}

	private List<float[]> patchesOf(final List<RasterImage> views) {
		final List<float[]> out = new ArrayList<>(views.size());
		for (int start = 0; start < views.size(); start += batchSize)
			for (final ImageFeatures f : runCrops(views.subList(start, Math.min(views
				.size(), start + batchSize))))
				out.add(f.patches());
		return out;
	}

	/**
	 * Patch features of the V rotated and flipped views of input
	 * {@code input} of a tail image prepared as {@code preprocessing} says
	 * ({@link FramedImage#tailViews}).
	 */
	public List<float[]> extractViews(final RasterImage image,
		final Preprocessing preprocessing, final int input,
		final TailAugmentation augmentation)
	{
		return patchesOf(frame(image, preprocessing).tailViews(input,
			augmentation));
	}

	/** {@code image} prepared for this backbone as {@code preprocessing} says. */
	public FramedImage frame(final RasterImage image,
		final Preprocessing preprocessing)
	{
		final BackboneManifest m = backbone.manifest();
		return FramedImage.of(image, preprocessing, m.resize(), m.inputSize());
	}

	/**
	 * Features of inputs already of the backbone's input size (e.g. the tiles
	 * of a {@link FramedImage}), run in batches.
	 */
	public List<ImageFeatures> extractInputs(final List<RasterImage> inputs) {
		final List<ImageFeatures> out = new ArrayList<>(inputs.size());
		for (int start = 0; start < inputs.size(); start += batchSize)
			out.addAll(runCrops(inputs.subList(start, Math.min(inputs.size(), start +
				batchSize))));
		return out;
	}

	/**
	 * The number of inputs the images give as {@code preprocessing} frames
	 * them, from their sizes ({@link ImageSource#size()}) without decoding
	 * files.
	 *
	 * @return the first input of each image, and the total as the last entry
	 * @throws IOException from the first image whose size cannot be read
	 */
	public int[] firstInputs(final List<? extends ImageSource> images,
		final Preprocessing preprocessing) throws IOException
	{
		final int[] first = new int[images.size() + 1];
		for (int i = 0; i < images.size(); i++) {
			final ImageSource.Size size = images.get(i).size();
			first[i + 1] = Math.addExact(first[i], FramedImage.inputCount(
				preprocessing, size.width(), size.height(), backbone.manifest()
					.inputSize()));
		}
		return first;
	}

	/** Receives the features of each image of {@link #extractEach}, in order. */
	@FunctionalInterface
	public interface FeatureSink {

		/**
		 * @param image the image's position in the list
		 * @param features its patches and embedding (not shared with anyone)
		 * @throws IOException to stop the extraction with that error
		 */
		void accept(int image, ImageFeatures features) throws IOException;
	}

	/**
	 * Features of many images in order, decoding one batch at a time: patches
	 * and embeddings go into a new {@link PatchFeatures}. Reports
	 * {@code update(done, N)} after each image and stops between batches if
	 * canceled.
	 *
	 * @throws IOException from the first image that cannot be read
	 * @throws IllegalArgumentException naming the position of an image that
	 *           cannot be cropped (e.g. a thin strip)
	 * @throws java.util.concurrent.CancellationException if canceled
	 */
	public PatchFeatures extractAll(final List<? extends ImageSource> images,
		final Progress progress) throws IOException
	{
		final PatchFeatures features = new PatchFeatures(grid);
		extractEach(images, (i, f) -> features.add(f.patches(), f.embedding()),
			progress);
		return features;
	}

	/**
	 * Features of many images in order, handed to {@code sink} one image at a
	 * time and decoded one batch at a time, so that only one batch is ever
	 * held: what a fit that streams over its images needs. The batches are
	 * those of {@link #extractAll}, so the features are the same bit for bit.
	 * Reports {@code update(done, N)} after each image and stops between
	 * batches if canceled.
	 *
	 * @throws IOException from the first image that cannot be read, or from
	 *           the sink
	 * @throws IllegalArgumentException naming the position of an image that
	 *           cannot be cropped (e.g. a thin strip)
	 * @throws java.util.concurrent.CancellationException if canceled
	 */
	public void extractEach(final List<? extends ImageSource> images,
		final FeatureSink sink, final Progress progress) throws IOException
	{
		extractEach(images, Preprocessing.paper(), sink, progress);
	}

	/**
	 * As {@link #extractEach(List, FeatureSink, Progress)}, with the images
	 * prepared as {@code preprocessing} says: the sink receives each
	 * <em>input</em> (tile) in order, numbered across all images. Images are
	 * decoded a batch at a time, or one at a time when tiled (a large image
	 * gives many inputs), and their inputs cut a batch at a time.
	 */
	public void extractEach(final List<? extends ImageSource> images,
		final Preprocessing preprocessing, final FeatureSink sink,
		final Progress progress) throws IOException
	{
		final int total = images.size();
		final int imagesPerBatch = preprocessing.framing() == Framing.TILES ? 1 : batchSize;
		int input = 0;
		for (int start = 0; start < total; start += imagesPerBatch) {
			progress.checkCanceled();
			final List<RasterImage> decoded = new ArrayList<>();
			for (final ImageSource source : images.subList(start, Math.min(total,
				start + imagesPerBatch)))
				decoded.add(source.open());
			final List<FramedImage> framed = frameAll(decoded, preprocessing, start,
				total);
			final List<FramedImage> owners = new ArrayList<>();
			final List<Integer> indices = new ArrayList<>();
			for (final FramedImage f : framed)
				for (int k = 0; k < f.count(); k++) {
					owners.add(f);
					indices.add(k);
				}
			int done = start;
			for (int from = 0; from < owners.size(); from += batchSize) {
				progress.checkCanceled();
				final int to = Math.min(owners.size(), from + batchSize);
				final List<RasterImage> inputs = IntStream.range(from, to).parallel()
					.mapToObj(i -> owners.get(i).input(indices.get(i))).toList();
				int i = from;
				for (final ImageFeatures f : runCrops(inputs)) {
					sink.accept(input++, f);
					// an image is done with its last input
					if (indices.get(i) == owners.get(i).count() - 1) progress.update(
						++done, total);
					i++;
				}
			}
		}
	}

	/** Frees the backbone. */
	@Override
	public void close() {
		backbone.close();
	}

	/**
	 * Resizes and crops images in parallel; an error names the image's
	 * position {@code first + i + 1} of {@code total}.
	 */
	private List<RasterImage> cropAll(final List<RasterImage> images,
		final int first, final int total)
	{
		return frameAll(images, Preprocessing.paper(), first, total).stream().map(
			f -> f.input(0)).toList();
	}

	/**
	 * Frames images in parallel; an error names the image's position
	 * {@code first + i + 1} of {@code total}.
	 */
	private List<FramedImage> frameAll(final List<RasterImage> images,
		final Preprocessing preprocessing, final int first, final int total)
	{
		return IntStream.range(0, images.size()).parallel().mapToObj(i -> {
			try {
				return frame(images.get(i), preprocessing);
			}
			catch (final IllegalArgumentException e) {
				throw new IllegalArgumentException("Image " + (first + i + 1) + " of " +
					total + ": " + e.getMessage(), e);
			}
		}).collect(Collectors.toList());
	}

	/**
	 * Normalises crops into one NCHW batch, runs it and aggregates; the Java
	 * work before and after the network runs in parallel over the images.
	 */
	private List<ImageFeatures> runCrops(final List<RasterImage> crops) {
		final int n = crops.size();
		final int s = preprocessor.crop();
		final float[] input = new float[n * 3 * s * s];
		IntStream.range(0, n).parallel().forEach(i -> normalization.write(crops
			.get(i), input, i * 3 * s * s));
		final BackboneOutput out = backbone.run(input, n);
		return IntStream.range(0, n).parallel().mapToObj(i -> new ImageFeatures(
			aggregator.aggregate(out.layer2(), out.layer3(), i), out.embeddings()
				.row(i), out.logits().row(i))).collect(Collectors.toList());
	}
}
