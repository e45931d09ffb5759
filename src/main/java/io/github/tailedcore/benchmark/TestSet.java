package io.github.tailedcore.benchmark;

import io.github.tailedcore.benchmark.data.BinaryMask;
import io.github.tailedcore.benchmark.data.ImageFiles;
import io.github.tailedcore.benchmark.data.MaskCrop;
import io.github.tailedcore.benchmark.data.MvtecClass;
import io.github.tailedcore.benchmark.data.MvtecDataset;
import io.github.tailedcore.benchmark.data.TestImage;
import io.github.tailedcore.benchmark.metrics.Auroc;
import io.github.tailedcore.benchmark.metrics.ClassScores;
import io.github.tailedcore.benchmark.metrics.PixelEvaluation;
import io.github.tailedcore.benchmark.split.ClassSplit;
import io.github.tailedcore.feature.BackboneManifest;
import io.github.tailedcore.feature.FeatureExtractor;
import io.github.tailedcore.feature.ImageSource;
import io.github.tailedcore.image.ImageIoReader;
import io.github.tailedcore.preprocess.Framing;
import io.github.tailedcore.preprocess.MapGeometry;
import io.github.tailedcore.preprocess.Preprocessing;
import io.github.tailedcore.scoring.AnomalyResult;
import io.github.tailedcore.scoring.AnomalyScorer;
import io.github.tailedcore.scoring.ImageAnomaly;
import io.github.tailedcore.scoring.ImageMapAssembly;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The test images of a data set with their ground truth, read once per
 * benchmark run, and the per-class evaluation of a fitted model on them
 * (spec §9): image AUROC of the image scores, and, for classes with masks,
 * pixel AUROC and AUPRO of the maps against the masks at the maps'
 * geometry:
 * <ul>
 * <li>the paper's crop: the map of the centre crop (224²) against the mask
 * resized and cropped as the image was ({@link MaskCrop}), exactly the
 * paper's measure; the pixels the crop cuts are not measured;</li>
 * <li>full frame and tiles: the map on the image's own pixels
 * ({@link ImageMapAssembly}, as the plugin shows it) against the mask as
 * it is.</li>
 * </ul>
 * For every framing alike it also measures the <em>edge defects</em>: the
 * AUROC of the image scores of the defect-free test images against those
 * of the defective images whose defect reaches into the frame the paper's
 * crop cuts (the pixels outside the crop's {@link MapGeometry}, 12.5 % of
 * each side of a square image), the defects a detector that never looks at
 * the border can only find by chance.
 */
final class TestSet {

	/** Test images scored per nearest-neighbour search. */
	private static final int SCORE_BATCH = 16;

	private final MvtecDataset data;
	private final FeatureExtractor extractor;
	private final Preprocessing preprocessing;
	/** The ground truth on the maps' grid, by defective test image. */
	private final Map<TestImage, BinaryMask> masks;
	/** The defective test images whose defect reaches the crop's frame. */
	private final Set<TestImage> edgeDefects;
	private final boolean pixelLevel;

	private TestSet(final MvtecDataset data, final FeatureExtractor extractor,
		final Preprocessing preprocessing, final Map<TestImage, BinaryMask> masks,
		final Set<TestImage> edgeDefects, final boolean pixelLevel)
	{
		this.data = data;
		this.extractor = extractor;
		this.preprocessing = preprocessing;
		this.masks = masks;
		this.edgeDefects = edgeDefects;
		this.pixelLevel = pixelLevel;
	}

	/**
	 * Reads the masks of the defective test images of every class that has
	 * masks, finds the edge defects among them, and, for the pixel measures,
	 * brings each mask onto its map's grid.
	 *
	 * @param preprocessing how the images were prepared
	 *          ({@link FeatureCache#preprocessing()})
	 * @param pixelLevel whether to measure the maps too (pixel AUROC, AUPRO);
	 *          without, only the image scores are measured
	 * @throws IOException naming a mask that cannot be read or, for a map on
	 *           the image's pixels, whose size is not its image's
	 */
	static TestSet of(final MvtecDataset data, final FeatureExtractor extractor,
		final Preprocessing preprocessing, final boolean pixelLevel)
		throws IOException
	{
		final BackboneManifest m = extractor.backbone().manifest();
		final boolean crop = preprocessing.framing() == Framing.CROP;
		final Map<TestImage, BinaryMask> masks = new HashMap<>();
		final Set<TestImage> edge = new HashSet<>();
		for (final MvtecClass c : data.classes())
			if (c.hasMasks()) for (final TestImage t : c.anomalies()) {
				final BinaryMask mask = ImageFiles.readMask(t.mask());
				if (reachesCropFrame(mask, m.resize(), m.inputSize())) edge.add(t);
				if (!pixelLevel) continue;
				if (crop) masks.put(t, MaskCrop.of(mask, extractor.preprocessor()));
				else masks.put(t, sameSize(mask, t));
			}
		return new TestSet(data, extractor, preprocessing, masks, edge,
			pixelLevel);
	}

	/**
	 * {@code mask}, checked to have the size of its image.
	 *
	 * @throws IOException naming both files if the sizes differ
	 */
	private static BinaryMask sameSize(final BinaryMask mask, final TestImage t)
		throws IOException
	{
		final ImageSource.Size size = ImageSource.of(t.image()).size();
		if (size.width() != mask.width() || size.height() != mask.height())
			throw new IOException("The mask " + t.mask() + " is " + mask.width() +
				" × " + mask.height() + " pixels but its image " + t.image() + " is " +
				size.width() + " × " + size.height() + "; a mask needs its image's " +
				"size to be compared with a map on the image's pixels.");
		return mask;
	}

