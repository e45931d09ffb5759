/**
 * The benchmark's measures (spec §9): image AUROC, pixel AUROC and AUPRO
 * up to 30 % false-positive rate per class, computed exactly (ties count
 * one half, as in scikit-learn and the MVTec AD evaluation code), and their
 * means over tail, head and all classes, per seed and then over seeds.
 */
package io.github.tailedcore.benchmark.metrics;
