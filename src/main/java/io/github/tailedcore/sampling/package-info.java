/**
 * Choosing the memory bank: the seeded random projection used for selection,
 * and greedy k-center coreset sampling S<sub>core</sub> (PatchCore; spec §3).
 */
package io.github.tailedcore.sampling;
