package io.github.tailedcore.benchmark.synthetic;

import io.github.tailedcore.benchmark.data.BinaryMask;
import io.github.tailedcore.image.RasterImage;

/**
 * A defective sample and its ground truth: the mask is true exactly where
 * the defect changed the image.
 *
 * @param image the defective image (whole grey levels)
 * @param mask the defect's pixels
 * @param kind the kind of defect drawn
 */
public record DefectSample(RasterImage image, BinaryMask mask,
	DefectKind kind)
{}
