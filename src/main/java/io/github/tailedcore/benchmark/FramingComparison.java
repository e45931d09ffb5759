package io.github.tailedcore.benchmark;

import io.github.tailedcore.Progress;
import io.github.tailedcore.TailedCore;
import io.github.tailedcore.TailedCoreModel;
import io.github.tailedcore.TailedCoreSettings;
import io.github.tailedcore.benchmark.metrics.Auroc;
import io.github.tailedcore.benchmark.synthetic.Micrographs;
import io.github.tailedcore.feature.FeatureExtractor;
import io.github.tailedcore.feature.ImageSource;
import io.github.tailedcore.image.ImageIoReader;
import io.github.tailedcore.image.RasterImage;
import io.github.tailedcore.io.ModelFile;
import io.github.tailedcore.preprocess.Preprocessing;
import io.github.tailedcore.scoring.ImageAnomaly;
import io.github.tailedcore.scoring.ImageScorer;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

/**
 * Fits and scores one MVTec-layout class (e.g. {@link Micrographs}) with
 * one {@link Preprocessing}, and measures what the framing changes: image
 * AUROC, pixel AUROC on the images' own pixels, the pixel AUROC of the
 * {@value Micrographs#EDGE} px band along the edges, and the pixels the map
 * leaves unseen (NaN). Unseen pixels score lowest, as a detector that never
 * looked there would. The pixel AUROC reads a grid of every
 * {@code step}-th pixel in x and y (a 2048² image gives 262k values at step
 * 4); the edge band's reads every pixel of the band.
 */
public final class FramingComparison {

	/** One framing's results. */
	public record Row(Preprocessing preprocessing, int trainImages,
		int testImages, double imageAuroc, double pixelAuroc, double edgeAuroc,
		long unseenPixels, double fitSeconds, double fitCpuSeconds,
		double scoreSeconds, double scoreCpuSeconds)
	{}

	private final TailedCoreSettings settings;
	private final int step;

	/** @param step evaluate every step-th pixel in x and y */
	public FramingComparison(final TailedCoreSettings settings, final int step) {
		this.settings = settings;
		this.step = step;
	}

	/** Receives each scored test image with its result and truth. */
	@FunctionalInterface
	public interface ResultSink {

		/**
		 * @param truth the defect mask, all false for a normal image
		 * @throws IOException to stop the run
		 */
		void accept(Path file, RasterImage image, ImageAnomaly result,
			boolean[] truth) throws IOException;
	}

