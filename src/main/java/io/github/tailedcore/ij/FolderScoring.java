package io.github.tailedcore.ij;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.measure.ResultsTable;

import io.github.tailedcore.Progress;
import io.github.tailedcore.image.ImageFolder;
import io.github.tailedcore.io.AtomicWrite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

/**
 * Scores every image of a folder, the batch behind the Fiji command, the
 * macro API and the command line, and optionally writes for each image
 * <ul>
 * <li>{@code <name>_map.tif}: the 32-bit anomaly map, image-sized, Fire
 * LUT;</li>
 * <li>{@code <name>_overlay.png}: the image with its heatmap and outlines
 * flattened ({@code <name>_overlay_<slice>.png} for each slice of a
 * stack);</li>
 * </ul>
 * in the same sub-folder of the output folder as the image has in the input
 * folder, and {@value #SCORES_CSV} with one row per image and slice.
 * <p>
 * A file that cannot be read or scored is skipped with its reason (logged
 * at once) and the batch goes on. Existing outputs are never replaced
 * unless asked: without {@code overwrite}, the run stops before any work if
 * one of its outputs exists. Progress is reported per image and the batch
 * stops between images when canceled.
 * </p>
 */
public final class FolderScoring {

	/** The table every run writes into the output folder. */
	public static final String SCORES_CSV = "scores.csv";
	static final String MAP_SUFFIX = "_map.tif";
	static final String OVERLAY_SUFFIX = "_overlay";

	private final ImagePlusScoring scoring;
	private final Progress progress;
	private final Consumer<String> log;

	/**
	 * @param scoring how each image is scored and overlaid
	 * @param progress receives one update per image; canceling stops the batch
	 * @param log receives a line for each skipped file
	 */
	public FolderScoring(final ImagePlusScoring scoring, final Progress progress,
		final Consumer<String> log)
	{
		this.scoring = scoring;
		this.progress = progress;
		this.log = log;
	}

	/**
	 * What a run did.
	 *
	 * @param table one row per scored image and slice
	 * @param scored the images scored
	 * @param skipped files left out, with the reason
	 */
	public record Result(ResultsTable table, List<Path> scored,
		List<ImageFolder.Skipped> skipped)
	{

		/** One line for a log or a macro. */
		public String summary(final Path output) {
			return "Scored " + scored.size() + " images" + (skipped.isEmpty() ? ""
				: ", skipped " + skipped.size()) + (output == null ? "" : "; wrote " +
					output.resolve(SCORES_CSV));
		}
	}

	/**
	 * Scores the images of {@code folder} matching {@code pattern}.
	 *
	 * @param output where to write maps, overlays and {@value #SCORES_CSV}, or
	 *          {@code null} to write nothing
	 * @param overwrite whether existing outputs may be replaced
	 * @throws IOException if the folder has no readable image, an output
	 *           exists and {@code overwrite} is false, or an output cannot be
	 *           written
	 * @throws java.util.concurrent.CancellationException when canceled
	 */
	public Result score(final Path folder, final String pattern,
		final boolean recursive, final Path output, final boolean overwrite)
		throws IOException
	{
		progress.stage("Reading " + folder);
		final ImageFolder images = ImageFolder.scan(folder, pattern, recursive);
		final List<ImageFolder.Skipped> skipped = new ArrayList<>(images
			.skipped());
		skipped.forEach(s -> log.accept("Skipped " + s));
		final List<Path> files = images.requireImages(pattern);
		if (output != null && !overwrite) refuseExisting(folder, files, output);
		progress.stage("Scoring " + files.size() + " images");
		final ResultsTable table = new ResultsTable();
		final List<Path> scored = new ArrayList<>();
		for (int i = 0; i < files.size(); i++) {
			progress.checkCanceled();
			final Path file = files.get(i);
			final String name = name(folder, file);
			try {
				final ImagePlus imp = ImageFileReader.open(file);
				final ImagePlusScoring.Scored s = scoring.score(imp, name, table);
				if (output != null) write(imp, s, output.resolve(name), overwrite);
				scored.add(file);
			}
			catch (final IOException | IllegalArgumentException e) {
				final ImageFolder.Skipped skip = new ImageFolder.Skipped(file, e
					.getMessage());
				skipped.add(skip);
				log.accept("Skipped " + skip);
			}
			progress.update(i + 1, files.size());
		}
		if (output != null) ResultsTables.writeCsv(table, output.resolve(
			SCORES_CSV));
		return new Result(table, scored, skipped);
	}

	/** The image's path relative to the folder, with '/' separators. */
	private static String name(final Path folder, final Path file) {
		return folder.relativize(file).toString().replace('\\', '/');
	}

	/** {@code a/b.png} → {@code a/b}. */
	private static Path stem(final Path relative) {
		final String n = relative.getFileName().toString();
		final int dot = n.lastIndexOf('.');
		return relative.resolveSibling(dot > 0 ? n.substring(0, dot) : n);
	}

	private static Path mapFile(final Path image) {
		return image.resolveSibling(stem(image).getFileName() + MAP_SUFFIX);
	}

	private static Path overlayFile(final Path image, final int slice,
		final int slices)
	{
		return image.resolveSibling(stem(image).getFileName() + OVERLAY_SUFFIX +
			(slices > 1 ? "_" + slice : "") + ".png");
	}

	private static void refuseExisting(final Path folder, final List<Path> files,
		final Path output) throws IOException
	{
		final List<Path> planned = new ArrayList<>();
		planned.add(output.resolve(SCORES_CSV));
		for (final Path f : files) {
			final Path image = output.resolve(name(folder, f));
			planned.add(mapFile(image));
			planned.add(overlayFile(image, 1, 1));
			planned.add(overlayFile(image, 1, 2));
		}
		final List<Path> existing = planned.stream().filter(Files::exists)
			.collect(Collectors.toList());
		if (!existing.isEmpty()) throw new IOException(existing.size() +
			" outputs exist already in " + output + " (e.g. " + existing.get(0) +
			"); choose another output folder, or allow overwriting.");
	}

	private static void write(final ImagePlus imp,
		final ImagePlusScoring.Scored scored, final Path image,
		final boolean overwrite) throws IOException
	{
		final byte[] tiff = new FileSaver(scored.overlay().map()).serialize();
		AtomicWrite.write(mapFile(image), overwrite, out -> out.write(tiff));
		final int slices = imp.getStackSize();
		for (int s = 1; s <= slices; s++) {
			imp.setSliceWithoutUpdate(s);
			final ImagePlus flat = imp.flatten();
			AtomicWrite.write(overlayFile(image, s, slices), overwrite, out -> {
				if (!ImageIO.write(flat.getBufferedImage(), "png", out))
					throw new IOException("No PNG writer in this Java.");
			});
		}
	}
}
