package io.github.tailedcore.plugin;

import ij.IJ;
import ij.WindowManager;
import ij.measure.ResultsTable;

import io.github.tailedcore.ErrorMessage;
import io.github.tailedcore.ij.ResultsTables;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.scijava.Context;
import org.scijava.command.Command;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleException;
import org.scijava.module.ModuleService;
import org.scijava.module.process.LoadInputsPreprocessor;
import org.scijava.module.process.PostprocessorPlugin;
import org.scijava.module.process.PreprocessorPlugin;
import org.scijava.module.process.SaveInputsPreprocessor;
import org.scijava.plugin.PluginService;

/**
 * The TailedCore commands for ImageJ 1.x macros through {@code call()}: works
 * in Fiji, in plain ImageJ 1.x (which does not see SciJava commands) and in a
 * truly headless JVM.
 * <p>
 * Each method takes the command's parameters as an ImageJ options string,
 * with the same keys and the same reading as {@code run("Score Folder...",
 * ...)} in Fiji ({@code key=value}, {@code key=[value with spaces]},
 * {@code key=true|false} for a check box; see {@link MacroOptions}), runs
 * the command and returns its summary, or a line starting with
 * {@value #ERROR} saying what went wrong (macros test it with
 * {@code startsWith}). Nothing is ever thrown at the macro. A key left out
 * gets the command's default, never the value a dialog last remembered.
 * </p>
 *
 * <pre>
 * r = call("io.github.tailedcore.plugin.TailedCoreMacro.scoreFolder",
 * 	"input_dir=[/data/new] model_file=[/data/screws.tailedcore] output_dir=[/data/out]");
 * if (startsWith(r, "Error")) exit(r);
 * </pre>
 */
public final class TailedCoreMacro {

	/** How a failed call's answer starts. */
	public static final String ERROR = "Error: ";

	/** Preprocessors a {@code call()} runs without (see {@link #preprocessors}). */
	private static final Set<String> NOT_FOR_CALL = Set.of(
		LoadInputsPreprocessor.class.getName(), SaveInputsPreprocessor.class
			.getName(), MacroOptionsPreprocessor.class.getName(),
		"net.imagej.legacy.plugin.MacroPreprocessor");

	private static Context context;

	private TailedCoreMacro() {}

	/** <em>Fit Model...</em>; returns the fit summary. */
	public static String fit(final String options) {
		return run(FitModelCommand.class, options, "summary");
	}

	/** <em>Score Folder...</em>; returns how many images were scored. */
	public static String scoreFolder(final String options) {
		return run(ScoreFolderCommand.class, options, "summary");
	}

	/**
	 * <em>Merge Shards...</em> ({@code output_dir}, {@code overwrite}):
	 * merges the shards of a Score Folder run with {@code shard=I/N};
	 * returns what was merged.
	 */
	public static String mergeShards(final String options) {
		return run(MergeShardsCommand.class, options, "summary");
	}

	/** <em>Calibrate Threshold...</em>; returns the new threshold. */
	public static String calibrateThreshold(final String options) {
		return run(CalibrateThresholdCommand.class, options, "summary");
	}

	/**
	 * <em>Score Image</em> on the current image (its overlay gets the heatmap
	 * and outlines); returns the image score of each slice, comma-separated.
	 */
	public static String scoreImage(final String options) {
		if (WindowManager.getCurrentImage() == null) return ERROR +
			"there is no current image to score; open one first.";
		return run(ScoreImageCommand.class, options, null);
	}

	/**
	 * Runs a command with the inputs {@link MacroOptions} reads from a macro
	 * options string. The command never sees persisted values: every option
	 * input is given, and the preprocessors that load and save the dialog's
	 * remembered values, or read the options themselves, do not run.
	 *
	 * @param output the output to return as text, or {@code null} for the
	 *          scores of "Score Image"
	 */
	static String run(final Class<? extends Command> command,
		final String options, final String output)
	{
		try {
			final Context ctx = context();
			final CommandInfo info = ctx.service(CommandService.class).getCommand(
				command);
			final Map<String, Object> inputs = MacroOptions.inputs(info, options);
			if (command == ScoreImageCommand.class) inputs.put("image",
				WindowManager.getCurrentImage());
			final CommandModule module = (CommandModule) ctx.service(
				ModuleService.class).run(ctx.service(ModuleService.class).createModule(
					info), preprocessors(ctx), ctx.service(PluginService.class)
						.createInstancesOfType(PostprocessorPlugin.class), inputs).get();
			if (module.isCanceled()) return ERROR + module.getCancelReason();
			if (output != null) return String.valueOf(module.getOutput(output));
			return scores(module);
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			return ERROR + "interrupted.";
		}
		catch (final Throwable t) {
			final Throwable cause = t instanceof ExecutionException && t
				.getCause() instanceof ModuleException && t.getCause()
					.getCause() != null ? t.getCause().getCause() : t;
			return ERROR + ErrorMessage.of(cause, "running " + command
				.getSimpleName() + " with \"" + options + "\"");
		}
	}

	/**
	 * The context's preprocessors but those that would fill inputs from
	 * elsewhere than the options string (the user's preferences, or the
	 * options of an enclosing {@code run()}) or save them.
	 */
	private static List<PreprocessorPlugin> preprocessors(final Context ctx) {
		return ctx.service(PluginService.class).createInstancesOfType(
			PreprocessorPlugin.class).stream().filter(p -> !NOT_FOR_CALL.contains(p
				.getClass().getName())).collect(Collectors.toList());
	}

	/** The image score of each slice, comma-separated. */
	private static String scores(final CommandModule module) {
		final ResultsTable table = ((ScoreImageCommand) module.getCommand())
			.table();
		final StringJoiner scores = new StringJoiner(",");
		for (int row = 0; row < table.size(); row++)
			scores.add(String.valueOf(table.getValue(ResultsTables.SCORE, row)));
		return scores.toString();
	}

	/**
	 * Fiji's context when running inside Fiji, else one of our own, made
	 * with this plugin's class loader as the thread's context class loader
	 * (ImageJ 1.x loads plugins with its own loader, in which SciJava
	 * otherwise finds no plugins).
	 */
	private static synchronized Context context() {
		if (context != null) return context;
		try {
			Class.forName("net.imagej.legacy.LegacyService");
			final Object fiji = IJ.runPlugIn("org.scijava.Context", "");
			if (fiji instanceof Context) return context = (Context) fiji;
		}
		catch (final ClassNotFoundException e) {
			// plain ImageJ 1.x: make our own below
		}
		final Thread thread = Thread.currentThread();
		final ClassLoader previous = thread.getContextClassLoader();
		thread.setContextClassLoader(TailedCoreMacro.class.getClassLoader());
		try {
			return context = new Context();
		}
		finally {
			thread.setContextClassLoader(previous);
		}
	}
}
