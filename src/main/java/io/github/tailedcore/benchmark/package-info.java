/**
 * The long-tail noisy benchmark of the TailedCore paper (spec §8–§9),
 * rebuilt on data sets we may use: reading MVTec-layout folders
 * ({@link io.github.tailedcore.benchmark.data}), drawing long-tailed noisy
 * training splits ({@link io.github.tailedcore.benchmark.split}), scoring
 * detectors with image AUROC, pixel AUROC and AUPRO
 * ({@link io.github.tailedcore.benchmark.metrics}), and generating
 * synthetic MVTec-layout data sets with exact defect masks
 * ({@link io.github.tailedcore.benchmark.synthetic}).
 */
package io.github.tailedcore.benchmark;
