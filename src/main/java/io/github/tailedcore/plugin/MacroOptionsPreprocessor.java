package io.github.tailedcore.plugin;

import ij.IJ;
import ij.Macro;

import org.scijava.Priority;
import org.scijava.log.LogService;
import org.scijava.module.Module;
import org.scijava.module.process.AbstractPreprocessorPlugin;
import org.scijava.module.process.LoadInputsPreprocessor;
import org.scijava.module.process.PreprocessorPlugin;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Gives a TailedCore command run from a macro, {@code run("Score Folder...",
 * options)}, exactly the inputs that {@code call()} gives it: every option
 * input from {@link MacroOptions}, the ones left out at their declared
 * defaults.
 * <p>
 * imagej-legacy fills only the inputs whose keys have values; the others
 * would get the values the dialog last persisted
 * ({@link LoadInputsPreprocessor}), or a dialog would open and the macro
 * wait. This preprocessor runs after imagej-legacy's and before those, so
 * that a macro's result depends on its options string only, as for ImageJ
 * 1.x commands. Bad options (a key without a value, a number that does not
 * parse, an unknown key) cancel the command with a message naming the key,
 * the same message {@code call()} returns.
 * </p>
 * <p>
 * Not in a macro, or in a macro that gives no options string
 * ({@code run("Fit Model...")}), it does nothing: the dialog opens with the
 * values the user last entered, as Fiji's dialogs do.
 * </p>
 */
@Plugin(type = PreprocessorPlugin.class, priority = Priority.VERY_HIGH)
public class MacroOptionsPreprocessor extends AbstractPreprocessorPlugin {

	@Parameter
	private LogService log;

	@Override
	public void process(final Module module) {
		if (!(module.getDelegateObject() instanceof TailedCoreCommand) || !IJ
			.isMacro()) return;
		final String options = Macro.getOptions();
		if (options == null) return;
		try {
			MacroOptions.inputs(module.getInfo(), options).forEach((key, value) -> {
				module.setInput(key, value);
				module.resolveInput(key);
			});
		}
		catch (final IllegalArgumentException e) {
			log.error(e.getMessage());
			((TailedCoreCommand) module.getDelegateObject()).cancel(e.getMessage());
			cancel(e.getMessage());
		}
	}
}
