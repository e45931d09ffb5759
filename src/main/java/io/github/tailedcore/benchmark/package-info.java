/**
 * The long-tail noisy benchmark of the TailedCore paper (spec §8–§9),
 * rebuilt on data sets we may use: reading MVTec-layout folders
 * ({@link io.github.tailedcore.benchmark.data}), drawing long-tailed noisy
 * training splits ({@link io.github.tailedcore.benchmark.split}), scoring
 * detectors with image AUROC, pixel AUROC and AUPRO
 * ({@link io.github.tailedcore.benchmark.metrics}), and generating
 * synthetic MVTec-layout data sets with exact defect masks
 * ({@link io.github.tailedcore.benchmark.synthetic}). This package runs the
 * protocol ({@link io.github.tailedcore.benchmark.BenchmarkRunner}: one
 * model per method on all classes, evaluated class by class, over features
 * extracted once, every image framed as one
 * {@link io.github.tailedcore.preprocess.Preprocessing} says), and {@link io.github.tailedcore.benchmark.report} writes
 * its results.
 */
package io.github.tailedcore.benchmark;
