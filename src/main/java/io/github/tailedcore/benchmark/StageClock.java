package io.github.tailedcore.benchmark;

import io.github.tailedcore.Progress;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Measures how long each stage of a benchmark takes, summed over all the
 * times it runs, while passing progress on to another listener. A stage
 * lasts from its {@link #stage} call to the next one (or to
 * {@link #stop()}); names are prefixed with the current scope (e.g. the
 * method), so the facade's "Coreset" of PatchCore and of SoftPatch are
 * counted apart. Beside the wall time it sums the process's CPU time over
 * each stage (all threads, the collector's too), which, unlike the wall
 * time, does not grow when other processes share the cores: CPU ÷ wall is
 * the number of cores a stage kept busy.
 */
public final class StageClock implements Progress {

	private final Progress delegate;
	private final Map<String, Long> nanos = new LinkedHashMap<>();
	private final Map<String, Long> cpuNanos = new LinkedHashMap<>();
	private String scope = "";
	private String current;
	private long since;
	private long cpuSince;

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
		cpuSince = processCpuNanos();
		delegate.stage(current);
	}

	/** Ends the running stage, if any. */
	public synchronized void stop() {
		if (current != null) {
			nanos.merge(current, System.nanoTime() - since, Long::sum);
			cpuNanos.merge(current, processCpuNanos() - cpuSince, Long::sum);
		}
		current = null;
	}

	/** Seconds per stage, in the order the stages first ran. */
	public synchronized Map<String, Double> seconds() {
		final Map<String, Double> out = new LinkedHashMap<>();
		nanos.forEach((k, v) -> out.put(k, v / 1e9));
		return out;
	}

	/**
	 * Seconds of process CPU time per stage, in the order the stages first
	 * ran; negative where the JVM cannot tell.
	 */
	public synchronized Map<String, Double> cpuSeconds() {
		final Map<String, Double> out = new LinkedHashMap<>();
		cpuNanos.forEach((k, v) -> out.put(k, v / 1e9));
		return out;
	}

	/** CPU time of the whole process so far, or −1 where unknown. */
	public static long processCpuNanos() {
		final java.lang.management.OperatingSystemMXBean os = ManagementFactory
			.getOperatingSystemMXBean();
		return os instanceof com.sun.management.OperatingSystemMXBean
			? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime()
			: -1;
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
