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
 * @param edgeAuroc image AUROC of the defect-free test images against the
 *          edge defects (defective images whose defect reaches into the
 *          frame the paper's centre crop cuts), or NaN without masks or
 *          without such defects
 * @param edgeDefects the number of those edge defects
 */
public record ClassScores(String className, boolean tail, double imageAuroc,
	double pixelAuroc, double aupro, double edgeAuroc, int edgeDefects)
{

	/** Checks that the class is named. */
	public ClassScores {
		Objects.requireNonNull(className, "Class scores need a class name.");
	}

	/** Scores without an edge-defect measure. */
	public ClassScores(final String className, final boolean tail,
		final double imageAuroc, final double pixelAuroc, final double aupro)
	{
		this(className, tail, imageAuroc, pixelAuroc, aupro, Double.NaN, 0);
	}

	/** The value of {@code metric}. */
	public double get(final Metric metric) {
		return switch (metric) {
			case IMAGE_AUROC -> imageAuroc;
			case PIXEL_AUROC -> pixelAuroc;
			case AUPRO -> aupro;
			case EDGE_AUROC -> edgeAuroc;
		};
	}

	/** The benchmark's measures. */
	public enum Metric {
			/** AUROC of the image scores. */
			IMAGE_AUROC,
			/** AUROC over all pixels of the class. */
			PIXEL_AUROC,
			/** Area under the per-region-overlap curve up to 30 % FPR. */
			AUPRO,
			/** AUROC of the defect-free images against the edge defects. */
			EDGE_AUROC
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
