/**
 * Seeded synthetic data sets in the MVTec AD layout, for benchmarks with
 * many classes and for the repository's example images: defect-free
 * samples are shifted, flipped, slightly re-lit views of a tileable pattern
 * (a texture file or a procedural one), defective samples carry a drawn
 * defect (scratch, stain, hole, missing pattern, colour blotch) whose 0/255
 * mask marks exactly the pixels it changed.
 */
package io.github.tailedcore.benchmark.synthetic;
