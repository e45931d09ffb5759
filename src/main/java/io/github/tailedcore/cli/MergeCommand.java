package io.github.tailedcore.cli;

import io.github.tailedcore.batch.ShardMerge;

import java.nio.file.Path;

/**
 * {@code merge}: merges the shards of a sharded {@code score} run
 * ({@code score --shard I/N}) in an output folder into the
 * {@code scores.csv} and {@code skipped.csv} of a one-machine run, after
 * checking that every shard finished ({@link ShardMerge}).
 */
public final class MergeCommand implements Subcommand {

	@Override
	public String name() {
		return "merge";
	}

	@Override
	public String summary() {
		return "Merge the shards of a sharded score run into one scores.csv.";
	}

	@Override
	public String usage() {
		return String.join("\n", //
			"--output DIR            the output folder all shards scored into",
			"--overwrite             replace an earlier merge's scores.csv");
	}

	@Override
	public int run(final Arguments args) throws Exception {
		final Path output = args.path("output");
		final boolean overwrite = args.flag("overwrite");
		args.rejectUnknown();
		System.out.println(ShardMerge.merge(output, overwrite).summary());
		return 0;
	}
}
