/**
 * The ImageJ 1.x side of the plugin: converters from {@code ImagePlus} and
 * ImgLib2 images to the core's
 * {@link io.github.tailedcore.image.RasterImage}, image files opened through
 * {@code IJ.openImage}, the anomaly map brought back onto the original pixel
 * grid ({@link io.github.tailedcore.preprocess.MapGeometry}), the heatmap overlay
 * with its anomaly outlines, and the results table.
 * <p>
 * Everything here works in a truly headless JVM: no class opens a window,
 * and the ROI Manager is touched only when asked and a display exists.
 * </p>
 */
package io.github.tailedcore.ij;
