package io.github.tailedcore.batch;

import io.github.tailedcore.io.PartialFile;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The folder {@value #NAME} of an output folder, where each shard of a
 * sharded run keeps what is its own, all named after it
 * ({@code shard-3-of-4}, the index zero-padded to N's width):
 * <ul>
 * <li>{@code .lock}: held while the shard runs ({@link
 * io.github.tailedcore.io.RunLock});</li>
 * <li>{@code .scores.partial.csv}, renamed {@code .scores.csv} when the
 * shard is done, and {@code .skipped.csv};</li>
 * <li>{@code .done.json}: the completion record ({@link ShardRecord}),
 * written last.</li>
 * </ul>
 * The maps and overlays of the shard's images go into the output folder
 * itself, as in a one-machine run. Any file of this form here marks the
 * output folder as the home of a sharded run, which a one-machine run
 * refuses to write into.
 */
public final class ShardFolder {

	/** The folder's name inside the output folder. */
	public static final String NAME = "tailedcore-shards";

	private static final Pattern FILE = Pattern.compile(
		"shard-(\\d{1,9})-of-(\\d{1,9})\\..+");

	private final Path folder;

	/** The shard folder of {@code output}. */
	public ShardFolder(final Path output) {
		folder = output.toAbsolutePath().resolve(NAME);
	}

	/** The folder itself. */
	public Path folder() {
		return folder;
	}

	/** {@code shard-3-of-4}: the start of every file name of {@code shard}. */
	public static String stem(final Shard shard) {
		final int width = String.valueOf(shard.count() - 1).length();
		return String.format("shard-%0" + width + "d-of-%d", shard.index(), shard
			.count());
	}

	/** The name of the shard's lock file, in {@link #folder()}. */
	public String lockName(final Shard shard) {
		return stem(shard) + ".lock";
	}

	/** The shard's lock file. */
	public Path lock(final Shard shard) {
		return folder.resolve(lockName(shard));
	}

	/** The shard's scores, once complete. */
	public Path scores(final Shard shard) {
		return folder.resolve(stem(shard) + ".scores.csv");
	}

	/** The shard's scores while it runs, or as an interrupted run left them. */
	public Path partialScores(final Shard shard) {
		return PartialFile.partialName(scores(shard));
	}

	/** The shard's skipped files, with the reason. */
	public Path skipped(final Shard shard) {
		return folder.resolve(stem(shard) + ".skipped.csv");
	}

	/** The shard's completion record. */
	public Path record(final Shard shard) {
		return folder.resolve(stem(shard) + ".done.json");
	}

	/**
	 * The shard counts N of the shard files here: empty if there are none,
	 * one if all belong to runs in the same number of shards.
	 */
	public SortedSet<Integer> counts() throws IOException {
		final SortedSet<Integer> counts = new TreeSet<>();
		if (!Files.isDirectory(folder)) return counts;
		try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
			for (final Path f : files) {
				final Matcher m = FILE.matcher(f.getFileName().toString());
				if (m.matches()) counts.add(Integer.parseInt(m.group(2)));
			}
		}
		return counts;
	}
}
