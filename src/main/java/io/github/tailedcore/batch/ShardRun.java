package io.github.tailedcore.batch;

import io.github.tailedcore.feature.Sha256;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One shard of a sharded run, as a front end asks for it: which shard, and
 * the model every shard of the run must score with, identified by the
 * SHA-256 of its file (paths differ between machines, bytes do not).
 *
 * @param shard the part of the images to score
 * @param model the model file, as given
 * @param modelSha256 lower-case hex SHA-256 of the model file's bytes
 */
public record ShardRun(Shard shard, Path model, String modelSha256) {

	/**
	 * The run of {@code shard} with {@code model}, whose checksum is
	 * computed here.
	 *
	 * @throws IOException naming the model file if it cannot be read
	 */
	public static ShardRun of(final Shard shard, final Path model)
		throws IOException
	{
		try {
			return new ShardRun(shard, model, Sha256.of(model));
		}
		catch (final IOException e) {
			throw new IOException("Cannot read the model file " + model + " (" + e
				.getMessage() + "); check the path.", e);
		}
	}
}
