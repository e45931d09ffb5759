package io.github.tailedcore.ij;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.measure.ResultsTable;

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
import java.util.List;

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
 * one.</li>
 * </ul>
 */
final class BatchOutput implements AutoCloseable {

	static final String MAP_SUFFIX = "_map.tif";
	static final String OVERLAY_SUFFIX = "_overlay";

	private final Path folder;
	private final boolean overwrite;
	private final RunLock lock;
	private final PartialFile scores;

	private BatchOutput(final Path folder, final boolean overwrite,
		final RunLock lock, final PartialFile scores)
	{
		this.folder = folder;
		this.overwrite = overwrite;
		this.lock = lock;
		this.scores = scores;
	}

	/**
	 * Checks and locks the output folder and starts the partial scores file;
	 * {@link #refuseInside} is the caller's, before it reads the images.
	 *
	 * @param input the folder the images are read from
	 * @param images the images' names relative to {@code input}
	 * @param what the run, recorded in the lock
	 * @throws IOException before any work if the folder cannot be written to,
	 *           is locked by another run, or holds outputs of this run and
	 *           {@code overwrite} is false
	 */
	static BatchOutput open(final Path input, final Path output,
		final List<String> images, final boolean overwrite, final String what)
		throws IOException
	{
		final RunLock lock = RunLock.acquire(output, what);
		try {
			final Path folder = output.toAbsolutePath();
			if (!overwrite) refuseExisting(folder, images);
			else {
				Files.deleteIfExists(folder.resolve(FolderScoring.SCORES_CSV));
				Files.deleteIfExists(folder.resolve(FolderScoring.SKIPPED_CSV));
			}
			final PartialFile scores = PartialFile.start(folder.resolve(
				FolderScoring.SCORES_CSV), overwrite);
			ResultsTables.writeHeader(ResultsTables.SCORE_COLUMNS, scores.writer());
			scores.flush();
			return new BatchOutput(folder, overwrite, lock, scores);
		}
		catch (final IOException | RuntimeException e) {
			lock.close();
			throw e;
		}
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
		final int slices = imp.getStackSize();
		for (int s = 1; s <= slices; s++) {
			imp.setSliceWithoutUpdate(s);
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
	 * Writes {@value FolderScoring#SKIPPED_CSV} and gives the scores their
	 * final name: the run is complete.
	 */
	void complete(final List<ImageFolder.Skipped> skipped, final Path input)
		throws IOException
	{
		AtomicWrite.write(folder.resolve(FolderScoring.SKIPPED_CSV), overwrite,
			out -> {
				final Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
				ResultsTables.writeHeader(new String[] { "image", "reason" }, w);
				for (final ImageFolder.Skipped s : skipped)
					w.write(ResultsTables.quote(FolderScoring.name(input, s.file())) +
						"," + ResultsTables.quote(s.reason()) + "\n");
				w.flush();
			});
		scores.complete();
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
		final List<String> images) throws IOException
	{
		final List<Path> planned = new ArrayList<>();
		planned.add(output.resolve(FolderScoring.SCORES_CSV));
		planned.add(output.resolve(FolderScoring.SKIPPED_CSV));
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
