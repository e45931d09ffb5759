package io.github.tailedcore.plugin;

import io.github.tailedcore.Progress;

import org.scijava.Cancelable;
import org.scijava.app.StatusService;

/**
 * The core's {@link Progress} on Fiji's status bar: each stage as a status
 * message, its progress as the progress bar, and the command's
 * {@link Cancelable} state as the answer to "stop?".
 */
final class StatusProgress implements Progress {

	/** Steps of the progress bar, whatever the unit of work. */
	private static final int STEPS = 1000;

	private final StatusService status;
	private final Cancelable cancelable;
	private volatile String stage = "";

	StatusProgress(final StatusService status, final Cancelable cancelable) {
		this.status = status;
		this.cancelable = cancelable;
	}

	@Override
	public void stage(final String name) {
		stage = name;
		status.showStatus(name);
	}

	@Override
	public void update(final long done, final long total) {
		status.showStatus((int) (STEPS * done / Math.max(1, total)), STEPS,
			stage);
	}

	@Override
	public boolean isCanceled() {
		return cancelable.isCanceled();
	}
}
