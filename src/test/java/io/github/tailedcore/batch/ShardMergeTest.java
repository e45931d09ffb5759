package io.github.tailedcore.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tailedcore.io.RunLock;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The merge of shards written by hand as {@code FolderScoring}'s shards
 * write them: the merged files are the one-machine run's, and every way a
 * sharded run can be incomplete or mixed is refused, naming the shards and
 * writing nothing. (The shards of real scoring runs are merged in
 * {@code ScoreFolderCommandTest} and, on SLURM, in {@code SlurmShardingIT}.)
 */
class ShardMergeTest {

	private static final int N = 3;
	private static final String HEADER = "image,slice,score,threshold,verdict\n";
	/** The run's files, a stack of 3 slices and two skipped ones among them. */
	private static final List<String> ALL = ImageNames.sorted(List.of("a.png",
		"b.png", "c.tif", "d,e.png", "plate1/x.png", "plate1/y.png",
		"plate2/stack.tif", "plate2/z.png", "q\"uote.png", "broken.png",
		"tiny.png", "zz.png"));
	private static final Set<String> SKIPPED = Set.of("broken.png", "tiny.png");

	@TempDir
	Path out;

	private ShardFolder folder;

	@BeforeEach
	void shards() {
		folder = new ShardFolder(out);
	}

	@Test
	void mergedFilesAreTheOneMachineRunsAndTheShardsRowsUnchanged()
		throws IOException
	{
		for (int i = 0; i < N; i++)
			writeShard(i, "ab");
		final ShardMerge.Result r = ShardMerge.merge(out, false);
		assertEquals(expectedScores(), read("scores.csv"));
		assertEquals(expectedSkipped(), read("skipped.csv"));
		assertEquals(10, r.scored());
		assertEquals(12, r.rows());
		assertEquals(2, r.skipped());
		assertEquals("Merged 3 shards: scored 10 images (12 rows), skipped 2; " +
			"wrote " + out.resolve("scores.csv") + " and " + out.resolve(
				"skipped.csv"), r.summary());
		assertFalse(Files.exists(out.resolve(RunLock.NAME)), "lock released");
	}

	@Test
	void unfinishedShardsAreNamedWithHowToResumeThem() throws IOException {
		writeShard(0, "ab");
		writeShard(1, "ab");
		Files.delete(folder.record(new Shard(1, N)));
		Files.move(folder.scores(new Shard(1, N)), folder.partialScores(
			new Shard(1, N)));
		Files.writeString(folder.lock(new Shard(2, N)).resolveSibling(
			ShardFolder.stem(new Shard(2, N)) + ".skipped.csv"), "");
		final String m = refused();
		assertTrue(m.contains("2 of 3 shards have not finished"), m);
		assertTrue(m.contains("shard 1 failed or was stopped before it finished"),
			m);
		assertTrue(m.contains("shard 2 wrote no scores"), m);
		assertTrue(m.contains("add --only 1-2 to the scripts/slurm/submit.sh"), m);
		assertNothingWritten();
	}

	@Test
	void aShardThatHoldsItsLockIsNotMerged() throws IOException {
		for (int i = 0; i < N; i++)
			writeShard(i, "ab");
		final Shard zero = new Shard(0, N);
		try (RunLock lock = RunLock.acquire(folder.folder(), folder.lockName(zero),
			"test"))
		{
			final String m = refused();
			assertTrue(m.contains("shard 0 is running, or was killed"), m);
			assertTrue(m.contains("--only 0 "), m);
		}
		ShardMerge.merge(out, false);
		assertEquals(expectedScores(), read("scores.csv"));
	}

	@Test
	void shardsOfAnotherModelOrFileListAreNotMerged() throws IOException {
		writeShard(0, "ab");
		writeShard(1, "ab");
		writeShard(2, "cd");
		String m = refused();
		assertTrue(m.contains("its shards are not of one run: shard 2 used the " +
			"model"), m);
		assertTrue(m.contains("--only 2 "), m);
		writeShard(2, "ab");
		final ShardRecord r = ShardRecord.read(folder.record(new Shard(1, N)),
			new Shard(1, N));
		new ShardRecord(r.format(), r.shard(), r.shards(), r.input(), r.pattern(),
			r.recursive(), r.model(), r.modelSha256(), r.settings(), r.allFiles() +
				1, "0".repeat(64), r.files(), r.scored(), r.skipped(), null, r
					.finished()).write(folder.record(new Shard(1, N)), true);
		m = refused();
		assertTrue(m.contains("shard 1 saw 13 files"), m);
		assertNothingWritten();
	}

