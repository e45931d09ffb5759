/**
 * The outputs of a benchmark run: {@code results.csv} (one row per shape,
 * seed, method and class), {@code results.md} (the paper's C<sub>t</sub> /
 * C<sub>h</sub> / all table per measure, with per-seed, per-class and
 * TailSampler detail and the time per stage) and a bar chart drawn with
 * Java2D.
 */
package io.github.tailedcore.benchmark.report;
