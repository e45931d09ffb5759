/**
 * How an image becomes the backbone's inputs, beyond the paper's resize and
 * centre crop ({@link io.github.tailedcore.image.ImagePreprocessor}): the
 * {@link io.github.tailedcore.preprocess.Framing} (crop, the full frame, or
 * overlapping tiles at a scale, {@link io.github.tailedcore.preprocess.TileGrid}),
 * the blending of the tiles' maps into one map of the whole image
 * ({@link io.github.tailedcore.preprocess.TileBlend}), the image each tile
 * belongs to ({@link io.github.tailedcore.preprocess.TileOwners}), the way
 * back from the crop to the image
 * ({@link io.github.tailedcore.preprocess.MapGeometry}),
 * the channels of a composite that feed the backbone
 * ({@link io.github.tailedcore.preprocess.Channels}) and the stretch of 16-
 * and 32-bit intensities to the backbone's 0–255 input
 * ({@link io.github.tailedcore.preprocess.Intensity}, from percentiles of
 * values at any scale, {@link io.github.tailedcore.preprocess.IntensityHistogram}). The settings,
 * {@link io.github.tailedcore.preprocess.Preprocessing}, are recorded in the
 * model file so that scoring prepares images as the fit did.
 */
package io.github.tailedcore.preprocess;
