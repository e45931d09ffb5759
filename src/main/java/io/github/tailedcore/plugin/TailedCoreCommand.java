package io.github.tailedcore.plugin;

import io.github.tailedcore.ErrorMessage;
import io.github.tailedcore.Progress;
import io.github.tailedcore.TailedCoreModel;
import io.github.tailedcore.Threshold;

import java.io.IOException;
import java.util.concurrent.CancellationException;

import org.scijava.app.StatusService;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;

/**
 * What every TailedCore command shares: progress on the status bar,
 * cancellation, and errors turned into a logged message and a cancel
 * reason (which Fiji shows and macros can test), instead of a stack trace.
 * <p>
 * Subclasses implement {@link #execute()}; whatever it throws, errors such
 * as {@link OutOfMemoryError} included, becomes one line
 * ({@link ErrorMessage}): the core's exceptions for bad input carry whole
 * sentences and become the reason as they are.
 * </p>
 */
public abstract class TailedCoreCommand extends ContextCommand {

	@Parameter
	protected StatusService status;

	@Parameter
	protected LogService log;

	/** The command's work; throws for bad input. */
	protected abstract void execute() throws IOException;

	@Override
	public final void run() {
		try {
			execute();
		}
		catch (final CancellationException e) {
			log.info(getClass().getSimpleName() + " canceled: " + (isCanceled()
				? getCancelReason() : e.getMessage()));
			if (!isCanceled()) cancel(e.getMessage());
		}
		catch (final Throwable t) {
			final String message = ErrorMessage.of(t, "running " + getClass()
				.getSimpleName());
			if (ErrorMessage.Kind.of(t) == ErrorMessage.Kind.INTERNAL) log.error(
				message, t);
			else log.error(message);
			cancel(message);
		}
		finally {
			status.clearStatus();
		}
	}

	/** Progress that reports here and stops when this command is canceled. */
	protected Progress progress() {
		return new StatusProgress(status, this);
	}

	/**
	 * The threshold to use: {@code given} if positive, else the model's own
	 * (which may be missing); logged with how it was chosen.
	 */
	protected Threshold threshold(final TailedCoreModel model,
		final double given)
	{
		final Threshold t = given > 0 ? new Threshold(given, "given by the user")
			: model.threshold();
		log.info(t == null ? "The model has no threshold and none was given: " +
			"scores only, no verdicts." : "Threshold " + t);
		return t;
	}
}
