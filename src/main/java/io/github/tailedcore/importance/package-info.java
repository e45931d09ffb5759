/**
 * Importance weighting of the training images, our formulation of the idea
 * of Zhang et al., "Mitigating Long-Tailed Anomaly Score Distributions with
 * Importance-Weighted Loss" (IJCNN 2025, arXiv 2601.02440), whose exact
 * formula is not available to us: the leave-one-image-out anomaly scores
 * s<sub>i</sub> of the normal training images have a long right tail (rare
 * normal variants score high), and the weights w<sub>i</sub> =
 * q(s<sub>i</sub>) / p(s<sub>i</sub>) move their distribution p towards a
 * target q that gives the tail more mass
 * ({@link io.github.tailedcore.importance.ImportanceWeights}). The greedy
 * coreset then picks by w · distance
 * ({@link io.github.tailedcore.sampling.WeightedGreedyCoresetSampler}).
 */
package io.github.tailedcore.importance;
