/**
 * The core image type {@link io.github.tailedcore.image.RasterImage} and
 * the official code's preprocessing, re-implemented to match torchvision and
 * PIL exactly: antialiased bilinear resize, centre crop, flips, replicate
 * padding, nearest-neighbour rotation, the rotated views of tail images
 * (spec §6) and input normalisation; plus a plain {@code javax.imageio}
 * file reader.
 */
package io.github.tailedcore.image;
