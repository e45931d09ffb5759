package io.github.tailedcore.feature;

import io.github.tailedcore.linalg.FeatureMatrix;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A stand-in network: layer2 channel c (of 3) is image channel c's 4 × 4
 * block means, layer3 its 2 × 2 block means, the embedding the three
 * channel means and the logits their negatives.
 */
public final class MeanBackbone implements Backbone {

	/** The batch size of each run. */
	public final List<Integer> batchSizes = new ArrayList<>();
	private final BackboneManifest manifest;
	private boolean closed;
	private final MapShape l2 = new MapShape(3, 4, 4);
	private final MapShape l3 = new MapShape(3, 2, 2);

	/** @param manifest what {@link #manifest()} gives (input size 224) */
	public MeanBackbone(final BackboneManifest manifest) {
		this.manifest = manifest;
	}

	/** The stand-in with MobileNetV2's manifest from {@code ../shared/models}. */
	public static MeanBackbone withMobileNetManifest() throws IOException {
		return new MeanBackbone(BackboneManifest.read(SharedFiles.models().resolve(
			"mobilenet_v2_imagenet.json")));
	}

	/** Whether {@link #close()} was called. */
	public boolean closed() {
		return closed;
	}

	@Override
	public BackboneManifest manifest() {
		return manifest;
	}

	@Override
	public MapShape layer2Shape() {
		return l2;
	}

	@Override
	public MapShape layer3Shape() {
		return l3;
	}

	@Override
	public BackboneOutput run(final float[] input, final int count) {
		batchSizes.add(count);
		final int s = 224;
		final float[] a = new float[count * l2.size()];
		final float[] b = new float[count * l3.size()];
		final float[] e = new float[count * 3];
		final float[] k = new float[count * 3];
		for (int n = 0; n < count; n++)
			for (int c = 0; c < 3; c++) {
				final int base = (n * 3 + c) * s * s;
				double sum = 0;
				for (int p = 0; p < s * s; p++) {
					final float v = input[base + p];
					final int y = p / s;
					final int x = p % s;
					a[n * l2.size() + (c * 4 + y / 56) * 4 + x / 56] += v / (56 * 56);
					b[n * l3.size() + (c * 2 + y / 112) * 2 + x / 112] += v / (112 *
						112);
					sum += v;
				}
				e[n * 3 + c] = (float) (sum / (s * s));
				k[n * 3 + c] = -e[n * 3 + c];
			}
		return new BackboneOutput(new FeatureMaps(count, l2, a), new FeatureMaps(
			count, l3, b), new FeatureMatrix(count, 3, e), new FeatureMatrix(count,
				3, k));
	}

	@Override
	public void close() {
		closed = true;
	}
}
