package io.github.tailedcore.benchmark;

import io.github.tailedcore.FitSummary;
import io.github.tailedcore.benchmark.split.ClassSplit;
import io.github.tailedcore.benchmark.split.Split;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What TailSampler made of one split, class by class: the estimated class
 * size κ of the class's training images (their median), and how many of
 * them it took as tail, next to the truth (the split's tail classes). This
 * is what explains where TailedCore wins or loses: a tail class whose
 * images were not taken has no tail memory, and head images taken as tail
 * (often noise) add defects to the memory.
 *
 * @param kElbow K at the elbow of the estimated class sizes η
 * @param kCap K of the 15 % cap
 * @param kMax K<sub>max</sub> = min(K<sub>elbow</sub>, K<sub>cap</sub>)
 * @param classSizes η, descending
 * @param classes one entry per class of the split, in its order
 */
public record TailReport(int kElbow, int kCap, int kMax, int[] classSizes,
	List<ClassTail> classes)
{

	/**
	 * One class.
	 *
	 * @param name the class
	 * @param tail whether the split made it a tail class
	 * @param clean its defect-free training images
	 * @param noise its defective training images
	 * @param medianKappa the median κ of its training images
	 * @param taken its images TailSampler took as tail
	 * @param noiseTaken of those, the defective ones
	 */
	public record ClassTail(String name, boolean tail, int clean, int noise,
		double medianKappa, int taken, int noiseTaken)
	{}

	/** Copies the arrays and lists. */
	public TailReport {
		classSizes = classSizes.clone();
		classes = List.copyOf(classes);
	}

	/** The share of all training images taken as tail. */
	public double tailShare() {
		int taken = 0;
		int images = 0;
		for (final ClassTail c : classes) {
			taken += c.taken();
			images += c.clean() + c.noise();
		}
		return images == 0 ? 0 : (double) taken / images;
	}

	/**
	 * The report of a TailedCore fit on {@code split}'s training set (in
	 * {@link Split#trainingSet()} order, as the fit saw it).
	 */
	public static TailReport of(final Split split, final FitSummary fit) {
		final int[] kappa = fit.kappa();
		final boolean[] taken = new boolean[kappa.length];
		for (final int i : fit.tailImages())
			taken[i] = true;
		final List<ClassTail> classes = new ArrayList<>();
		int first = 0;
		for (final ClassSplit c : split.classes()) {
			final int n = c.train().size();
			int takenCount = 0;
			int noiseTaken = 0;
			for (int i = 0; i < n; i++)
				if (taken[first + i]) {
					takenCount++;
					if (c.train().get(i).noise()) noiseTaken++;
				}
			classes.add(new ClassTail(c.name(), c.tail(), c.clean().size(), c.noise()
				.size(), median(Arrays.copyOfRange(kappa, first, first + n)),
				takenCount, noiseTaken));
			first += n;
		}
		return new TailReport(fit.kElbow(), fit.kCap(), fit.kMax(), fit
			.classSizes(), classes);
	}

	/** Median of {@code values} (mean of the middle two for even counts). */
	static double median(final int[] values) {
		if (values.length == 0) return Double.NaN;
		final int[] v = values.clone();
		Arrays.sort(v);
		final int m = v.length / 2;
		return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2.0;
	}
}
