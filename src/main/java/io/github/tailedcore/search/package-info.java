/**
 * Nearest-neighbour search in the memory bank M under squared Euclidean
 * distance (faiss {@code IndexFlatL2}, k = 1, in the official code):
 * {@link io.github.tailedcore.search.NearestNeighborSearch} is the stage
 * interface and {@link io.github.tailedcore.search.BruteForceSearch} the
 * exact reference every faster search must agree with.
 */
package io.github.tailedcore.search;
