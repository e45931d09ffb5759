package io.github.tailedcore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code score --shard} and {@code merge} refuse wrong command lines before
 * any work, saying what is wrong (the sharded runs themselves are tested in
 * {@code ScoreFolderCommandTest}, {@code ShardMergeTest} and
 * {@code SlurmShardingIT}).
 */
class ShardOptionsTest {

	@TempDir
	Path dir;

	@Test
	void aShardThatDoesNotExistIsAUsageError() {
		final String out = run(2, "score", "--model", "m.tailedcore", "--input",
			dir.toString(), "--output", dir.resolve("out").toString(), "--shard",
			"4/4");
		assertTrue(out.contains("--shard: The shard 4/4 does not exist"), out);
		assertTrue(run(2, "score", "--model", "m.tailedcore", "--input", dir
			.toString(), "--output", dir.resolve("out").toString(), "--shard",
			"three").contains("'three' is not a shard: write I/N"));
	}

	@Test
	void aShardNeedsAFolderAndAnOutputFolder() throws Exception {
		final Path image = Files.writeString(dir.resolve("a.png"), "x");
		final String noOutput = run(2, "score", "--model", "m.tailedcore",
			"--input", dir.toString(), "--shard", "0/2");
		assertTrue(noOutput.contains("--shard needs a folder as --input and an " +
			"--output folder that all shards share"), noOutput);
		assertTrue(run(2, "score", "--model", "m.tailedcore", "--input", image
			.toString(), "--output", dir.resolve("out").toString(), "--shard", "0/2")
				.contains("--shard needs a folder"));
	}

	@Test
	void mergeNeedsAFolderOfShards() throws Exception {
		assertTrue(run(2, "merge").contains("Missing option --output"));
		final String none = run(1, "merge", "--output", dir.toString());
		assertTrue(none.contains("There are no shards to merge in " + dir), none);
		assertTrue(run(1, "merge", "--output", dir.resolve("missing").toString())
			.contains("does not exist"));
	}

	/** Runs the command line, checks its exit status, returns its output. */
	private static String run(final int status, final String... args) {
		final PrintStream out = System.out;
		final PrintStream err = System.err;
		final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
		final PrintStream capture = new PrintStream(buffer, true,
			StandardCharsets.UTF_8);
		System.setOut(capture);
		System.setErr(capture);
		final int code;
		try {
			code = Main.run(args);
		}
		finally {
			System.setOut(out);
			System.setErr(err);
		}
		final String text = buffer.toString(StandardCharsets.UTF_8);
		assertEquals(status, code, text);
		return text;
	}
}
