package io.github.tailedcore.tail;

import io.github.tailedcore.Progress;
import io.github.tailedcore.TailedCoreSettings;
import io.github.tailedcore.linalg.FeatureMatrix;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The per-image adaptive similarity threshold th<sub>i</sub> of the final
 * TailSampler, the authors' {@code _compute_th_trim_min} (spec §5.2). For a
 * row s = S[i, ·] of N similarities:
 * <ol>
 * <li>quantise q<sub>j</sub> = trunc(N·s<sub>j</sub>) / N (float32, step
 * 1/N) and sort;</li>
 * <li>th_half = cos(arccos(min q) / 2), the half of the largest angle;</li>
 * <li>H = { q<sub>j</sub> : q<sub>j</sub> &gt; th_half } (strict), the
 * half-angle region, which holds the image itself;</li>
 * <li>k = ⌊|H|·p⌋; th<sub>i</sub> = the k-th largest element of H if
 * k ≥ 1, else the smallest element of H.</li>
 * </ol>
 * N(i) then compares the unquantised S<sub>ij</sub> with th<sub>i</sub>, so
 * all similarities in th<sub>i</sub>'s 1/N bin count. Without ties a clean
 * class of size c gives |N(i)| = ⌊p·c⌋.
 * <p>
 * <b>Guard.</b> H is empty when no quantised similarity lies above
 * th_half, and the reference then crashes. The image's own similarity does
 * not save it: 0.99999994 in float32 quantises to (N − 1)/N, not 1. So H is
 * empty whenever (N − 1)/N ≤ cos(arccos(min q) / 2), i.e. whenever all of a
 * row's similarities lie close together: in a tight class of few images
 * (30 tire images alone: a row whose similarities are all ≥ 0.9 has
 * th_half ≥ 0.975 &gt; 29/30), for N = 1, and for identical or zero
 * embeddings. Here the row then uses th<sub>i</sub> = max q, i.e. N(i) is
 * the row's top 1/N similarity bin: often the image alone, all images when
 * all are identical. (In such a class the other rows fare no better: their
 * H holds the image alone, so every image gets κ = 1 and the paper's
 * estimate takes them all as tail.)
 * {@link Neighborhoods#rowsWithoutHalfAngleRegion()} counts such rows.
 * </p>
 */
public final class AdaptiveThreshold {

	private static final int BLOCK = 16;

	private final double percentile;

	/** The paper's p = {@value TailedCoreSettings#DEFAULT_TAIL_PERCENTILE}. */
	public AdaptiveThreshold() {
		this(TailedCoreSettings.DEFAULT_TAIL_PERCENTILE);
	}

	/**
	 * @param percentile p ∈ (0, 1], the share of the half-angle region H that
	 *          the neighbourhood keeps (0.85 in the paper, 0.5 for the
	 *          {@code truncate_min} ablation)
	 */
	public AdaptiveThreshold(final double percentile) {
		if (!(percentile > 0 && percentile <= 1))
			throw new IllegalArgumentException(
				"The tail percentile p must be in (0, 1], got " + percentile + ".");
		this.percentile = percentile;
	}

	/** p. */
	public double percentile() {
		return percentile;
	}

	/**
	 * th<sub>i</sub> for every row of {@code similarities}, as
	 * {@link Neighborhoods}.
	 *
	 * @param similarities the N × N matrix S of {@link CosineSimilarity}
	 * @param progress receives the rows done; checked for cancellation
	 */
	public Neighborhoods neighborhoods(final FeatureMatrix similarities,
		final Progress progress)
	{
		final int n = similarities.rows();
		if (similarities.cols() != n) throw new IllegalArgumentException(
			"Adaptive thresholds need a square similarity matrix, got " + n +
				" × " + similarities.cols() + ".");
		final float[] thresholds = new float[n];
		final AtomicInteger withoutRegion = new AtomicInteger();
		RowBlocks.forEach(n, BLOCK, progress, (start, end) -> {
			final float[] q = new float[n];
			for (int i = start; i < end; i++) {
				quantizeSorted(similarities.data(), similarities.offset(i), q);
				thresholds[i] = trimmedThreshold(q);
				if (Float.isNaN(thresholds[i])) {
					thresholds[i] = q[n - 1];
					withoutRegion.incrementAndGet();
				}
			}
		});
		return new Neighborhoods(similarities, thresholds, withoutRegion.get());
	}

	/**
	 * th<sub>i</sub> for one row of similarities, with the guard for an empty
	 * half-angle region (then the largest quantised similarity).
	 *
	 * @param row the N similarities S[i, ·]
	 */
	public float threshold(final float[] row) {
		final float[] q = new float[row.length];
		quantizeSorted(row, 0, q);
		final float th = trimmedThreshold(q);
		return Float.isNaN(th) ? q[q.length - 1] : th;
	}

	/**
	 * q<sub>j</sub> = trunc(N·s<sub>j</sub>) / N in float32 for the N values
	 * from {@code offset}, sorted ascending into {@code q} (length N).
	 */
	static void quantizeSorted(final float[] s, final int offset,
		final float[] q)
	{
		final int n = q.length;
		for (int j = 0; j < n; j++)
			q[j] = (float) (int) (n * s[offset + j]) / n;
		Arrays.sort(q);
	}

	/** cos(arccos(m) / 2) in float32; m is clamped to [−1, 1]. */
	static float halfMaxAngle(final float minimum) {
		final float angle = (float) Math.acos(Math.max(-1f, Math.min(1f,
			minimum)));
		return (float) Math.cos(angle / 2);
	}

	/** Steps 2–4 on sorted q; NaN when the half-angle region H is empty. */
	private float trimmedThreshold(final float[] q) {
		final int n = q.length;
		final float half = halfMaxAngle(q[0]);
		int first = n;
		while (first > 0 && q[first - 1] > half)
			first--;
		final int regionSize = n - first;
		if (regionSize == 0) return Float.NaN;
		final int k = (int) (regionSize * percentile);
		return k >= 1 ? q[n - k] : q[first];
	}
}
