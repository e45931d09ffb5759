package io.github.tailedcore.ij;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.measure.ResultsTable;

import io.github.tailedcore.batch.BatchFiles;
import io.github.tailedcore.batch.ImageNames;
import io.github.tailedcore.batch.Shard;
import io.github.tailedcore.batch.ShardFolder;
import io.github.tailedcore.batch.ShardRecord;
import io.github.tailedcore.image.ImageFolder;
import io.github.tailedcore.io.AtomicWrite;
import io.github.tailedcore.io.PartialFile;
import io.github.tailedcore.io.RunLock;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.imageio.ImageIO;

/**
 * The output folder of one {@link FolderScoring} run, written so that an
 * interrupted or concurrent run can never look complete:
 * <ul>
 * <li>the folder must not be the input folder or inside it (a re-run would
 * score the overlays), and is locked for the run ({@link RunLock}), which
 * also proves, before any image is scored, that it can be written to;</li>
 * <li>without overwrite, the run stops before any work if one of its
 * outputs exists; with overwrite, the earlier run's
 * {@value FolderScoring#SCORES_CSV} and {@value FolderScoring#SKIPPED_CSV}
 * are deleted first, so that new maps never sit beside old scores;</li>
 * <li>scores go, image by image, into {@code scores.partial.csv}, which
 * becomes {@value FolderScoring#SCORES_CSV} only when every image was
 * done; a skipped image gets no score row but a line in
 * {@value FolderScoring#SKIPPED_CSV} with its reason;</li>
 * <li>maps and overlays carry the image's whole file name
 * ({@code a.png_map.tif}), so {@code a.png} and {@code a.tif} never share
 * one;</li>
 * <li>a shard of a sharded run locks, writes and completes its own files
 * in the folder's {@link ShardFolder}, its completion record last, and the
 * maps and overlays of its own images (no other shard has them); a
 * one-machine run refuses a folder that holds shards, and a shard one that
 * a one-machine run or a merge is writing into, so the two never mix
 * unnoticed;</li>
 * <li>skipped files are listed in {@link ImageNames#ORDER}, as the scores
 * are, so that merged shards give the same file.</li>
 * </ul>
 */
final class BatchOutput implements AutoCloseable {

	static final String MAP_SUFFIX = "_map.tif";
	static final String OVERLAY_SUFFIX = "_overlay";

	private final Path folder;
	private final boolean overwrite;
	private final RunLock lock;
	private final PartialFile scores;
	private final Path skipped;
	private final Path record;

	private BatchOutput(final Path folder, final boolean overwrite,
		final RunLock lock, final PartialFile scores, final Path skipped,
		final Path record)
	{
		this.folder = folder;
		this.overwrite = overwrite;
		this.lock = lock;
		this.scores = scores;
		this.skipped = skipped;
		this.record = record;
	}

	/**
	 * Checks and locks the output folder of a one-machine run and starts the
	 * partial scores file; {@link #refuseInside} is the caller's, before it
	 * reads the images.
	 *
	 * @param input the folder the images are read from
	 * @param images the images' names relative to {@code input}
	 * @param what the run, recorded in the lock
	 * @throws IOException before any work if the folder cannot be written to,
	 *           is locked by another run, holds the shards of a sharded run,
	 *           or holds outputs of this run and {@code overwrite} is false
	 */
	static BatchOutput open(final Path input, final Path output,
		final List<String> images, final boolean overwrite, final String what)
		throws IOException
	{
		final Path folder = output.toAbsolutePath();
		final RunLock lock = RunLock.acquire(folder, what);
		try {
			final ShardFolder shards = new ShardFolder(folder);
			if (!shards.counts().isEmpty()) throw new IOException(folder +
				" holds the shards of a sharded run (" + shards.folder() + "), " +
				"which a one-machine run must not mix with: merge them, or choose " +
				"another output folder (or delete " + shards.folder() +
				" and the shards' outputs if they are no longer wanted).");
			final Path scores = folder.resolve(BatchFiles.SCORES_CSV);
			final Path skipped = folder.resolve(BatchFiles.SKIPPED_CSV);
			return start(folder, images, overwrite, lock, List.of(scores, skipped),
				scores, skipped, null);
		}
		catch (final IOException | RuntimeException e) {
			lock.close();
			throw e;
		}
	}

