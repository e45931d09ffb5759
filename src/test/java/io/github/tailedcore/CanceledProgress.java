package io.github.tailedcore;

/** A {@link Progress} that is canceled from the start, for cancellation tests. */
public final class CanceledProgress implements Progress {

	@Override
	public void stage(final String name) {}

	@Override
	public void update(final long done, final long total) {}

	@Override
	public boolean isCanceled() {
		return true;
	}
}
