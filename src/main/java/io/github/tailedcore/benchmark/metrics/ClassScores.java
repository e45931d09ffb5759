package io.github.tailedcore.benchmark.metrics;

import java.util.Objects;

/**
 * The measures of one class in one benchmark run (one data seed), as
 * fractions (the paper prints them × 100). {@code NaN} marks a measure that
 * does not apply, e.g. the pixel measures of a class without masks.
 *
 * @param className the class
 * @param tail whether the class is tail in this run's split
 * @param imageAuroc image AUROC
 * @param pixelAuroc pixel AUROC, or NaN
 * @param aupro AUPRO up to 30 % FPR, or NaN
 */
public record ClassScores(String className, boolean tail, double imageAuroc,
	double pixelAuroc, double aupro)
{

	/** Checks that the class is named. */
	public ClassScores {
		Objects.requireNonNull(className, "Class scores need a class name.");
	}

	/** The value of {@code metric}. */
	public double get(final Metric metric) {
		switch (metric) {
			case IMAGE_AUROC:
				return imageAuroc;
			case PIXEL_AUROC:
				return pixelAuroc;
			default:
				return aupro;
		}
	}

	/** The benchmark's measures. */
	public enum Metric {
			/** AUROC of the image scores. */
			IMAGE_AUROC,
			/** AUROC over all pixels of the class. */
			PIXEL_AUROC,
			/** Area under the per-region-overlap curve up to 30 % FPR. */
			AUPRO
	}

	/** The class groups the paper averages over. */
	public enum Group {
			/** Tail classes, C<sub>t</sub>. */
			TAIL,
			/** Head classes, C<sub>h</sub>. */
			HEAD,
			/** All classes. */
			ALL;

		/** Whether {@code scores} belongs to this group. */
		public boolean contains(final ClassScores scores) {
			return this == ALL || scores.tail() == (this == TAIL);
		}
	}
}