	/**
	 * Checks and locks the part of the output folder that is {@code shard}'s
	 * ({@link ShardFolder}) and starts its partial scores file. A shard
	 * refuses to start while a one-machine run or a merge holds the folder,
	 * or beside shards of another count; with {@code overwrite} it first
	 * deletes its completion record and the folder's merged
	 * {@value BatchFiles#SCORES_CSV} and {@value BatchFiles#SKIPPED_CSV},
	 * which it makes stale.
	 *
	 * @throws IOException before any work as {@link #open(Path, Path, List,
	 *           boolean, String)}
	 */
	static BatchOutput open(final Path input, final Path output,
		final List<String> images, final boolean overwrite, final String what,
		final Shard shard) throws IOException
	{
		final Path folder = output.toAbsolutePath();
		final ShardFolder shards = new ShardFolder(folder);
		final RunLock lock = RunLock.acquire(shards.folder(), shards.lockName(
			shard), what);
		try {
			final String holder = RunLock.heldBy(folder.resolve(RunLock.NAME));
			if (holder != null) throw new IOException("A one-machine run or a " +
				"merge is writing into " + folder + " (" + holder + "); wait for it, " +
				"or score the shard into another output folder.");
			final Set<Integer> others = new TreeSet<>(shards.counts());
			others.remove(shard.count());
			if (!others.isEmpty()) throw new IOException(folder + " holds shards " +
				"of a run in " + others.iterator().next() + " shards (" + shards
					.folder() + "), which cannot be merged with shard " + shard +
				": give the same N, or choose another output folder.");
			return start(folder, images, overwrite, lock, List.of(shards.record(
				shard), folder.resolve(BatchFiles.SCORES_CSV), folder.resolve(
					BatchFiles.SKIPPED_CSV), shards.scores(shard), shards.skipped(shard)),
				shards.scores(shard), shards.skipped(shard), shards.record(shard));
		}
		catch (final IOException | RuntimeException e) {
			lock.close();
			throw e;
		}
	}

	/**
	 * Refuses or deletes (in this order) the run's earlier files and the
	 * images' outputs, and starts the partial scores.
	 */
	private static BatchOutput start(final Path folder,
		final List<String> images, final boolean overwrite, final RunLock lock,
		final List<Path> files, final Path scores, final Path skipped,
		final Path record) throws IOException
	{
		if (!overwrite) refuseExisting(folder, files, images);
		else for (final Path f : files)
			Files.deleteIfExists(f);
		final PartialFile partial = PartialFile.start(scores, overwrite);
		ResultsTables.writeHeader(ResultsTables.SCORE_COLUMNS, partial.writer());
		partial.flush();
		return new BatchOutput(folder, overwrite, lock, partial, skipped, record);
	}

	/**
	 * Writes an image's map TIFF and overlay PNG(s), then its score rows.
	 *
	 * @param name the image's name relative to the input folder
	 * @param rows the image's rows (one per slice), as {@link ResultsTables}
	 *          makes them
	 */
	void write(final String name, final ImagePlus imp,
		final ImagePlusScoring.Scored scored, final ResultsTable rows)
		throws IOException
	{
		final Path image = folder.resolve(name);
		final byte[] tiff = new FileSaver(scored.overlay().map()).serialize();
		AtomicWrite.write(mapFile(image), overwrite, out -> out.write(tiff));
		// one overlay per scored image: per slice, or per Z, T position of a
		// composite (its channels merged, as Fiji shows it)
		final int channels = ImagePlusConverter.channels(imp);
		final int slices = imp.getStackSize() / channels;
		for (int s = 1; s <= slices; s++) {
			imp.setSliceWithoutUpdate((s - 1) * channels + 1);
			final ImagePlus flat = imp.flatten();
			AtomicWrite.write(overlayFile(image, s, slices), overwrite, out -> {
				if (!ImageIO.write(flat.getBufferedImage(), "png", out))
					throw new IOException("No PNG writer in this Java.");
			});
		}
		final Writer w = scores.writer();
		for (int row = 0; row < rows.size(); row++)
			ResultsTables.writeRow(rows, row, ResultsTables.SCORE_COLUMNS, w);
		scores.flush();
	}

