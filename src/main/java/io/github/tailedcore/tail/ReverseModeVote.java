package io.github.tailedcore.tail;

import io.github.tailedcore.Progress;

/**
 * The class size κ<sub>j</sub> each image gets by a vote of the
 * neighbourhoods that contain it, the authors' {@code _vote_mode}
 * (spec §5.3):
 * <pre>
 * κ_j = mode{ |N(i)| : i such that j ∈ N(i) }
 * </pre>
 * ties going to the smallest size. This is the <em>reverse</em>
 * neighbourhood of j; the paper's Eq. 7 writes the forward one, which
 * differs because every image has its own threshold.
 * <p>
 * <b>Guard.</b> An image that lies in no neighbourhood, not even its own
 * (possible only with near-duplicate embeddings, spec §5.9), has no votes;
 * the reference then yields NaN. Here it gets
 * κ = {@value #EMPTY_VOTE}: it resembles nobody, so it is treated as a
 * singleton class. {@link #emptyColumns()} counts such images.
 * </p>
 */
public final class ReverseModeVote {

	/** κ of an image that no neighbourhood contains. */
	public static final int EMPTY_VOTE = 1;

	private static final int BLOCK = 32;

	private final int[] kappa;
	private final int emptyColumns;

	/**
	 * Votes without progress reports; see
	 * {@link #ReverseModeVote(Neighborhoods, Progress)}.
	 */
	public ReverseModeVote(final Neighborhoods neighborhoods) {
		this(neighborhoods, Progress.none());
	}

	/**
	 * Counts, for every image j, the sizes |N(i)| of the neighbourhoods that
	 * contain it and takes the most frequent one.
	 *
	 * @param progress receives the images done; checked for cancellation
	 */
	public ReverseModeVote(final Neighborhoods neighborhoods,
		final Progress progress)
	{
		final int n = neighborhoods.count();
		kappa = new int[n];
		RowBlocks.forEach(n, BLOCK, progress, (start, end) -> {
			final int[][] histograms = new int[end - start][n + 1];
			for (int i = 0; i < n; i++)
				for (int j = start; j < end; j++)
					if (neighborhoods.contains(i, j))
						histograms[j - start][neighborhoods.size(i)]++;
			for (int j = start; j < end; j++)
				kappa[j] = mode(histograms[j - start]);
		});
		int empty = 0;
		for (int j = 0; j < n; j++)
			if (kappa[j] == 0) {
				kappa[j] = EMPTY_VOTE;
				empty++;
			}
		emptyColumns = empty;
	}

	/** κ<sub>j</sub> for every image j (a copy). */
	public int[] kappa() {
		return kappa.clone();
	}

	/**
	 * How many images no neighbourhood contained, so that they got
	 * κ = {@value #EMPTY_VOTE} without a vote.
	 */
	public int emptyColumns() {
		return emptyColumns;
	}

	/**
	 * The value with the highest count, the smallest such value on ties;
	 * 0 when all counts are 0.
	 *
	 * @param histogram count of each value, indexed by value
	 */
	static int mode(final int[] histogram) {
		int best = 0;
		for (int value = 1; value < histogram.length; value++)
			if (histogram[value] > histogram[best]) best = value;
		return best;
	}
}
