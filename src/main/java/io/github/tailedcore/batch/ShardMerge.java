package io.github.tailedcore.batch;

import io.github.tailedcore.io.AtomicWrite;
import io.github.tailedcore.io.RunLock;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Merges the shards of a sharded run in an output folder into the
 * {@value BatchFiles#SCORES_CSV} and {@value BatchFiles#SKIPPED_CSV} that a
 * one-machine run of the same folder and model writes, byte for byte: the
 * shards' rows, unchanged, in {@link ImageNames#ORDER}.
 * <p>
 * Nothing is written unless every check passes: the output folder holds the
 * shards of one run in N shards; no one-machine run or other merge is
 * writing into it (its {@link RunLock}, held during the merge); every shard
 * 0 … N−1 has its completion record and holds no lock; all records name
 * the same model (SHA-256), settings and full file list (size and digest);
 * each shard's CSVs hold exactly the files of its record, each once, scored
 * or skipped, and only files of that shard; and the shards' files together
 * are the full list. A refusal names the shards to score again and says
 * how.
 * </p>
 */
public final class ShardMerge {

	/**
	 * What a merge wrote.
	 *
	 * @param output the output folder
	 * @param shards N
	 * @param scored images scored
	 * @param rows rows of {@value BatchFiles#SCORES_CSV} (one per slice)
	 * @param skipped files skipped
	 */
	public record Result(Path output, int shards, int scored, int rows,
		int skipped)
	{

		/** One line for a log or a macro. */
		public String summary() {
			return "Merged " + shards + " shards: scored " + scored + " images" +
				(rows == scored ? "" : " (" + rows + " rows)") + ", skipped " +
				skipped + "; wrote " + output.resolve(BatchFiles.SCORES_CSV) +
				" and " + output.resolve(BatchFiles.SKIPPED_CSV);
		}
	}


	/** How many shards a refusal describes one by one. */
	private static final int DETAILS = 10;

	private ShardMerge() {}

	/**
	 * Checks the shards in {@code output} and writes the merged files.
	 *
	 * @param overwrite whether existing merged files may be replaced
	 * @throws IOException without writing anything if a check fails, saying
	 *           which shards and what to do
	 */
	public static Result merge(final Path output, final boolean overwrite)
		throws IOException
	{
		final Path dir = output.toAbsolutePath();
		if (!Files.isDirectory(dir)) throw new IOException("The output folder " +
			dir + " does not exist; give the folder the shards were scored into.");
		final ShardFolder folder = new ShardFolder(dir);
		final int n = count(folder, dir);
		try (RunLock lock = RunLock.acquire(dir, "merge of " + n + " shards")) {
			final Path scores = dir.resolve(BatchFiles.SCORES_CSV);
			final Path skipped = dir.resolve(BatchFiles.SKIPPED_CSV);
			if (!overwrite) for (final Path p : List.of(scores, skipped))
				if (Files.exists(p)) throw new IOException(p + " exists already " +
					"(an earlier merge, or a one-machine run); allow overwriting to " +
					"merge again.");
			final List<ShardRecord> records = finished(folder, n, dir);
			requireOneRun(records, dir);
			final Merged merged = new Merged();
			for (final ShardRecord r : records)
				merged.add(r, folder);
			merged.requireAll(records.get(0), dir);
			AtomicWrite.write(skipped, overwrite, merged.skipped::writeTo);
			AtomicWrite.write(scores, overwrite, merged.scores::writeTo);
			return new Result(dir, n, merged.scores.images.size(), merged.scores
				.rows, merged.skipped.images.size());
		}
	}

	/** N, from the shard files; refuses a folder without or with mixed N. */
	private static int count(final ShardFolder folder, final Path dir)
		throws IOException
	{
		final SortedSet<Integer> counts = folder.counts();
		if (counts.isEmpty()) throw new IOException("There are no shards to " +
			"merge in " + dir + " (no shard files in " + folder.folder() + "): " +
			"score the shards into it first (score ... --shard I/N --output " + dir +
			").");
		if (counts.size() > 1) throw new IOException(dir + " holds shards of " +
			"runs in " + counts.stream().map(String::valueOf).collect(Collectors
				.joining(" and ")) + " shards, which cannot be merged. Delete the " +
			"files of the unwanted run from " + folder.folder() + ", or score " +
			"into a new output folder.");
		return counts.first();
	}

	/** The records of all shards; refuses, naming them, if some are missing. */
	private static List<ShardRecord> finished(final ShardFolder folder,
		final int n, final Path dir) throws IOException
	{
		final List<ShardRecord> records = new ArrayList<>();
		final Map<Integer, String> unfinished = new LinkedHashMap<>();
		for (int i = 0; i < n; i++) {
			final Shard shard = new Shard(i, n);
			final String holder = RunLock.heldBy(folder.lock(shard));
			if (holder != null) {
				unfinished.put(i, "is running, or was killed (its lock " + folder
					.lock(shard) + " is held: " + holder + ")");
				continue;
			}
			try {
				records.add(ShardRecord.read(folder.record(shard), shard));
			}
			catch (final NoSuchFileException e) {
				unfinished.put(i, Files.exists(folder.partialScores(shard))
					? "failed or was stopped before it finished (its partial scores " +
						"are in " + folder.partialScores(shard) + ")"
					: "wrote no scores (it did not run, or failed at its start)");
			}
			catch (final IOException e) {
				unfinished.put(i, e.getMessage());
			}
		}
		if (!unfinished.isEmpty()) throw new IOException("Cannot merge " + dir +
			": " + unfinished.size() + " of " + n + " shards have not finished: " +
			describe(unfinished) + ". Score them again: " + resume(unfinished
				.keySet(), n));
		return records;
	}

	/** Refuses records that are not of one run, naming the odd shards. */
	private static void requireOneRun(final List<ShardRecord> records,
		final Path dir) throws IOException
	{
		final ShardRecord first = records.get(0);
		final Map<Integer, String> odd = new LinkedHashMap<>();
		for (final ShardRecord r : records) {
			if (!r.modelSha256().equals(first.modelSha256())) odd.put(r.shard(),
				"used the model " + r.model() + " (SHA-256 " + r.modelSha256() +
					"), shard 0 " + first.model() + " (SHA-256 " + first.modelSha256() +
					")");
			else if (!r.settings().equals(first.settings())) odd.put(r.shard(),
				"used the settings " + r.settings() + ", shard 0 " + first
					.settings());
			else if (r.allFiles() != first.allFiles() || !r.allFilesSha256().equals(
				first.allFilesSha256())) odd.put(r.shard(), "saw " + r.allFiles() +
					" files in " + r.input() + " (pattern " + r.pattern() +
					"), shard 0 saw " + (r.allFiles() == first.allFiles()
						? "as many but others" : first.allFiles()) + " in " + first
							.input() + " (the folder changed between the shards, or they " +
					"were given different folders or patterns)");
		}
		if (!odd.isEmpty()) throw new IOException("Cannot merge " + dir +
			": its shards are not of one run: " + describe(odd) + ". If shard 0 " +
			"is right, score the others again with its model, settings and " +
			"folder: " + resume(odd.keySet(), first.shards()));
	}

	/** "shard 3 what; shard 17 what", the first {@value #DETAILS} of them. */
	private static String describe(final Map<Integer, String> shards) {
		return shards.entrySet().stream().limit(DETAILS).map(e -> "shard " + e
			.getKey() + " " + e.getValue()).collect(Collectors.joining("; ")) +
			(shards.size() > DETAILS ? "; and " + (shards.size() - DETAILS) +
				" more" : "");
	}

	/** How to score {@code shards} of {@code n} again. */
	private static String resume(final Set<Integer> shards, final int n) {
		return "add --only " + ranges(shards) + " to the scripts/slurm/submit.sh " +
			"command that submitted the run (or run score ... --shard I/" + n +
			" --overwrite for each), then merge again.";
	}

	/** Sorted shard numbers as SLURM's --array writes them: 3,17,20-25. */
	static String ranges(final Set<Integer> shards) {
		final StringBuilder s = new StringBuilder();
		final int[] sorted = shards.stream().mapToInt(Integer::intValue).sorted()
			.toArray();
		for (int i = 0; i < sorted.length;) {
			int j = i;
			while (j + 1 < sorted.length && sorted[j + 1] == sorted[j] + 1)
				j++;
			s.append(s.length() == 0 ? "" : ",").append(sorted[i]).append(j > i
				? "-" + sorted[j] : "");
			i = j + 1;
		}
		return s.toString();
	}

	/** The rows of all shards, checked against their records. */
	private static final class Merged {

		final Table scores = new Table();
		final Table skipped = new Table();
		final List<String> files = new ArrayList<>();

		void add(final ShardRecord r, final ShardFolder folder)
			throws IOException
		{
			final Shard shard = r.shardOf();
			final Set<String> own = new HashSet<>(r.files());
			final List<String> problems = new ArrayList<>();
			if (own.size() != r.files().size()) problems.add(
				"its record lists a file twice");
			r.files().stream().filter(f -> !shard.contains(f)).findFirst().ifPresent(
				f -> problems.add("its record lists " + f + ", which is not in it"));
			final Set<String> done = new HashSet<>();
			final int scored = scores.add(folder.scores(shard), own, done, problems);
			final int skips = skipped.add(folder.skipped(shard), own, done,
				problems);
			if (scored != r.scored() || skips != r.skipped() || done.size() != own
				.size()) problems.add("its CSVs hold " + scored + " scored and " +
					skips + " skipped files, its record " + r.scored() + " and " + r
						.skipped() + own.stream().filter(f -> !done.contains(f)).findFirst()
							.map(f -> " (" + f + " is in neither)").orElse(""));
			if (!problems.isEmpty()) throw new IOException("Cannot merge: shard " +
				shard + "'s outputs in " + folder.folder() + " do not match its " +
				"record: " + String.join("; ", problems) + ". Score it again: " +
				resume(Set.of(shard.index()), shard.count()));
			files.addAll(r.files());
		}

		/** Refuses if the shards' files together are not the full list. */
		void requireAll(final ShardRecord first, final Path dir)
			throws IOException
		{
			final List<String> all = ImageNames.sorted(files);
			if (all.size() != first.allFiles() || !ImageNames.digest(all).equals(
				first.allFilesSha256())) throw new IOException("Cannot merge " + dir +
					": the shards hold " + all.size() + " files together, but the run " +
					"had " + first.allFiles() + (all.size() == first.allFiles()
						? " others" : "") + "; the shard records are inconsistent. Score " +
					"all shards again into a new output folder.");
		}
	}

	/** The rows of one merged CSV, by image. */
	private static final class Table {

		String header;
		final TreeMap<String, String> images = new TreeMap<>(ImageNames.ORDER);
		int rows;

		/**
		 * Adds the rows of one shard's CSV, whose images must be in
		 * {@code own} and not yet in {@code done}.
		 *
		 * @return how many images it held
		 */
		int add(final Path csv, final Set<String> own, final Set<String> done,
			final List<String> problems) throws IOException
		{
			final List<CsvRows.Row> rows;
			try {
				rows = CsvRows.read(csv);
			}
			catch (final NoSuchFileException e) {
				problems.add(csv.getFileName() + " is missing");
				return 0;
			}
			catch (final IOException e) {
				problems.add(e.getMessage());
				return 0;
			}
			if (rows.isEmpty()) {
				problems.add(csv.getFileName() + " is empty");
				return 0;
			}
			if (header == null) header = rows.get(0).text();
			else if (!header.equals(rows.get(0).text())) problems.add(csv
				.getFileName() + " has the header " + rows.get(0).text().trim() +
				", other shards " + header.trim());
			int count = 0;
			String current = null;
			StringBuilder text = null;
			for (final CsvRows.Row row : rows.subList(1, rows.size())) {
				if (!row.first().equals(current)) {
					if (current != null) images.put(current, text.toString());
					current = row.first();
					text = new StringBuilder();
					count++;
					if (!own.contains(current)) problems.add(csv.getFileName() +
						" holds " + current + ", which its record does not list");
					else if (!done.add(current)) problems.add(csv.getFileName() +
						" holds " + current + " twice, or also as skipped");
				}
				text.append(row.text());
				this.rows++;
			}
			if (current != null) images.put(current, text.toString());
			return count;
		}

		void writeTo(final OutputStream out) throws IOException {
			final Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
			w.write(header);
			for (final String rows : images.values())
				w.write(rows);
			w.flush();
		}
	}
}
