/**
 * Decision thresholds for anomaly scores: the label-free default a model
 * carries ({@link io.github.tailedcore.threshold.LeaveOneOutThreshold}) and
 * the F1-optimal one for when labelled images exist
 * ({@link io.github.tailedcore.threshold.F1OptimalThreshold}).
 */
package io.github.tailedcore.threshold;
