package io.github.tailedcore;

import java.util.ArrayList;
import java.util.List;

/** A {@link Progress} that records the stage names it is told, in order. */
public final class StageRecorder implements Progress {

	private final List<String> stages = new ArrayList<>();

	/** The stage names so far (live, not copied). */
	public List<String> stages() {
		return stages;
	}

	@Override
	public void stage(final String name) {
		stages.add(name);
	}

	@Override
	public void update(final long done, final long total) {}

	@Override
	public boolean isCanceled() {
		return false;
	}
}
