package io.github.tailedcore.image;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The image files of a folder that a fit or a batch run uses, in a fixed
 * (sorted) order, and the files it had to skip with the reason for each.
 * <p>
 * Files are matched by a glob on the file name ({@code *.png},
 * {@code *.{png,tif}}); hidden files are ignored. Each candidate's
 * {@link ImageHeader} is read (not its pixels) so that a file no reader
 * understands, or one too small or too large for the
 * {@link ImageRequirements}, is skipped with a message instead of stopping
 * a long run halfway.
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
	private final Map<Path, ImageHeader> headers;
	private final List<Skipped> skipped;

	private ImageFolder(final Path folder, final List<Path> images,
		final Map<Path, ImageHeader> headers, final List<Skipped> skipped)
	{
		this.folder = folder;
		this.images = Collections.unmodifiableList(images);
		this.headers = headers;
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
		return check(folder, list(folder, pattern, recursive));
	}

	/**
	 * The files of {@code folder} matching {@code pattern}, sorted, without
	 * reading them (what {@link #scan} checks).
	 *
	 * @throws IOException if the folder does not exist or cannot be listed
	 */
	public static List<Path> list(final Path folder, final String pattern,
		final boolean recursive) throws IOException
	{
		if (folder.toString().isEmpty()) throw new IOException(
			"No folder of images was given (the path is empty); choose a folder.");
		if (!Files.isDirectory(folder)) throw new IOException("The folder " +
			folder + " does not exist or is not a folder; choose a folder of " +
			"images.");
		final PathMatcher matcher = matcher(pattern);
		try (Stream<Path> files = recursive ? Files.walk(folder) : Files.list(
			folder))
		{
			return files.filter(Files::isRegularFile).filter(f -> !f.getFileName()
				.toString().startsWith(".")).filter(f -> matcher.matches(f
					.getFileName())).sorted().collect(Collectors.toList());
		}
	}

	/**
	 * Checks the given files of {@code folder}: each one's header is read,
	 * and the unusable ones are skipped with the reason.
	 *
	 * @param candidates the files, in the order to keep
	 */
	public static ImageFolder check(final Path folder,
		final List<Path> candidates)
	{
		final List<Path> images = new ArrayList<>();
		final Map<Path, ImageHeader> headers = new HashMap<>();
		final List<Skipped> skipped = new ArrayList<>();
		for (final Path file : candidates) {
			try {
				final ImageHeader header = ImageHeader.read(file);
				header.requireUsableSize(file);
				images.add(file);
				headers.put(file, header);
			}
			catch (final UnusableImageException e) {
				skipped.add(new Skipped(file, e.reason()));
			}
			catch (final IOException e) {
				skipped.add(new Skipped(file, "it cannot be read (" + ImageHeader
					.detail(e) + ")"));
			}
		}
		return new ImageFolder(folder, images, headers, skipped);
	}

	/** A glob on file names, refusing an empty or malformed one. */
	private static PathMatcher matcher(final String pattern) throws IOException {
		if (pattern == null || pattern.isBlank()) throw new IOException(
			"The file pattern is empty; use e.g. " + DEFAULT_PATTERN + ".");
		try {
			return FileSystems.getDefault().getPathMatcher("glob:" + pattern);
		}
		catch (final IllegalArgumentException e) {
			throw new IOException("The file pattern '" + pattern + "' is not a " +
				"valid glob (" + e.getMessage().replace('\n', ' ') + "); use e.g. " +
				"*.png or *.{png,tif}.", e);
		}
	}

	/** The folder that was scanned. */
	public Path folder() {
		return folder;
	}

	/** Readable images, in the order they were listed (sorted by path). */
	public List<Path> images() {
		return images;
	}

	/** The header of one of {@link #images()}. */
	public ImageHeader header(final Path image) {
		return headers.get(image);
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
}
