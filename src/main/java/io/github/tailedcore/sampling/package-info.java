/**
 * Choosing the memory bank: the seeded random projection used for selection,
 * and greedy k-center coreset sampling S<sub>core</sub> (PatchCore; spec §3),
 * by brute force ({@link io.github.tailedcore.sampling.GreedyCoresetSampler},
 * the reference) or, with the same picks, skipping the distances that float
 * dot products, computed for many picks at once, prove useless and the
 * blocks of points that cannot hold the next pick
 * ({@link io.github.tailedcore.sampling.TiledGreedyCoresetSampler}); and
 * the importance-weighted variant that picks by w · distance
 * ({@link io.github.tailedcore.sampling.WeightedGreedyCoresetSampler}).
 */
package io.github.tailedcore.sampling;
