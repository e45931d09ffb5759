package io.github.tailedcore;

import java.util.concurrent.CancellationException;

/**
 * Receives progress from long work (feature extraction, noise filter, tail
 * sampling, coreset) and tells it whether to stop.
 * <p>
 * The core never talks to a UI: Fiji commands adapt this to SciJava's
 * {@code StatusService} and {@code Cancelable}, the command line to a
 * printed line. Implementations must be thread-safe; stages call
 * {@link #checkCanceled()} between units of work.
 * </p>
 */
public interface Progress {

	/** A new stage of work starts, e.g. {@code "Noise filter (LOF)"}. */
	void stage(String name);

	/** {@code done} of {@code total} units of the current stage are finished. */
	void update(long done, long total);

	/** Whether the user asked to stop. */
	boolean isCanceled();

	/**
	 * Throws if the user asked to stop.
	 *
	 * @throws CancellationException when {@link #isCanceled()} is true
	 */
	default void checkCanceled() {
		if (isCanceled()) throw new CancellationException("Canceled by the user.");
	}

	/** A listener that ignores progress and never cancels. */
	static Progress none() {
		return new Progress() {

			@Override
			public void stage(final String name) {}

			@Override
			public void update(final long done, final long total) {}

			@Override
			public boolean isCanceled() {
				return false;
			}
		};
	}
}