	/**
	 * Writes the skipped files (in {@link ImageNames#ORDER}) and gives the
	 * scores their final name; for a shard, then writes its completion
	 * record: the run is complete.
	 *
	 * @param done the shard's completion record, {@code null} for a
	 *          one-machine run
	 */
	void complete(final List<ImageFolder.Skipped> skips, final Path input,
		final ShardRecord done) throws IOException
	{
		if ((done == null) != (record == null)) throw new IllegalArgumentException(
			"A shard completes with its record, a one-machine run without.");
		final List<String[]> rows = skips.stream().map(s -> new String[] {
			FolderScoring.name(input, s.file()), s.reason() }).sorted(Comparator
				.comparing(r -> r[0], ImageNames.ORDER)).toList();
		AtomicWrite.write(skipped, overwrite, out -> {
			final Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
			ResultsTables.writeHeader(BatchFiles.SKIPPED_COLUMNS, w);
			for (final String[] r : rows)
				w.write(ResultsTables.quote(r[0]) + "," + ResultsTables.quote(r[1]) +
					"\n");
			w.flush();
		});
		scores.complete();
		if (done != null) done.write(record, overwrite);
	}

	/** Releases the folder; an incomplete run leaves its partial scores. */
	@Override
	public void close() throws IOException {
		try {
			scores.close();
		}
		finally {
			lock.close();
		}
	}

	/** {@code a/b.png} → {@code a/b.png_map.tif}. */
	static Path mapFile(final Path image) {
		return image.resolveSibling(image.getFileName() + MAP_SUFFIX);
	}

	/** {@code a/b.png} → {@code a/b.png_overlay.png}, or {@code _overlay_3.png}. */
	static Path overlayFile(final Path image, final int slice,
		final int slices)
	{
		return image.resolveSibling(image.getFileName() + OVERLAY_SUFFIX +
			(slices > 1 ? "_" + slice : "") + ".png");
	}

	/**
	 * Refuses an output folder that is the input folder or lies inside it
	 * (compared by real paths, so links and {@code ..} do not hide it).
	 *
	 * @param insideAllowed whether a folder inside the input folder is
	 *          accepted (a run that reads one named file)
	 */
	static void refuseInside(final Path input, final Path output,
		final boolean insideAllowed) throws IOException
	{
		final Path in = real(input);
		final Path out = real(output);
		if (insideAllowed ? out.equals(in) : out.startsWith(in)) throw new IOException("The output folder " +
			output + " is " + (out.equals(in) ? "the input folder"
				: "inside the input folder " + input) + ": a later run would score " +
			"the maps and overlays as images. Choose an output folder outside " +
			input + ".");
	}

	/** The real path of the deepest existing part, plus the rest. */
	private static Path real(final Path path) throws IOException {
		Path p = path.toAbsolutePath().normalize();
		final List<Path> rest = new ArrayList<>();
		while (p.getParent() != null && !Files.exists(p)) {
			rest.add(0, p.getFileName());
			p = p.getParent();
		}
		Path real = p.toRealPath();
		for (final Path r : rest)
			real = real.resolve(r);
		return real;
	}

	private static void refuseExisting(final Path output,
		final List<Path> files, final List<String> images) throws IOException
	{
		final List<Path> planned = new ArrayList<>(files);
		for (final String name : images) {
			final Path image = output.resolve(name);
			planned.add(mapFile(image));
			planned.add(overlayFile(image, 1, 1));
			planned.add(overlayFile(image, 1, 2));
		}
		final List<Path> existing = planned.stream().filter(Files::exists)
			.toList();
		if (!existing.isEmpty()) throw new IOException(existing.size() +
			" outputs exist already in " + output + " (e.g. " + existing.get(0) +
			"); choose another output folder, or allow overwriting.");
	}
}
