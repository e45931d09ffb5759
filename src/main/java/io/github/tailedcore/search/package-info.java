/**
 * Nearest-neighbour search in the memory bank M under squared Euclidean
 * distance (faiss {@code IndexFlatL2}, k = 1, in the official code):
 * {@link io.github.tailedcore.search.NearestNeighborSearch} is the stage
 * interface and {@link io.github.tailedcore.search.BruteForceSearch} the
 * exact reference every faster search must agree with.
 * {@link io.github.tailedcore.search.NearestNeighborSearches#fastest} picks
 * the ONNX Runtime search (no JVM flag needed), else the blocked Vector API
 * search when {@code jdk.incubator.vector} is loaded, else the portable
 * blocked search; all agree with the reference.
 */
package io.github.tailedcore.search;
