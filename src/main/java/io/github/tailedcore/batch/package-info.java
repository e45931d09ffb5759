/**
 * What a batch run over a folder of images writes besides its maps and
 * overlays ({@link io.github.tailedcore.batch.BatchFiles}), and sharded
 * batch runs: a folder scored by many machines at once (the tasks of a
 * SLURM array), each scoring one {@link io.github.tailedcore.batch.Shard}
 * of the images into one shared output folder, and a merge that checks
 * every shard finished and writes the {@code scores.csv} and
 * {@code skipped.csv} that one machine would have written, byte for byte.
 * <p>
 * The shard protocol builds on the one-machine run's
 * ({@link io.github.tailedcore.io.RunLock},
 * {@link io.github.tailedcore.io.PartialFile}): each shard keeps its lock,
 * its CSVs and, last, its completion record
 * ({@link io.github.tailedcore.batch.ShardRecord}) in the output folder's
 * {@value io.github.tailedcore.batch.ShardFolder#NAME} folder
 * ({@link io.github.tailedcore.batch.ShardFolder}); maps and overlays go
 * where a one-machine run puts them and never collide, since each image is
 * in exactly one shard. {@link io.github.tailedcore.batch.ShardMerge}
 * trusts a shard only through its record. Nothing here uses ImageJ (the
 * images are scored in {@code ij.FolderScoring}).
 * </p>
 */
package io.github.tailedcore.batch;
