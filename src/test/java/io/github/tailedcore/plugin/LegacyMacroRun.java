package io.github.tailedcore.plugin;

import ij.IJ;
import ij.Macro;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.scijava.Context;
import org.scijava.command.Command;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.convert.ConvertService;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.module.ModuleRunner;
import org.scijava.module.ModuleService;
import org.scijava.module.process.AbstractPreprocessorPlugin;
import org.scijava.module.process.PostprocessorPlugin;
import org.scijava.module.process.PreprocessorPlugin;
import org.scijava.plugin.PluginService;

/**
 * {@code run("Score Folder...", options)} in a Fiji macro, emulated where
 * imagej-legacy is not available (it is not on Maven Central): a real ImageJ
 * 1.x macro is running ({@link IJ#isMacro()}), the thread carries the
 * options as {@code IJ.run} leaves them ({@link Macro#getOptions()}), and
 * the command runs in that thread through every preprocessor of the context
 * plus {@link FillFromOptions}, which fills inputs as imagej-legacy's
 * {@code MacroPreprocessor} does: each input whose key has a value in the
 * options, converted by the {@link ConvertService}, and no other.
 * <p>
 * Inputs that imagej-legacy fills by other means (the active image) are
 * given. {@code exclude} drops preprocessors, to show what the run would be
 * without one of them.
 * </p>
 */
public final class LegacyMacroRun {

	private static Runnable pending;

	private LegacyMacroRun() {}

	/** Runs {@code command} as a macro's {@code run()} with {@code options}. */
	static CommandModule run(final Class<? extends Command> command,
		final String options, final Map<String, Object> filled,
		final Predicate<PreprocessorPlugin> exclude)
	{
		final Context context = Fixtures.context();
		final CommandModule module = (CommandModule) context.service(
			ModuleService.class).createModule(context.service(CommandService.class)
				.getCommand(command));
		filled.forEach((key, value) -> {
			module.setInput(key, value);
			module.resolveInput(key);
		});
		final List<PreprocessorPlugin> pre = new ArrayList<>();
		final FillFromOptions legacy = new FillFromOptions();
		context.inject(legacy);
		pre.add(legacy);
		context.service(PluginService.class).createInstancesOfType(
			PreprocessorPlugin.class).stream().filter(exclude.negate()).forEach(
				pre::add);
		final List<PostprocessorPlugin> post = context.service(PluginService.class)
			.createInstancesOfType(PostprocessorPlugin.class);
		pending = () -> {
			final Thread thread = Thread.currentThread();
			final String name = thread.getName();
			thread.setName("Run$_" + name);
			Macro.setOptions(options);
			try {
				new ModuleRunner(context, module, pre, post).run();
			}
			finally {
				Macro.setOptions(null);
				thread.setName(name);
			}
		};
		IJ.runMacro("call(\"" + LegacyMacroRun.class.getName() +
			".runPending\");");
		return module;
	}

	/** Called by the macro of {@link #run}: runs the command in its thread. */
	public static String runPending() {
		final Runnable task = pending;
		pending = null;
		task.run();
		return "";
	}

	/** How imagej-legacy's {@code MacroPreprocessor} fills inputs. */
	private static final class FillFromOptions extends
		AbstractPreprocessorPlugin
	{

		@org.scijava.plugin.Parameter
		private ConvertService convert;

		@Override
		public void process(final Module module) {
			if (!IJ.isMacro()) return;
			final String options = Macro.getOptions();
			for (final ModuleItem<?> input : module.getInfo().inputs()) {
				final String value = Macro.getValue(options, input.getName(), null);
				if (value == null || !convert.supports(value, input.getType()))
					continue;
				module.setInput(input.getName(), convert.convert(value, input
					.getType()));
				module.resolveInput(input.getName());
			}
		}
	}
}
