package io.github.tailedcore.plugin;

import org.scijava.Cancelable;
import org.scijava.Priority;
import org.scijava.app.DefaultStatusService;
import org.scijava.app.event.StatusEvent;
import org.scijava.plugin.Plugin;
import org.scijava.service.Service;

/**
 * The status service of the test contexts: the default one, which can also
 * cancel a running command at the moment it announces a given stage, so
 * that cancel tests stop a command mid-way deterministically.
 */
@Plugin(type = Service.class, priority = Priority.HIGH)
public class CancelingStatusService extends DefaultStatusService {

	private volatile Cancelable target;
	private volatile String stage;

	/** Cancels {@code target} when a status starting with {@code stage} is shown. */
	public void cancelAt(final String stagePrefix, final Cancelable command) {
		stage = stagePrefix;
		target = command;
	}

	@Override
	protected void publish(final StatusEvent event) {
		final Cancelable t = target;
		final String message = event.getStatusMessage();
		if (t != null && message != null && message.startsWith(stage)) {
			target = null;
			t.cancel("Canceled by the test at '" + message + "'.");
		}
		super.publish(event);
	}
}
