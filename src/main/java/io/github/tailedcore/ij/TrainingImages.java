package io.github.tailedcore.ij;

import io.github.tailedcore.ErrorMessage;
import io.github.tailedcore.Progress;
import io.github.tailedcore.feature.ImageSource;
import io.github.tailedcore.image.ImageFolder;
import io.github.tailedcore.image.RasterImage;
import io.github.tailedcore.image.UnusableImageException;
import io.github.tailedcore.image.ValueRange;
import io.github.tailedcore.preprocess.Channels;
import io.github.tailedcore.preprocess.Intensity;
import io.github.tailedcore.preprocess.Preprocessing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The training images of a folder as a fit reads them: every slice of every
 * usable file, decoded by {@link ImageFileReader} exactly as
 * {@link FolderScoring} decodes the images it scores, so that fit and score
 * see the same pixels (bit depth, 32-bit scale, stacks, JPEG decoder).
 * <p>
 * {@link #check} decodes each file once before the fit: a damaged,
 * truncated, blank or out-of-range file, one without the channels the fit
 * uses, or one whose values the intensity scaling cannot read
 * ({@link Intensity#problem}: 32-bit data off the 0–255 scale for the
 * paper's bit depth, or among 8- and 16-bit training images for a training
 * range), is skipped with its reason before the long work starts, instead
 * of stopping the fit halfway or entering the memory bank. A stack gives one
 * training image per slice (per Z, T position of a composite; a fit used to
 * read only the first, while scoring read all). The check also settles what
 * the model records of the images ({@link #preprocessing()}): the channels
 * ({@link Channels#fittedTo}), and whether a training range is of 32-bit
 * values ({@link Intensity#forTraining}).
 * </p>
 */
public final class TrainingImages {

	/** One slice of one file, its size, channel count and values. */
	private record Slice(Path file, int index, ImageSource.Size size,
		int channels, ValueRange values)
	{}

	private final List<Slice> slices;
	private final Preprocessing preprocessing;
	private final List<Path> files;
	private final List<ImageFolder.Skipped> skipped;
	private final Decoded cache = new Decoded();

	private TrainingImages(final List<Slice> slices,
		final Preprocessing preprocessing, final List<Path> files,
		final List<ImageFolder.Skipped> skipped)
	{
		this.slices = slices;
		this.preprocessing = preprocessing;
		this.files = Collections.unmodifiableList(files);
		this.skipped = Collections.unmodifiableList(skipped);
	}

	/**
	 * Decodes and checks each image of {@code folder}.
	 *
	 * @param preprocessing how the fit is asked to prepare the images (its
	 *          channels and intensity scaling matter here)
	 * @param progress one update per file; canceling stops the check
	 * @throws IOException if no file is usable, naming the folder and what
	 *           was skipped
	 * @throws java.util.concurrent.CancellationException when canceled
	 */
	public static TrainingImages check(final ImageFolder folder,
		final String pattern, final Preprocessing preprocessing,
		final Progress progress) throws IOException
	{
		final Channels channels = preprocessing.channels();
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
		skip(files, slices, skipped, s -> fitted.problem(s.channels()),
			", which the other training images have");
		final Intensity intensity = preprocessing.intensity().forTraining(slices
			.stream().allMatch(s -> s.values().floatingPoint()));
		skip(files, slices, skipped, s -> intensity.problem(s.values()), "");
		if (files.isEmpty()) throw new IOException("No usable training images " +
			"in " + folder.folder() + " (skipped: " + skipped.stream().map(
				ImageFolder.Skipped::toString).collect(Collectors.joining("; ")) +
			"). Check the folder and the file pattern.");
		return new TrainingImages(slices, preprocessing.with(fitted).with(
			intensity), files, skipped);
	}

	/**
	 * Skips each file with a slice that {@code problem} finds a reason
	 * against, with that reason and {@code because} after it.
	 */
	private static void skip(final List<Path> files, final List<Slice> slices,
		final List<ImageFolder.Skipped> skipped,
		final Function<Slice, String> problem, final String because)
	{
		for (final Path file : List.copyOf(files)) {
			final String reason = slices.stream().filter(s -> s.file().equals(file))
				.map(problem).filter(p -> p != null).findFirst().orElse(null);
			if (reason == null) continue;
			files.remove(file);
			slices.removeIf(s -> s.file().equals(file));
			skipped.add(new ImageFolder.Skipped(file, reason + because));
		}
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
					.width(), decoded.get(s).height()), decoded.get(s).channels(),
					ValueRange.of(decoded.get(s))));
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
	 * The preprocessing asked for, as the model records it: its channels
	 * those asked for, or what {@code auto} became on these images
	 * ({@link Channels#fittedTo}); a training range still to be measured of
	 * 32-bit values if every image is 32-bit ({@link Intensity#forTraining}).
	 */
	public Preprocessing preprocessing() {
		return preprocessing;
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
