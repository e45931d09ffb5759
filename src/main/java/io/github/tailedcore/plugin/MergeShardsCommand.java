package io.github.tailedcore.plugin;

import io.github.tailedcore.batch.ShardMerge;

import java.io.File;
import java.io.IOException;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * <em>Plugins › TailedCore › Merge Shards...</em>: merges the shards that
 * Score Folder (with {@code shard=I/N}) wrote into an output folder into
 * one {@code scores.csv} and {@code skipped.csv}, identical to a
 * one-machine run's, after checking that every shard finished
 * ({@link ShardMerge}).
 */
@Plugin(type = Command.class, menuPath = "Plugins>TailedCore>Merge Shards...")
public class MergeShardsCommand extends TailedCoreCommand {

	@Parameter(label = "Output folder of the shards",
		style = FileWidget.DIRECTORY_STYLE, persist = false)
	private File output_dir;

	@Parameter(label = "Overwrite an earlier merge")
	private boolean overwrite;

	@Parameter(type = ItemIO.OUTPUT, label = "TailedCore merge")
	private String summary;

	@Override
	protected void execute() throws IOException {
		summary = ShardMerge.merge(output_dir.toPath(), overwrite).summary();
		log.info(summary);
	}
}
