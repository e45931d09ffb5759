/**
 * Scoring of a test image against the memory bank M (spec §7): the patch
 * score s(h, w) is the squared L2 distance from the patch to its nearest
 * memory vector (times that vector's LOF weight for SoftPatch), the image
 * score is max<sub>h,w</sub> s, and the anomaly map is s upsampled
 * bilinearly to the crop and smoothed by a Gaussian of σ = 4 px.
 * <p>
 * {@link io.github.tailedcore.scoring.Scoring} chooses which memory rows are
 * searched: all of them (the paper), or, class-aware, those that came from
 * the test image's nearest training images by global embedding
 * ({@link io.github.tailedcore.scoring.ImageNeighbors}), so that in a model
 * of several product kinds a patch of one kind does not cover a defect of
 * another.
 * </p>
 */
package io.github.tailedcore.scoring;
