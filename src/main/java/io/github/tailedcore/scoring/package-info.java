/**
 * Scoring of a test image against the memory bank M (spec §7): the patch
 * score s(h, w) is the squared L2 distance from the patch to its nearest
 * memory vector (times that vector's LOF weight for SoftPatch), the image
 * score is max<sub>h,w</sub> s, and the anomaly map is s upsampled
 * bilinearly to the crop and smoothed by a Gaussian of σ = 4 px.
 */
package io.github.tailedcore.scoring;
