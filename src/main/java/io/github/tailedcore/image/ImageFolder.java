package io.github.tailedcore.image;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * The image files of a folder that a fit or a batch run uses, in a fixed
 * (sorted) order, and the files it had to skip with the reason for each.
 * <p>
 * Files are matched by a glob on the file name ({@code *.png},
 * {@code *.{png,tif}}); hidden files are ignored. Each candidate's header is
 * read (not its pixels) so that a file no reader understands is skipped with
 * a message instead of stopping a long run halfway.
 * </p>
 */
public final class ImageFolder {

	/** The default pattern: the formats Java reads without plugins. */
	public static final String DEFAULT_PATTERN =
		"*.{png,PNG,tif,TIF,tiff,TIFF,jpg,JPG,jpeg,JPEG,bmp,BMP}";

	/** A file that was left out, and why. */
	public record Skipped(Path file, String reason) {

		@Override
		public String toString() {
			return file + ": " + reason;
		}
	}

	private final Path folder;
	private final List<Path> images;
	private final List<Skipped> skipped;

	private ImageFolder(final Path folder, final List<Path> images,
		final List<Skipped> skipped)
	{
		this.folder = folder;
		this.images = Collections.unmodifiableList(images);
		this.skipped = Collections.unmodifiableList(skipped);
	}

	/**
	 * Lists and checks the images of {@code folder}.
	 *
	 * @param pattern glob on file names, e.g. {@code *.png}
	 * @param recursive whether to descend into subfolders
	 * @throws IOException if the folder does not exist or cannot be listed
	 */
	public static ImageFolder scan(final Path folder, final String pattern,
		final boolean recursive) throws IOException
	{
		if (!Files.isDirectory(folder)) throw new IOException("The folder " +
			folder + " does not exist or is not a folder; choose a folder of " +
			"images.");
		final PathMatcher matcher = FileSystems.getDefault().getPathMatcher(
			"glob:" + pattern);
		final List<Path> candidates;
		try (Stream<Path> files = recursive ? Files.walk(folder) : Files.list(
			folder))
		{
			candidates = files.filter(Files::isRegularFile).filter(f -> !f
				.getFileName().toString().startsWith(".")).filter(f -> matcher.matches(
					f.getFileName())).sorted().collect(Collectors.toList());
		}
		final List<Path> images = new ArrayList<>();
		final List<Skipped> skipped = new ArrayList<>();
		for (final Path file : candidates) {
			final String problem = headerProblem(file);
			if (problem == null) images.add(file);
			else skipped.add(new Skipped(file, problem));
		}
		return new ImageFolder(folder, images, skipped);
	}

	/** The folder that was scanned. */
	public Path folder() {
		return folder;
	}

	/** Readable images, sorted by path. */
	public List<Path> images() {
		return images;
	}

	/** Matching files that cannot be read, with the reason. */
	public List<Skipped> skipped() {
		return skipped;
	}

	/**
	 * The images, or a clear error if there are none.
	 *
	 * @throws IOException naming the folder, the pattern and what was skipped
	 */
	public List<Path> requireImages(final String pattern) throws IOException {
		if (!images.isEmpty()) return images;
		final StringBuilder s = new StringBuilder("No readable images matching " +
			pattern + " in " + folder);
		if (!skipped.isEmpty()) s.append(" (skipped: ").append(skipped.stream()
			.map(Skipped::toString).collect(Collectors.joining("; "))).append(")");
		throw new IOException(s.append(
			". Check the folder and the file pattern.").toString());
	}

	/** Why the file's header cannot be read, or {@code null} if it can. */
	private static String headerProblem(final Path file) {
		try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
			if (in == null) return "cannot be opened";
			final Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
			if (!readers.hasNext()) return "not an image format this reader knows " +
				"(use PNG, TIFF, JPEG or BMP)";
			final ImageReader reader = readers.next();
			try {
				reader.setInput(in);
				if (reader.getWidth(0) < 1 || reader.getHeight(0) < 1)
					return "has no pixels";
				return null;
			}
			finally {
				reader.dispose();
			}
		}
		catch (final IOException | RuntimeException e) {
			return "unreadable (" + e.getMessage() + ")";
		}
	}
}