	@Test
	void csvsThatDoNotMatchTheirRecordAreNotMerged() throws IOException {
		for (int i = 0; i < N; i++)
			writeShard(i, "ab");
		final Shard shard = new Shard(Shard.of("a.png", N), N);
		final Path csv = folder.scores(shard);
		final String text = Files.readString(csv);
		Files.writeString(csv, text.replace(row("a.png", 1), ""));
		String m = refused();
		assertTrue(m.contains("shard " + shard + "'s outputs"), m);
		assertTrue(m.contains("(a.png is in neither)"), m);
		Files.writeString(csv, text + row("a.png", 1));
		m = refused();
		assertTrue(m.contains("holds a.png twice"), m);
		assertNothingWritten();
	}

	@Test
	void aFolderWithoutShardsOrWithShardsOfTwoCountsIsRefused()
		throws IOException
	{
		assertTrue(refused().contains("There are no shards to merge"));
		for (int i = 0; i < N; i++)
			writeShard(i, "ab");
		Files.writeString(folder.folder().resolve("shard-1-of-4.lock"), "");
		assertTrue(refused().contains("holds shards of runs in 3 and 4 shards"));
	}

	@Test
	void anEarlierMergeIsReplacedOnlyWhenAsked() throws IOException {
		for (int i = 0; i < N; i++)
			writeShard(i, "ab");
		Files.writeString(out.resolve("scores.csv"), "earlier");
		assertTrue(refused().contains("exists already"));
		assertEquals("earlier", read("scores.csv"));
		ShardMerge.merge(out, true);
		assertEquals(expectedScores(), read("scores.csv"));
	}

	@Test
	void shardsToScoreAgainAreGivenAsSlurmArrayRanges() {
		assertEquals("3", ShardMerge.ranges(Set.of(3)));
		assertEquals("0-2,5,7-8", ShardMerge.ranges(Set.of(8, 0, 1, 2, 5, 7)));
	}

	/** Writes shard {@code i} as a finished shard does, with model SHA-256 {@code sha} (repeated). */
	private void writeShard(final int i, final String sha) throws IOException {
		final Shard shard = new Shard(i, N);
		final List<String> own = shard.select(ALL);
		final StringBuilder scores = new StringBuilder(HEADER);
		final StringBuilder skipped = new StringBuilder("image,reason\n");
		for (final String name : own) {
			if (SKIPPED.contains(name)) skipped.append(quote(name)).append(
				",\"it is blank, or so\"\n");
			else for (int s = 1; s <= slices(name); s++)
				scores.append(row(name, s));
		}
		Files.createDirectories(folder.folder());
		Files.writeString(folder.scores(shard), scores);
		Files.writeString(folder.skipped(shard), skipped);
		final int skips = (int) own.stream().filter(SKIPPED::contains).count();
		new ShardRecord(ShardRecord.FORMAT, i, N, "/in", "*.png", true, "/m",
			sha.repeat(32), new TreeMap<>(Map.of("threshold", "5.0")), ALL.size(),
			ImageNames.digest(ALL), own, own.size() - skips, skips, null, "now")
				.write(folder.record(shard), true);
	}

	private static String expectedScores() {
		final StringBuilder s = new StringBuilder(HEADER);
		for (final String name : ALL)
			if (!SKIPPED.contains(name)) for (int k = 1; k <= slices(name); k++)
				s.append(row(name, k));
		return s.toString();
	}

	private static String expectedSkipped() {
		return "image,reason\nbroken.png,\"it is blank, or so\"\n" +
			"tiny.png,\"it is blank, or so\"\n";
	}

	private static int slices(final String name) {
		return name.contains("stack") ? 3 : 1;
	}

	private static String row(final String name, final int slice) {
		return quote(name) + "," + slice + "," + (name.length() + slice * 0.25) +
			",5.0,normal\n";
	}

	private static String quote(final String field) {
		return field.contains(",") || field.contains("\"") ? '"' + field.replace(
			"\"", "\"\"") + '"' : field;
	}

	private String refused() {
		return assertThrows(IOException.class, () -> ShardMerge.merge(out, false))
			.getMessage();
	}

	private void assertNothingWritten() {
		assertFalse(Files.exists(out.resolve("scores.csv")));
		assertFalse(Files.exists(out.resolve("skipped.csv")));
		assertFalse(Files.exists(out.resolve(RunLock.NAME)), "lock released");
	}

	private String read(final String file) throws IOException {
		return Files.readString(out.resolve(file), StandardCharsets.UTF_8);
	}
}
