package io.github.tailedcore.ij;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.TiffEncoder;
import ij.measure.ResultsTable;
import ij.process.FloatProcessor;

import io.github.tailedcore.Progress;
import io.github.tailedcore.Threshold;
import io.github.tailedcore.feature.FeatureExtractor;
import io.github.tailedcore.image.ImageFolder;
import io.github.tailedcore.io.AtomicWrite;
import io.github.tailedcore.scoring.AnomalyScorer;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import javax.imageio.ImageIO;

/**
 * Scores every image of a folder, as <em>Score Folder...</em> and the macro
 * API do: {@code scores.csv} (a row per image and slice), and per image an
 * anomaly-map TIFF (32-bit, the input's size) and a PNG of the image with the
 * heatmap and anomaly outlines burnt in. Files that cannot be read are
 * logged with the reason and skipped; existing outputs are never replaced
 * unless {@code overwrite} is set, and each is written atomically.
 */
public final class FolderScoring {

	/** The table every run writes. */
	public static final String SCORES_CSV = "scores.csv";

	private final FeatureExtractor extractor;
	private final AnomalyScorer scorer;
	private final Threshold threshold;
	private final HeatmapOverlay overlay;

	/**
	 * @param threshold τ for verdicts and outlines, or {@code null}
	 * @param opacity of the heatmap in the PNGs
	 */
	public FolderScoring(final FeatureExtractor extractor,
		final AnomalyScorer scorer, final Threshold threshold,
		final double opacity)
	{
		this.extractor = extractor;
		this.scorer = scorer;
		this.threshold = threshold;
		final HeatmapOverlay.Builder b = HeatmapOverlay.builder().opacity(opacity)
			.roiManager(false);
		if (threshold != null && threshold.value() > 0) b.threshold(threshold
			.value()).displayRange(0, 2 * threshold.value());
		overlay = b.build();
	}

	/**
	 * Scores the folder's images into {@code outputDir}.
	 *
	 * @param log receives one line per skipped file, with the reason
	 * @return the results table that was written as {@value #SCORES_CSV}
	 * @throws IOException if the folder has no readable image, or an output
	 *           exists and {@code overwrite} is false (checked before any
	 *           work), or an output cannot be written
	 */
	public ResultsTable run(final ImageFolder folder, final String pattern,
		final Path outputDir, final boolean overwrite, final Progress progress,
		final Consumer<String> log) throws IOException
	{
		final List<Path> images = folder.requireImages(pattern);
		for (final ImageFolder.Skipped s : folder.skipped())
			log.accept("Skipped " + s);
		if (!overwrite) refuseEarlierRun(outputDir);
		final ResultsTable table = new ResultsTable();
		progress.stage("Scoring " + images.size() + " images");
		for (int i = 0; i < images.size(); i++) {
			progress.checkCanceled();
			final Path file = images.get(i);
			try {
				final ImagePlus imp = ImageFileReader.open(file);
				final SliceScores scores = SliceScores.of(imp, extractor, scorer);
				for (int s = 0; s < scores.size(); s++)
					ResultsTables.addScore(table, folder.folder().relativize(file)
						.toString(), s + 1, scores.score(s), threshold);
				write(imp, scores, outputDir, stem(folder.folder(), file), overwrite);
			}
			catch (final IOException | IllegalArgumentException e) {
				log.accept("Skipped " + file + ": " + e.getMessage());
			}
			progress.update(i + 1, images.size());
		}
		ResultsTables.writeCsv(table, outputDir.resolve(SCORES_CSV));
		return table;
	}

	private void write(final ImagePlus imp, final SliceScores scores,
		final Path outputDir, final String stem, final boolean overwrite)
		throws IOException
	{
		final ImageStack stack = new ImageStack(imp.getWidth(), imp.getHeight());
		for (final float[] map : scores.maps())
			stack.addSlice(new FloatProcessor(imp.getWidth(), imp.getHeight(), map));
		final ImagePlus mapImage = new ImagePlus(stem + "_map", stack);
		AtomicWrite.write(outputDir.resolve(stem + "_map.tif"), overwrite,
			out -> new TiffEncoder(mapImage.getFileInfo()).write(out));
		imp.setSlice(1);
		overlay.apply(imp, scores.maps());
		final ImagePlus flat = imp.flatten();
		AtomicWrite.write(outputDir.resolve(stem + "_overlay.png"), overwrite,
			out -> ImageIO.write(flat.getBufferedImage(), "png", out));
	}

	/** Output name of an image: its path below the folder, separators as "_", no extension. */
	static String stem(final Path folder, final Path file) {
		final String relative = folder.relativize(file).toString().replace('/',
			'_').replace('\\', '_');
		final int dot = relative.lastIndexOf('.');
		return dot > 0 ? relative.substring(0, dot) : relative;
	}

	private static void refuseEarlierRun(final Path outputDir)
		throws IOException
	{
		if (Files.exists(outputDir.resolve(SCORES_CSV)))
			throw new FileAlreadyExistsException(outputDir.resolve(SCORES_CSV)
				.toString(), null,
				"outputs of an earlier run are there; choose another output folder " +
					"or allow overwriting");
	}
}
