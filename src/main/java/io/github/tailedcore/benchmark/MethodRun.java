package io.github.tailedcore.benchmark;

import io.github.tailedcore.benchmark.metrics.ClassScores;
import io.github.tailedcore.benchmark.split.TailShape;
import io.github.tailedcore.importance.ImageImportance;

import java.util.List;

/**
 * The outcome of one method on one split: its per-class measures, the size
 * of its memory bank, what its tail branch found, and how long it took.
 *
 * @param shape the tail of the split
 * @param seed the data seed of the split
 * @param method the method
 * @param scores one entry per class, in the split's class order
 * @param memory |M|, the memory bank size
 * @param tail TailSampler's findings, or {@code null} for methods without
 *          a tail branch
 * @param fitSeconds time of the fit
 * @param scoreSeconds time of scoring and evaluating the test images
 * @param importance the training images' leave-one-image-out scores and
 *          importance weights, or {@code null} without weighting
 */
public record MethodRun(TailShape shape, long seed, BenchmarkMethod method,
	List<ClassScores> scores, int memory, TailReport tail, double fitSeconds,
	double scoreSeconds, ImageImportance importance)
{

	/** Copies the score list. */
	public MethodRun {
		scores = List.copyOf(scores);
	}
}
