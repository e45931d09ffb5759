package io.github.tailedcore.tail;

import java.util.Arrays;

/**
 * Turns the per-image class sizes κ into the number of images η of each
 * predicted class, the authors' {@code predict_num_samples_per_class}
 * (spec §5.4):
 * <ol>
 * <li>c = κ rounded half to even, clamped to ≥ 1, sorted ascending;</li>
 * <li>while c is not empty: if |c| &lt; c<sub>0</sub>, add |c| to the last
 * η and stop; otherwise η = min(round(mean(c<sub>0</sub> …
 * c<sub>c<sub>0</sub>−1</sub>)), |c|) with half-to-even rounding, append
 * it and drop the first η elements of c;</li>
 * <li>return η in descending order.</li>
 * </ol>
 * Every image lands in exactly one class, so Σ η = N. If the very first
 * step already has |c| &lt; c<sub>0</sub> (only when some κ &gt; N), the
 * images form one class of N.
 */
public final class ClassCountRecursion {

	private ClassCountRecursion() {}

	/**
	 * @param kappa the class size κ of each image; real values are allowed
	 * @return η, the size of each predicted class, descending; Σ η = N
	 * @throws IllegalArgumentException if a κ is NaN or infinite
	 */
	public static int[] classCounts(final double[] kappa) {
		final int[] c = new int[kappa.length];
		for (int i = 0; i < kappa.length; i++) {
			if (!Double.isFinite(kappa[i])) throw new IllegalArgumentException(
				"Class size κ of image " + i + " is " + kappa[i] +
					"; every image needs a finite class size.");
			c[i] = (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.rint(
				kappa[i])));
		}
		Arrays.sort(c);
		final int[] eta = new int[c.length];
		int classes = 0;
		int start = 0;
		while (start < c.length) {
			final int remaining = c.length - start;
			if (remaining < c[start]) {
				if (classes == 0) eta[classes++] = remaining;
				else eta[classes - 1] += remaining;
				break;
			}
			final int count = (int) Math.min(Math.rint(mean(c, start, c[start])),
				remaining);
			eta[classes++] = count;
			start += count;
		}
		return descending(Arrays.copyOf(eta, classes));
	}

	private static double mean(final int[] values, final int start,
		final int length)
	{
		long sum = 0;
		for (int i = start; i < start + length; i++)
			sum += values[i];
		return (double) sum / length;
	}

	private static int[] descending(final int[] values) {
		Arrays.sort(values);
		for (int i = 0, j = values.length - 1; i < j; i++, j--) {
			final int swap = values[i];
			values[i] = values[j];
			values[j] = swap;
		}
		return values;
	}
}
