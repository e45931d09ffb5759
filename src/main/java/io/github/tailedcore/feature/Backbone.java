package io.github.tailedcore.feature;

/**
 * A CNN that turns a batch of normalised input crops into the feature maps
 * the detector reads (spec §2): {@code layer2} and {@code layer3} for patch
 * features, {@code embedding} for TailSampler's e<sub>i</sub>, and
 * {@code logits} for sanity checks.
 * <p>
 * Implementations must be safe to call from several threads. Close the
 * backbone to free its native memory.
 * </p>
 */
public interface Backbone extends AutoCloseable {

	/** The manifest that describes the network's input and outputs. */
	BackboneManifest manifest();

	/** Per-image shape of the {@code layer2} output (C₂ × H₂ × W₂). */
	MapShape layer2Shape();

	/** Per-image shape of the {@code layer3} output (C₃ × H₃ × W₃). */
	MapShape layer3Shape();

	/**
	 * Runs the network on {@code count} images.
	 *
	 * @param input {@code count × 3 × S × S} values, NCHW, already normalised
	 *          as the manifest says (S = {@code manifest().inputSize()});
	 *          only the first {@code count · 3 · S²} values are read
	 * @param count number of images N ≥ 1
	 * @return the four outputs for the N images
	 */
	BackboneOutput run(float[] input, int count);

	/** Frees the network; it cannot run afterwards. */
	@Override
	void close();
}