	/**
	 * Whether a defect pixel of {@code mask} lies where the paper's crop
	 * (resize to {@code resize}, centre crop {@code cropSize}) does not look.
	 */
	static boolean reachesCropFrame(final BinaryMask mask, final int resize,
		final int cropSize)
	{
		// the crop's map brought back to the image is NaN where it never looked
		final float[] seen = new MapGeometry(mask.width(), mask.height(), resize,
			cropSize).toImage(new float[cropSize * cropSize]);
		final boolean[] defect = mask.pixels();
		for (int i = 0; i < defect.length; i++)
			if (defect[i] && Float.isNaN(seen[i])) return true;
		return false;
	}

	/**
	 * Scores the test images of a class of a split and measures them.
	 *
	 * @param split the class in the split being evaluated: its test images
	 *          and whether it is tail
	 * @param sigma the Gaussian σ of the maps on the images' pixels (the
	 *          scorer's own maps are used for the crop)
	 * @return image AUROC, pixel AUROC and AUPRO (NaN without masks or
	 *         without any defect pixel on the maps), and the AUROC of the edge
	 *         defects (NaN without any)
	 */
	ClassScores evaluate(final ClassSplit split, final AnomalyScorer scorer,
		final FeatureCache features, final double sigma) throws IOException
	{
		final String name = split.name();
		final MvtecClass c = data.get(name);
		final Set<String> tested = new HashSet<>(split.test());
		final List<TestImage> test = c.test().stream().filter(t -> tested.contains(
			data.relative(t.image()))).collect(Collectors.toList());
		final double[] scores = new double[test.size()];
		final boolean[] anomalous = new boolean[test.size()];
		final PixelEvaluation pixels = pixelLevel && c.hasMasks()
			? new PixelEvaluation() : null;
		int defectPixels = 0;
		for (int start = 0; start < test.size(); start += SCORE_BATCH) {
			final List<TestImage> batch = test.subList(start, Math.min(test.size(),
				start + SCORE_BATCH));
			final List<Scored> results = score(batch, scorer, features, sigma);
			for (int i = 0; i < batch.size(); i++) {
				final TestImage t = batch.get(i);
				final Scored r = results.get(i);
				scores[start + i] = r.score();
				anomalous[start + i] = t.isAnomalous();
				if (pixels == null) continue;
				final BinaryMask truth = t.isAnomalous() ? masks.get(t) : BinaryMask
					.empty(r.width(), r.height());
				defectPixels += truth.count();
				pixels.add(r.map(), truth);
			}
		}
		final boolean pixelLevel = pixels != null && defectPixels > 0;
		return new ClassScores(name, split.tail(), Auroc.of(scores, anomalous),
			pixelLevel ? pixels.auroc() : Double.NaN, pixelLevel ? pixels.aupro()
				: Double.NaN, edgeAuroc(test, scores), (int) test.stream().filter(
					edgeDefects::contains).count());
	}

	/** One test image's score and its map on the evaluated grid. */
	private record Scored(double score, int width, int height, float[] map) {}

	/**
	 * Scores a batch of test images from their cached features: the crop by
	 * the scorer's own maps; the full frame and tiles by assembling each
	 * image's map from its inputs' patch scores, as the plugin does.
	 */
	private List<Scored> score(final List<TestImage> batch,
		final AnomalyScorer scorer, final FeatureCache features,
		final double sigma) throws IOException
	{
		final List<float[]> patches = new ArrayList<>();
		final List<float[]> embeddings = new ArrayList<>();
		for (final TestImage t : batch) {
			final int[] inputs = features.inputs(data.relative(t.image()));
			for (int k = inputs[0]; k < inputs[1]; k++) {
				patches.add(features.patches(k));
				embeddings.add(features.embedding(k));
			}
		}
		final List<Scored> out = new ArrayList<>(batch.size());
		if (preprocessing.framing() == Framing.CROP) {
			for (final AnomalyResult r : scorer.scoreAll(patches, embeddings))
				out.add(new Scored(r.imageScore(), r.mapSize(), r.mapSize(), r.map()));
			return out;
		}
		final List<float[]> patchScores = scorer.patchScores(patches, embeddings);
		final int resize = extractor.backbone().manifest().resize();
		final int gridHeight = extractor.grid().height();
		final int gridWidth = extractor.grid().width();
		int next = 0;
		for (final TestImage t : batch) {
			final ImageMapAssembly map = new ImageMapAssembly(extractor.frame(
				ImageIoReader.read(t.image()), preprocessing), resize, sigma);
			final int[] inputs = features.inputs(data.relative(t.image()));
			for (int k = 0; k < inputs[1] - inputs[0]; k++)
				map.add(k, patchScores.get(next++), gridHeight, gridWidth);
			final ImageAnomaly r = map.result();
			out.add(new Scored(r.score(), r.width(), r.height(), r.map()));
		}
		return out;
	}

	/**
	 * AUROC of the defect-free test images against the edge defects among
	 * {@code test}, or NaN without either.
	 */
	private double edgeAuroc(final List<TestImage> test, final double[] scores) {
		final List<Double> good = new ArrayList<>();
		final List<Double> edge = new ArrayList<>();
		for (int i = 0; i < test.size(); i++)
			if (!test.get(i).isAnomalous()) good.add(scores[i]);
			else if (edgeDefects.contains(test.get(i))) edge.add(scores[i]);
		if (good.isEmpty() || edge.isEmpty()) return Double.NaN;
		return Auroc.ofGroups(edge.stream().mapToDouble(Double::doubleValue)
			.toArray(), good.stream().mapToDouble(Double::doubleValue).toArray());
	}
}
