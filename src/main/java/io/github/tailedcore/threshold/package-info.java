/**
 * Decision thresholds for anomaly scores: the label-free default a model
 * carries ({@link io.github.tailedcore.threshold.LeaveOneOutThreshold}).
 */
package io.github.tailedcore.threshold;
