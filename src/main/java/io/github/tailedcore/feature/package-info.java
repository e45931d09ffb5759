/**
 * CNN features of images (spec §2): backbones read from ONNX files with a
 * JSON manifest ({@link io.github.tailedcore.feature.BackboneManifest},
 * {@link io.github.tailedcore.feature.OnnxBackbone}), found or downloaded by
 * {@link io.github.tailedcore.feature.BackboneLocator}, their
 * {@code layer2}/{@code layer3} maps turned into 1024-d patch features by
 * {@link io.github.tailedcore.feature.PatchAggregator}, all behind the facade
 * {@link io.github.tailedcore.feature.FeatureExtractor}.
 */
package io.github.tailedcore.feature;
