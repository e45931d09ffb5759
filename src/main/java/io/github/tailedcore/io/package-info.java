/**
 * The versioned model file ({@code .tailedcore}): one zip archive holding a
 * JSON manifest (format version, method, settings, backbone, feature grid,
 * threshold, fit summary) and the memory bank M as raw little-endian
 * float32 rows, written atomically and checked thoroughly on reading.
 */
package io.github.tailedcore.io;
