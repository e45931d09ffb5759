package io.github.tailedcore.tail;

import io.github.tailedcore.Progress;

import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * Runs a task over consecutive blocks of rows on the common fork-join pool,
 * checking for cancellation before each block and reporting the rows done.
 * The row-wise steps of the TailSampler (similarities, thresholds, votes)
 * are independent per row, so a plain parallel loop over blocks is enough.
 */
final class RowBlocks {

	/** Work on the rows {@code [start, end)}. */
	@FunctionalInterface
	interface Task {

		void run(int start, int end);
	}

	private RowBlocks() {}

	/**
	 * Runs {@code task} once for every block of at most {@code blockSize} of
	 * the rows {@code [0, rows)}, in parallel and in no particular order.
	 *
	 * @throws java.util.concurrent.CancellationException if {@code progress}
	 *           is canceled; blocks already started finish first
	 */
	static void forEach(final int rows, final int blockSize,
		final Progress progress, final Task task)
	{
		final int blocks = (rows + blockSize - 1) / blockSize;
		final AtomicLong done = new AtomicLong();
		IntStream.range(0, blocks).parallel().forEach(block -> {
			progress.checkCanceled();
			final int start = block * blockSize;
			final int end = Math.min(rows, start + blockSize);
			task.run(start, end);
			progress.update(done.addAndGet(end - start), rows);
		});
	}
}
