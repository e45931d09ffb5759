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
import io.github.tailedcore.image.ImagePreprocessor;
import io.github.tailedcore.scoring.AnomalyResult;
import io.github.tailedcore.scoring.AnomalyScorer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The test images of a data set with their ground truth on the anomaly
 * map's grid, read once per benchmark run, and the per-class evaluation of
 * a fitted model on them (spec §9): image AUROC of the image scores, and,
 * for classes with masks, pixel AUROC and AUPRO of the maps against the
 * masks cropped as the images were ({@link MaskCrop}).
 */
final class TestSet {

	/** Test images scored per nearest-neighbour search. */
	private static final int SCORE_BATCH = 16;

	private final MvtecDataset data;
	private final Map<TestImage, BinaryMask> masks;
	private final boolean pixelLevel;

	private TestSet(final MvtecDataset data,
		final Map<TestImage, BinaryMask> masks, final boolean pixelLevel)
	{
		this.data = data;
		this.masks = masks;
		this.pixelLevel = pixelLevel;
	}

	/**
	 * Reads and crops the masks of the defective test images of every class
	 * that has masks.
	 *
	 * @param pixelLevel whether to measure the maps too (pixel AUROC, AUPRO);
	 *          without, only image AUROC is measured, and no mask is read
	 */
	static TestSet of(final MvtecDataset data,
		final ImagePreprocessor preprocessor, final boolean pixelLevel)
		throws IOException
	{
		final Map<TestImage, BinaryMask> masks = new HashMap<>();
		if (pixelLevel) for (final MvtecClass c : data.classes())
			if (c.hasMasks()) for (final TestImage t : c.anomalies())
				masks.put(t, MaskCrop.of(ImageFiles.readMask(t.mask()),
					preprocessor));
		return new TestSet(data, masks, pixelLevel);
	}

	/**
	 * Scores the test images of a class of a split and measures them.
	 *
	 * @param split the class in the split being evaluated: its test images
	 *          and whether it is tail
	 * @return image AUROC, and pixel AUROC and AUPRO (NaN without masks or
	 *         without any defect pixel inside the crop)
	 */
	ClassScores evaluate(final ClassSplit split, final AnomalyScorer scorer,
		final FeatureCache features)
	{
		final String name = split.name();
		final boolean tail = split.tail();
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
			final List<float[]> patches = new ArrayList<>();
			final List<float[]> embeddings = new ArrayList<>();
			batch.forEach(t -> {
				patches.add(features.patches(data.relative(t.image())));
				embeddings.add(features.embedding(data.relative(t.image())));
			});
			final List<AnomalyResult> results = scorer.scoreAll(patches,
				embeddings);
			for (int i = 0; i < batch.size(); i++) {
				final TestImage t = batch.get(i);
				final AnomalyResult r = results.get(i);
				scores[start + i] = r.imageScore();
				anomalous[start + i] = t.isAnomalous();
				if (pixels == null) continue;
				final BinaryMask truth = t.isAnomalous() ? masks.get(t) : BinaryMask
					.empty(r.mapSize(), r.mapSize());
				defectPixels += truth.count();
				pixels.add(r.map(), truth);
			}
		}
		final boolean pixelLevel = pixels != null && defectPixels > 0;
		return new ClassScores(name, tail, Auroc.of(scores, anomalous), pixelLevel
			? pixels.auroc() : Double.NaN, pixelLevel ? pixels.aupro() : Double.NaN);
	}
}