	/**
	 * Fits on {@code classDir/train/good} and scores {@code classDir/test/*}
	 * (defective images in {@code test/defect}, masks in
	 * {@code ground_truth/defect/NNN_mask.png}).
	 *
	 * @param sink receives every scored image, e.g. for a picture
	 * @param modelFile where to save the fitted model, or {@code null}
	 */
	public Row run(final Path classDir, final Preprocessing preprocessing,
		final FeatureExtractor extractor, final Progress progress,
		final ResultSink sink, final Path modelFile) throws IOException
	{
		final List<ImageSource> train = new ArrayList<>();
		for (final Path p : pngs(classDir.resolve("train/good")))
			train.add(ImageSource.of(p));
		final long fitWall = System.nanoTime();
		final long fitCpu = cpu();
		final TailedCoreModel model = new TailedCore(settings, null).fit(train,
			extractor, preprocessing, progress);
		final double fitSeconds = (System.nanoTime() - fitWall) / 1e9;
		final double fitCpuSeconds = (cpu() - fitCpu) / 1e9;
		if (modelFile != null) ModelFile.save(model, modelFile, true);
		final ImageScorer scorer = new ImageScorer(model, extractor);
		final List<Path> tests = new ArrayList<>(pngs(classDir.resolve(
			"test/good")));
		tests.addAll(pngs(classDir.resolve("test/defect")));
		final double[] imageScores = new double[tests.size()];
		final boolean[] imageLabels = new boolean[tests.size()];
		final PixelScores all = new PixelScores();
		final PixelScores edge = new PixelScores();
		long unseen = 0;
		long scoreWall = 0;
		long scoreCpu = 0;
		progress.stage("Scoring " + tests.size() + " test images");
		for (int t = 0; t < tests.size(); t++) {
			progress.checkCanceled();
			final Path file = tests.get(t);
			imageLabels[t] = file.getParent().getFileName().toString().equals(
				"defect");
			final RasterImage image = ImageIoReader.read(file);
			final long wall = System.nanoTime();
			final long cpu = cpu();
			final ImageAnomaly r = scorer.scoreImages(List.of(image)).get(0);
			scoreWall += System.nanoTime() - wall;
			scoreCpu += cpu() - cpu;
			imageScores[t] = r.score();
			final int w = r.width();
			final int h = r.height();
			final boolean[] truth = imageLabels[t] ? mask(classDir.resolve(
				"ground_truth/defect/" + file.getFileName().toString().replaceAll(
					"\\.(png|tif)$", "_mask.png")), w * h) : new boolean[w * h];
			final float[] map = r.map();
			for (final float v : map)
				if (Float.isNaN(v)) unseen++;
			for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++) {
					final int i = y * w + x;
					final double v = Float.isNaN(map[i]) ? Double.NEGATIVE_INFINITY
						: map[i];
					if (x % step == 0 && y % step == 0) all.add(v, truth[i]);
					if (Math.min(Math.min(x, y), Math.min(w - 1 - x, h - 1 -
						y)) < Micrographs.EDGE) edge.add(v, truth[i]);
				}
			if (sink != null) sink.accept(file, image, r, truth);
			progress.update(t + 1, tests.size());
		}
		return new Row(model.preprocessing(), train.size(), tests.size(), Auroc.of(
			imageScores, imageLabels), all.auroc(), edge.auroc(), unseen, fitSeconds,
			fitCpuSeconds, scoreWall / 1e9, scoreCpu / 1e9);
	}

	/** The PNG and TIFF files of a folder (TIFF: 32-bit variants), sorted. */
	private static List<Path> pngs(final Path folder) throws IOException {
		if (!Files.isDirectory(folder)) return List.of();
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(p -> p.toString().matches(".*\\.(png|tif)"))
				.sorted().toList();
		}
	}

	/** A mask PNG: non-zero is defect. */
	private static boolean[] mask(final Path file, final int pixels)
		throws IOException
	{
		final BufferedImage m = ImageIO.read(file.toFile());
		if (m == null || m.getWidth() * m.getHeight() != pixels)
			throw new IOException(file + " is not a mask of " + pixels + " pixels.");
		final int[] v = m.getRaster().getSamples(0, 0, m.getWidth(), m
			.getHeight(), 0, (int[]) null);
		final boolean[] out = new boolean[pixels];
		for (int i = 0; i < pixels; i++)
			out[i] = v[i] != 0;
		return out;
	}

	/** CPU time of all threads of this JVM, in nanoseconds. */
	private static long cpu() {
		final java.lang.management.OperatingSystemMXBean os = ManagementFactory
			.getOperatingSystemMXBean();
		return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun
			.getProcessCpuTime() : 0;
	}

	/** Scores and labels of evaluated pixels, grown as needed. */
	private static final class PixelScores {

		private double[] scores = new double[1 << 16];
		private boolean[] labels = new boolean[1 << 16];
		private int size;

		void add(final double score, final boolean label) {
			if (size == scores.length) {
				scores = Arrays.copyOf(scores, 2 * size);
				labels = Arrays.copyOf(labels, 2 * size);
			}
			scores[size] = score;
			labels[size++] = label;
		}

		double auroc() {
			return Auroc.of(Arrays.copyOf(scores, size), java.util.Arrays
				.copyOf(labels, size));
		}
	}
}
