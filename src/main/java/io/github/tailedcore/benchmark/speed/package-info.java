/**
 * Pieces of the {@code bench-speed} command: the machine's FMA peak
 * ({@link io.github.tailedcore.benchmark.speed.FmaPeak}) and real patch
 * features for timing the coreset
 * ({@link io.github.tailedcore.benchmark.speed.CoresetPoints}).
 */
package io.github.tailedcore.benchmark.speed;
