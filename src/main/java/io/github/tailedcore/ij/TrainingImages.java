package io.github.tailedcore.ij;

import io.github.tailedcore.ErrorMessage;
import io.github.tailedcore.Progress;
import io.github.tailedcore.feature.ImageSource;
import io.github.tailedcore.image.ImageFolder;
import io.github.tailedcore.image.RasterImage;
import io.github.tailedcore.image.UnusableImageException;
import io.github.tailedcore.preprocess.Channels;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The training images of a folder as a fit reads them: every slice of every
 * usable file, decoded by {@link ImageFileReader} exactly as
 * {@link FolderScoring} decodes the images it scores, so that fit and score
 * see the same pixels (bit depth, 32-bit scale, stacks, JPEG decoder).
 * <p>
 * {@link #check} decodes each file once before the fit: a damaged,
 * truncated, blank or out-of-range file, or one without the channels the fit
 * uses, is skipped with its reason before the long work starts, instead of
 * stopping the fit halfway or entering the memory bank. A stack gives one
 * training image per slice (per Z, T position of a composite; a fit used to
 * read only the first, while scoring read all). The check also settles the
 * channels the model records ({@link #channels()},
 * {@link Channels#fittedTo}).
 * </p>
 */
public final class TrainingImages {

	/** One slice of one file, its size and channel count. */
	private record Slice(Path file, int index, ImageSource.Size size,
		int channels)
	{}

	private final List<Slice> slices;
	private final Channels channels;
	private final List<Path> files;
	private final List<ImageFolder.Skipped> skipped;
	private final Decoded cache = new Decoded();

	private TrainingImages(final List<Slice> slices, final Channels channels,
		final List<Path> files, final List<ImageFolder.Skipped> skipped)
	{
		this.slices = slices;
		this.channels = channels;
		this.files = Collections.unmodifiableList(files);
		this.skipped = Collections.unmodifiableList(skipped);
	}

	/**
	 * Decodes and checks each image of {@code folder}.
	 *
	 * @param channels the channels the fit is asked to use
	 * @param progress one update per file; canceling stops the check
	 * @throws IOException if no file is usable, naming the folder and what
	 *           was skipped
	 * @throws java.util.concurrent.CancellationException when canceled
	 */
	public static TrainingImages check(final ImageFolder folder,
		final String pattern, final Channels channels, final Progress progress)
		throws IOException
	{
		final List<Path> candidates = folder.requireImages(pattern);
		progress.stage("Checking " + candidates.size() + " training images");
		final List<Slice> slices = new ArrayList<>();
		final List<Path> files = new ArrayList<>();
		final List<ImageFolder.Skipped> skipped = new ArrayList<>(folder
			.skipped());
		for (int i = 0; i < candidates.size(); i++) {
			progress.checkCanceled();
			final Path file = candidates.get(i);
			final String problem = problem(file, channels, slices);
			if (problem == null) files.add(file);
			else skipped.add(new ImageFolder.Skipped(file, problem));
			progress.update(i + 1, candidates.size());
		}
		final Channels fitted = channels.fittedTo(slices.stream().mapToInt(
			Slice::channels).toArray());
		for (final Path file : List.copyOf(files)) {
			final String problem = slices.stream().filter(s -> s.file().equals(file))
				.map(s -> fitted.problem(s.channels())).filter(p -> p != null)
				.findFirst().orElse(null);
			if (problem == null) continue;
			files.remove(file);
			slices.removeIf(s -> s.file().equals(file));
			skipped.add(new ImageFolder.Skipped(file, problem +
				", which the other training images have"));
		}
		if (files.isEmpty()) throw new IOException("No usable training images " +
			"in " + folder.folder() + " (skipped: " + skipped.stream().map(
				ImageFolder.Skipped::toString).collect(Collectors.joining("; ")) +
			"). Check the folder and the file pattern.");
		return new TrainingImages(slices, fitted, files, skipped);
	}

	/** Adds the file's slices, or says why it cannot be used. */
	private static String problem(final Path file, final Channels channels,
		final List<Slice> slices)
	{
		try {
			final List<RasterImage> decoded = ImageFileReader.read(file);
			final String problem = channels.trainingProblem(decoded.get(0)
				.channels());
			if (problem != null) return problem;
			for (int s = 0; s < decoded.size(); s++)
				slices.add(new Slice(file, s, new ImageSource.Size(decoded.get(s)
					.width(), decoded.get(s).height()), decoded.get(s).channels()));
			return null;
		}
		catch (final UnusableImageException e) {
			return e.reason();
		}
		catch (final IOException | IllegalArgumentException e) {
			return e.getMessage();
		}
		catch (final OutOfMemoryError e) {
			return "Java ran out of memory decoding it; scale it down, or " +
				ErrorMessage.MORE_MEMORY;
		}
	}

	/** One source per slice, in file order: what the fit reads. */
	public List<ImageSource> sources() {
		return slices.stream().map(s -> (ImageSource) new ImageSource() {

			@Override
			public RasterImage open() throws IOException {
				return cache.slice(s);
			}

			@Override
			public Size size() {
				return s.size();
			}
		}).toList();
	}

	/**
	 * The channels the model records: those asked for, or what {@code auto}
	 * became on these images ({@link Channels#fittedTo}).
	 */
	public Channels channels() {
		return channels;
	}

	/** The files used, sorted. */
	public List<Path> files() {
		return files;
	}

	/**
	 * The file of each training image, in fit order: a stack's file once per
	 * slice, so that index i names the fit's image i.
	 */
	public List<Path> imageFiles() {
		return slices.stream().map(Slice::file).toList();
	}

	/** How many training images (slices) the files give. */
	public int sliceCount() {
		return slices.size();
	}

	/** The files left out, with the reason: the folder scan's and the check's. */
	public List<ImageFolder.Skipped> skipped() {
		return skipped;
	}

	/**
	 * The slices of the file decoded last: a fit reads slices in file order,
	 * so a stack is decoded once, not once per slice.
	 */
	private static final class Decoded {

		private Path file;
		private List<RasterImage> slices;

		synchronized RasterImage slice(final Slice s) throws IOException {
			if (!s.file().equals(file)) {
				file = null;
				slices = null;
				slices = ImageFileReader.read(s.file());
				file = s.file();
			}
			if (s.index() >= slices.size()) throw new IOException(s.file() +
				" changed during the fit: it has " + slices.size() + " slices " +
				"now. Keep the training images unchanged while fitting.");
			return slices.get(s.index());
		}
	}
}
