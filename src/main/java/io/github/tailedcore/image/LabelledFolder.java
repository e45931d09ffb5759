package io.github.tailedcore.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Images labelled by their folder, as in MVTec AD: a folder with a
 * {@value #GOOD} subfolder of normal images and one subfolder per defect
 * type, or an MVTec class folder, whose {@code test} folder has that
 * layout. Used to calibrate a threshold on labelled images.
 */
public final class LabelledFolder {

	/** The subfolder of normal images. */
	public static final String GOOD = "good";

	/** An image and whether it is labelled anomalous (not in {@value #GOOD}). */
	public record Labelled(Path file, boolean anomalous) {}

	private final List<Labelled> images;
	private final List<ImageFolder.Skipped> skipped;

	private LabelledFolder(final List<Labelled> images,
		final List<ImageFolder.Skipped> skipped)
	{
		this.images = Collections.unmodifiableList(images);
		this.skipped = Collections.unmodifiableList(skipped);
	}

	/**
	 * Lists the labelled images of {@code folder}.
	 *
	 * @param pattern glob on file names
	 * @throws IOException if the folder has no {@value #GOOD} images or no
	 *           defect images, saying which layout is expected
	 */
	public static LabelledFolder scan(final Path folder, final String pattern)
		throws IOException
	{
		final Path root = Files.isDirectory(folder.resolve("test")) ? folder
			.resolve("test") : folder;
		if (!Files.isDirectory(root)) throw new IOException("The folder " +
			folder + " does not exist or is not a folder.");
		final List<Path> subfolders;
		try (Stream<Path> s = Files.list(root)) {
			subfolders = s.filter(Files::isDirectory).sorted().collect(Collectors
				.toList());
		}
		final List<Labelled> images = new ArrayList<>();
		final List<ImageFolder.Skipped> skipped = new ArrayList<>();
		int normal = 0;
		for (final Path sub : subfolders) {
			final boolean anomalous = !sub.getFileName().toString().equals(GOOD);
			final ImageFolder f = ImageFolder.scan(sub, pattern, false);
			f.images().forEach(i -> images.add(new Labelled(i, anomalous)));
			skipped.addAll(f.skipped());
			if (!anomalous) normal += f.images().size();
		}
		if (normal == 0 || normal == images.size()) throw new IOException(root +
			" needs a '" + GOOD + "' subfolder of normal images and at least one " +
			"subfolder of defective images (" + pattern + "), as an MVTec class's " +
			"test folder has; found " + normal + " normal and " + (images.size() -
				normal) + " defective images.");
		return new LabelledFolder(images, skipped);
	}

	/** The labelled images, subfolder by subfolder, sorted. */
	public List<Labelled> images() {
		return images;
	}

	/** Matching files that cannot be read, with the reason. */
	public List<ImageFolder.Skipped> skipped() {
		return skipped;
	}
}
