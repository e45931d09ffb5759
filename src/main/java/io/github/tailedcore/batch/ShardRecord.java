package io.github.tailedcore.batch;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;

import io.github.tailedcore.io.AtomicWrite;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The completion record of one shard ({@code shard-3-of-4.done.json}),
 * written last, when the shard's CSVs have their final names: a shard
 * without it did not finish. It says what the shard scored and with what,
 * so that {@link ShardMerge} can check that all shards belong to one run:
 * the same model (by SHA-256), the same settings, the same full list of
 * files (by size and {@link ImageNames#digest}), and which files were the
 * shard's.
 *
 * @param format the record format, {@value #FORMAT}
 * @param shard I
 * @param shards N
 * @param input the input folder, as this shard saw it
 * @param pattern the file pattern
 * @param recursive whether subfolders were included
 * @param model the model file, as this shard saw it
 * @param modelSha256 the model file's SHA-256
 * @param settings what else decides the outputs (threshold, opacity), as
 *          text
 * @param allFiles how many files the whole run has (all shards)
 * @param allFilesSha256 {@link ImageNames#digest} of all of them
 * @param files this shard's files, in {@link ImageNames#ORDER}
 * @param scored how many of them were scored
 * @param skipped how many were skipped
 * @param slurmJob the SLURM job ({@code 1234_3}) that ran it, or
 *          {@code null}
 * @param finished when it finished (ISO-8601)
 */
public record ShardRecord(int format, int shard, int shards, String input,
	String pattern, boolean recursive, String model, String modelSha256,
	SortedMap<String, String> settings, int allFiles, String allFilesSha256,
	List<String> files, int scored, int skipped, String slurmJob,
	String finished)
{

	/** The format this version writes and reads. */
	public static final int FORMAT = 1;

	private static final Gson GSON = new GsonBuilder().setFieldNamingPolicy(
		FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES).setPrettyPrinting()
		.disableHtmlEscaping().create();

	/**
	 * The record of a shard that just finished.
	 *
	 * @param all every file of the run, in {@link ImageNames#ORDER}
	 * @param files the shard's files, in that order
	 */
	public static ShardRecord of(final ShardRun run, final Path input,
		final String pattern, final boolean recursive,
		final Map<String, String> settings, final List<String> all,
		final List<String> files, final int scored, final int skipped)
	{
		return new ShardRecord(FORMAT, run.shard().index(), run.shard().count(),
			input.toAbsolutePath().toString(), pattern, recursive, run.model()
				.toAbsolutePath().toString(), run.modelSha256(), new TreeMap<>(
					settings), all.size(), ImageNames.digest(all), List.copyOf(files),
			scored, skipped, currentSlurmJob(), Instant.now().toString());
	}

	/** I/N. */
	public Shard shardOf() {
		return new Shard(shard, shards);
	}

	/**
	 * Writes the record, whole or not at all ({@link AtomicWrite}).
	 *
	 * @param overwrite whether an existing record may be replaced
	 */
	public void write(final Path file, final boolean overwrite)
		throws IOException
	{
		final byte[] json = (GSON.toJson(this) + "\n").getBytes(
			StandardCharsets.UTF_8);
		AtomicWrite.write(file, overwrite, out -> out.write(json));
	}

	/**
	 * Reads a record.
	 *
	 * @throws NoSuchFileException if there is none
	 * @throws IOException naming the file if it is damaged or of another
	 *           format, or not the record of {@code expected}
	 */
	public static ShardRecord read(final Path file, final Shard expected)
		throws IOException
	{
		final String text = Files.readString(file, StandardCharsets.UTF_8);
		final ShardRecord r;
		try {
			r = GSON.fromJson(text, ShardRecord.class);
		}
		catch (final JsonParseException e) {
			throw damaged(file, "it is not valid JSON (" + e.getMessage() + ")");
		}
		if (r == null || r.format != FORMAT) throw damaged(file, r == null
			? "it is empty" : "it has format " + r.format + ", this version " +
				"reads " + FORMAT + " (the shards were scored by another version)");
		if (r.shard != expected.index() || r.shards != expected.count())
			throw damaged(file, "it is the record of shard " + r.shard + "/" +
				r.shards + ", not " + expected);
		if (r.modelSha256 == null || r.allFilesSha256 == null || r.files ==
			null || r.settings == null || r.scored + r.skipped != r.files.size())
			throw damaged(file, "fields are missing or do not add up");
		return r;
	}

	private static IOException damaged(final Path file, final String why) {
		return new IOException("The completion record " + file +
			" cannot be used: " + why + ". Score that shard again.");
	}

	/** The SLURM array task ({@code 1234_3}) or job running this JVM, if any. */
	private static String currentSlurmJob() {
		final String array = System.getenv("SLURM_ARRAY_JOB_ID");
		final String task = System.getenv("SLURM_ARRAY_TASK_ID");
		if (array != null && task != null) return array + "_" + task;
		return System.getenv("SLURM_JOB_ID");
	}
}
