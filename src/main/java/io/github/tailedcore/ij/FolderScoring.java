package io.github.tailedcore.ij;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import io.github.tailedcore.ErrorMessage;
import io.github.tailedcore.Progress;
import io.github.tailedcore.batch.BatchFiles;
import io.github.tailedcore.batch.ImageNames;
import io.github.tailedcore.batch.Shard;
import io.github.tailedcore.batch.ShardFolder;
import io.github.tailedcore.batch.ShardRecord;
import io.github.tailedcore.batch.ShardRun;
import io.github.tailedcore.image.ImageFolder;
import io.github.tailedcore.image.UnusableImageException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

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
 * where {@code <name>} is the image's whole file name ({@code a.png}), in
 * the same sub-folder of the output folder as the image has in the input
 * folder; {@value #SCORES_CSV} with one row per scored image and slice; and
 * {@value #SKIPPED_CSV} with each skipped file and why.
 * <p>
 * A file that cannot be read or scored (damaged, truncated, blank, too
 * large for the heap, ...) is skipped with its reason (logged at once) and
 * the batch goes on; a file that cannot be <em>written</em> stops it. The
 * output folder is checked and locked before any image is scored, and
 * written so that an interrupted or concurrent run never looks complete
 * ({@link BatchOutput}). Progress is reported per image and the batch stops
 * between images when canceled.
 * </p>
 */
public final class FolderScoring {

	/** The scores of a complete run, in its output folder. */
	public static final String SCORES_CSV = BatchFiles.SCORES_CSV;
	/** The files a complete run skipped, with the reason. */
	public static final String SKIPPED_CSV = BatchFiles.SKIPPED_CSV;

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
	 * @param shard the shard scored, or {@code null} for the whole folder
	 */
	public record Result(ResultsTable table, List<Path> scored,
		List<ImageFolder.Skipped> skipped, Shard shard)
	{

		/** One line for a log or a macro. */
		public String summary(final Path output) {
			final String counts = "Scored " + scored.size() + " images" + (skipped
				.isEmpty() ? "" : ", skipped " + skipped.size());
			if (shard != null) return counts + " of shard " + shard + (output ==
				null ? "" : "; wrote its files to " + new ShardFolder(output)
					.folder() + ". When all " + shard.count() + " shards are done, " +
					"merge them into " + output.resolve(SCORES_CSV));
			return counts + (output == null ? "" : "; wrote " + output.resolve(
				SCORES_CSV) + (skipped.isEmpty() ? "" : " and " + output.resolve(
					SKIPPED_CSV)));
		}
	}

	/**
	 * Scores the images of {@code folder} matching {@code pattern}.
	 *
	 * @param output where to write maps, overlays, {@value #SCORES_CSV} and
	 *          {@value #SKIPPED_CSV}, or {@code null} to write nothing; not
	 *          the input folder nor inside it
	 * @param overwrite whether existing outputs may be replaced
	 * @throws IOException before any work if the folder has no readable
	 *           image, the output folder is unusable or an output exists and
	 *           {@code overwrite} is false; during the run if an output cannot
	 *           be written
	 * @throws java.util.concurrent.CancellationException when canceled
	 */
	public Result score(final Path folder, final String pattern,
		final boolean recursive, final Path output, final boolean overwrite)
		throws IOException
	{
		requireOutsideInput(folder, output, false);
		return scoreMatching(folder, pattern, recursive, output, overwrite, null);
	}

	/**
	 * Scores one shard of the images of {@code folder} matching
	 * {@code pattern} ({@link Shard}: the same file is always in the same
	 * shard) into the output folder that all shards of the run share: the
	 * maps and overlays of its images as a one-machine run writes them, its
	 * CSVs and completion record in the folder's {@link ShardFolder}, for
	 * {@link io.github.tailedcore.batch.ShardMerge} to merge. Only the
	 * shard's files are read; an empty shard, or one whose files are all
	 * skipped, is complete all the same.
	 *
	 * @param output the output folder; not the input folder nor inside it
	 * @param overwrite whether the shard's existing outputs may be replaced
	 *          (as when a failed shard is scored again)
	 * @param run the shard and its model
	 * @throws IOException as {@link #score(Path, String, boolean, Path,
	 *           boolean)}, and before any work if the folder has no file
	 *           matching the pattern, or the output folder holds a one-machine
	 *           run or shards of another count
	 */
	public Result scoreShard(final Path folder, final String pattern,
		final boolean recursive, final Path output, final boolean overwrite,
		final ShardRun run) throws IOException
	{
		requireOutsideInput(folder, output, false);
		return scoreMatching(folder, pattern, recursive, output, overwrite, run);
	}

	/**
	 * Refuses an output folder that is the input folder or inside it, as
	 * {@link #score} and {@link #scoreFile} do: front ends call it before
	 * loading a model, so that the mistake is reported at once.
	 *
	 * @param input the folder of images, or the one image file
	 * @param output the output folder, or {@code null} (accepted)
	 * @param file whether {@code input} is one image file (then a folder
	 *          inside its folder is accepted, as the run reads that file only)
	 */
	public static void requireOutsideInput(final Path input, final Path output,
		final boolean file) throws IOException
	{
		if (output != null) BatchOutput.refuseInside(file ? input.toAbsolutePath()
			.getParent() : input, output, file);
	}

	/**
	 * Scores one image file as a batch of one; the output folder may lie
	 * inside the image's folder (the run reads this file only), but must not
	 * be that folder.
	 *
	 * @throws IOException as {@link #score(Path, String, boolean, Path, boolean)}
	 */
	public Result scoreFile(final Path file, final Path output,
		final boolean overwrite) throws IOException
	{
		final Path folder = file.toAbsolutePath().getParent();
		requireOutsideInput(file, output, true);
		return scoreMatching(folder, escape(file.getFileName().toString()),
			false, output, overwrite, null);
	}

	/** A file name as a glob that matches only itself. */
	private static String escape(final String name) {
		return name.replaceAll("([\\\\*?\\[\\]{}])", "\\\\$1");
	}

	private Result scoreMatching(final Path folder, final String pattern,
		final boolean recursive, final Path output, final boolean overwrite,
		final ShardRun sharded) throws IOException
	{
		progress.stage("Reading " + folder);
		final List<String> all = ImageNames.sorted(ImageFolder.list(folder,
			pattern, recursive).stream().map(f -> name(folder, f)).toList());
		if (sharded != null && all.isEmpty()) throw new IOException("No files " +
			"matching " + pattern + " in " + folder + ". Check the folder and the " +
			"file pattern.");
		final List<String> own = sharded == null ? all : sharded.shard().select(
			all);
		final ImageFolder images = ImageFolder.check(folder, own.stream().map(
			folder::resolve).toList());
		final List<ImageFolder.Skipped> skipped = new ArrayList<>(images
			.skipped());
		skipped.forEach(s -> log.accept("Skipped " + s));
		final List<Path> files = sharded == null ? images.requireImages(pattern)
			: images.images();
		if (output == null) return run(folder, files, skipped, null, null);
		final List<String> names = files.stream().map(f -> name(folder, f))
			.toList();
		final String what = "Score Folder of " + folder;
		try (BatchOutput out = sharded == null ? BatchOutput.open(folder, output,
			names, overwrite, what) : BatchOutput.open(folder, output, names,
				overwrite, what + ", shard " + sharded.shard(), sharded.shard()))
		{
			final Result result = run(folder, files, skipped, out, sharded == null
				? null : sharded.shard());
			out.complete(result.skipped(), folder, sharded == null ? null
				: ShardRecord.of(sharded, folder, pattern, recursive, scoring
					.settings(), all, own, result.scored().size(), result.skipped()
						.size()));
			return result;
		}
	}

	private Result run(final Path folder, final List<Path> files,
		final List<ImageFolder.Skipped> skipped, final BatchOutput out,
		final Shard shard) throws IOException
	{
		progress.stage("Scoring " + files.size() + " images");
		final ResultsTable table = new ResultsTable();
		final List<Path> scored = new ArrayList<>();
		for (int i = 0; i < files.size(); i++) {
			progress.checkCanceled();
			final Path file = files.get(i);
			final String name = name(folder, file);
			final ResultsTable rows = new ResultsTable();
			ImagePlus imp = null;
			ImagePlusScoring.Scored s = null;
			try {
				imp = ImageFileReader.open(file);
				s = scoring.score(imp, name, rows);
			}
			catch (final UnusableImageException e) {
				skip(skipped, file, e.reason());
			}
			catch (final IOException | IllegalArgumentException e) {
				skip(skipped, file, e.getMessage());
			}
			catch (final OutOfMemoryError e) {
				skip(skipped, file, "Java ran out of memory scoring it; scale it " +
					"down, or " + ErrorMessage.MORE_MEMORY);
			}
			if (s != null) {
				if (out != null) out.write(name, imp, s, rows);
				for (int k = 0; k < s.scores().length; k++)
					ResultsTables.addScore(table, name, k + 1, s.scores()[k], scoring
						.threshold());
				scored.add(file);
			}
			progress.update(i + 1, files.size());
		}
		return new Result(table, scored, skipped, shard);
	}

	private void skip(final List<ImageFolder.Skipped> skipped, final Path file,
		final String reason)
	{
		final ImageFolder.Skipped skip = new ImageFolder.Skipped(file, reason);
		skipped.add(skip);
		log.accept("Skipped " + skip);
	}

	/** The image's path relative to the folder, with '/' separators. */
	static String name(final Path folder, final Path file) {
		return folder.relativize(file).toString().replace('\\', '/');
	}
}
