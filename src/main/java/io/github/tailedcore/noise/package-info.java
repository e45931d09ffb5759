/**
 * Noise discrimination for the head branch, S<sub>clean</sub>: the
 * SoftPatch-style filter that removes training patches with a high local
 * outlier factor among the patches at the same location (spec §4): the
 * paper's fixed share, or (TailedCore's default) only the patches of that
 * share that LOF calls outliers ({@link io.github.tailedcore.noise.NoiseThreshold}).
 */
package io.github.tailedcore.noise;
