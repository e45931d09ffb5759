/**
 * Long-tailed, noisy training splits of an MVTec-layout data set, drawn
 * as the official TailedCore data generator does (spec §8): step tails
 * (a share of the classes keeps K images), Pareto tails (class sizes follow
 * a discretised Pareto law), and defective test images added to training
 * as noise by the "overlap" protocol, the test set left untouched. Splits
 * are seeded, and written to and read from a CSV file so that a run can be
 * repeated and audited.
 */
package io.github.tailedcore.benchmark.split;
