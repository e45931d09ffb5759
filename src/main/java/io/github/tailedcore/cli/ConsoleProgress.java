package io.github.tailedcore.cli;

import io.github.tailedcore.Progress;

import java.io.PrintStream;

/**
 * Progress on a terminal: one line per stage, and a percentage at most every
 * two seconds, with the time the stage has taken. Never cancels (Ctrl-C
 * ends the process).
 */
final class ConsoleProgress implements Progress {

	private static final long INTERVAL_NANOS = 2_000_000_000L;

	private final PrintStream out;
	private String stage = "";
	private long stageStart = System.nanoTime();
	private long lastPrint;

	ConsoleProgress(final PrintStream out) {
		this.out = out;
	}

	@Override
	public synchronized void stage(final String name) {
		stage = name;
		stageStart = System.nanoTime();
		lastPrint = stageStart;
		out.println("[" + name + "]");
	}

	@Override
	public synchronized void update(final long done, final long total) {
		final long now = System.nanoTime();
		if (now - lastPrint < INTERVAL_NANOS && done < total) return;
		lastPrint = now;
		out.printf("  %s: %d/%d (%.0f%%), %.1f s%n", stage, done, total, 100.0 *
			done / Math.max(1, total), (now - stageStart) / 1e9);
	}

	@Override
	public boolean isCanceled() {
		return false;
	}
}
