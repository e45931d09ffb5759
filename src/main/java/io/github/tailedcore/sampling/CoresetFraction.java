package io.github.tailedcore.sampling;

import io.github.tailedcore.Progress;
import io.github.tailedcore.linalg.FeatureMatrix;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Runs a {@link CoresetSampler} the way the official {@code run} method
 * does: keep the fraction {@code ratio} of the points (PatchCore's
 * {@code greedy_ratio}, 0.1 in the paper), starting from a random point
 * (spec §3, steps 2, 3 and 5).
 */
public final class CoresetFraction {

	private CoresetFraction() {}

	/**
	 * The coreset size n = ⌊ratio · N⌋, computed with the same double product
	 * as Python's {@code int(N * ratio)}: for example 100 × 0.29 evaluates to
	 * 28.999… and gives 28.
	 *
	 * @throws IllegalArgumentException if ratio is outside (0, 1] or N &lt; 0
	 */
	public static int size(final int pointCount, final double ratio) {
		checkRatio(ratio);
		if (pointCount < 0) throw new IllegalArgumentException(
			"A point count cannot be negative, got " + pointCount + ".");
		return (int) Math.floor(pointCount * ratio);
	}

	/**
	 * The first pick, uniform over [0, N) from a {@link SplittableRandom}
	 * seeded with {@code seed} (the official code uses numpy's global
	 * generator, which cannot be reproduced here).
	 *
	 * @throws IllegalArgumentException if there are no points
	 */
	public static int randomStart(final int pointCount, final long seed) {
		if (pointCount < 1) throw new IllegalArgumentException(
			"A coreset start needs at least one point, got " + pointCount + ".");
		return new SplittableRandom(seed).nextInt(pointCount);
	}

	/**
	 * Picks ⌊ratio · N⌋ rows of {@code points} with {@code sampler}, starting
	 * at {@link #randomStart(int, long)}. With ratio = 1 every row is kept,
	 * in index order, without running the sampler, as the official code
	 * returns the features unchanged there (its bare-tensor return value is
	 * a bug that is not reproduced).
	 *
	 * @param points the projected points
	 * @param ratio the fraction to keep, in (0, 1]
	 * @param seed fixes the start index
	 * @return the picked rows, in pick order
	 */
	public static int[] select(final CoresetSampler sampler,
		final FeatureMatrix points, final double ratio, final long seed,
		final Progress progress)
	{
		return select(sampler, points, null, ratio, seed, progress);
	}

	/**
	 * {@link #select(CoresetSampler, FeatureMatrix, double, long, Progress)}
	 * among the given rows of {@code points} only
	 * ({@link CoresetSampler#select(FeatureMatrix, long[], int, int, Progress)}).
	 *
	 * @param rows the candidate rows, or {@code null} for all
	 * @return the picks, as positions in {@code rows}, in pick order
	 */
	public static int[] select(final CoresetSampler sampler,
		final FeatureMatrix points, final long[] rows, final double ratio,
		final long seed, final Progress progress)
	{
		checkRatio(ratio);
		final int n = rows == null ? points.rows() : rows.length;
		if (ratio == 1) return IntStream.range(0, n).toArray();
		final int count = size(n, ratio);
		if (count == 0) return new int[0];
		return sampler.select(points, rows, count, randomStart(n, seed),
			progress);
	}

	private static void checkRatio(final double ratio) {
		if (!(ratio > 0 && ratio <= 1)) throw new IllegalArgumentException(
			"The coreset ratio must be in (0, 1], got " + ratio + ".");
	}
}
