/**
 * Data sets in the MVTec AD folder layout
 * ({@code <class>/train/good}, {@code <class>/test/<type>},
 * {@code <class>/ground_truth/<type>/<stem>_mask.png}) and PNG reading and
 * writing through {@code javax.imageio}.
 */
package io.github.tailedcore.benchmark.data;
