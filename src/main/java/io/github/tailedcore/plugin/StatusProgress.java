package io.github.tailedcore.plugin;

import io.github.tailedcore.Progress;

import java.util.function.BooleanSupplier;

import org.scijava.app.StatusService;

/**
 * Shows a fit's or a batch's progress in Fiji's status bar and asks the
 * command whether the user canceled it.
 */
final class StatusProgress implements Progress {

	private final StatusService status;
	private final BooleanSupplier canceled;
	private volatile String stage = "";

	StatusProgress(final StatusService status, final BooleanSupplier canceled) {
		this.status = status;
		this.canceled = canceled;
	}

	@Override
	public void stage(final String name) {
		stage = name;
		status.showStatus("TailedCore: " + name);
	}

	@Override
	public void update(final long done, final long total) {
		status.showStatus((int) Math.min(done, Integer.MAX_VALUE), (int) Math.min(
			total, Integer.MAX_VALUE), "TailedCore: " + stage + " (" + done + "/" +
				total + ")");
	}

	@Override
	public boolean isCanceled() {
		return canceled.getAsBoolean();
	}
}
