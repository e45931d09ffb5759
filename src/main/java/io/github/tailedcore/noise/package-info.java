/**
 * Noise discrimination for the head branch, S<sub>clean</sub>: the
 * SoftPatch-style filter that removes training patches with a high local
 * outlier factor among the patches at the same location (spec §4).
 */
package io.github.tailedcore.noise;
