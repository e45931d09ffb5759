package io.github.tailedcore.benchmark;

import io.github.tailedcore.Progress;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Measures how long each stage of a benchmark takes, summed over all the
 * times it runs, while passing progress on to another listener. A stage
 * lasts from its {@link #stage} call to the next one (or to
 * {@link #stop()}); names are prefixed with the current scope (e.g. the
 * method), so the facade's "Coreset" of PatchCore and of SoftPatch are
 * counted apart.
 */
public final class StageClock implements Progress {

	private final Progress delegate;
	private final Map<String, Long> nanos = new LinkedHashMap<>();
	private String scope = "";
	private String current;
	private long since;

	/** A clock that forwards progress to {@code delegate}. */
	public StageClock(final Progress delegate) {
		this.delegate = delegate;
	}

	/**
	 * Stops the running stage and prefixes the names of the next ones with
	 * {@code scope} (empty for none).
	 */
	public synchronized void scope(final String name) {
		stop();
		scope = name.isEmpty() ? "" : name + ": ";
	}

	@Override
	public synchronized void stage(final String name) {
		stop();
		current = scope + name;
		since = System.nanoTime();
		delegate.stage(current);
	}

	/** Ends the running stage, if any. */
	public synchronized void stop() {
		if (current != null) nanos.merge(current, System.nanoTime() - since,
			Long::sum);
		current = null;
	}

	/** Seconds per stage, in the order the stages first ran. */
	public synchronized Map<String, Double> seconds() {
		final Map<String, Double> out = new LinkedHashMap<>();
		nanos.forEach((k, v) -> out.put(k, v / 1e9));
		return out;
	}

	@Override
	public void update(final long done, final long total) {
		delegate.update(done, total);
	}

	@Override
	public boolean isCanceled() {
		return delegate.isCanceled();
	}
}
