package io.github.tailedcore.feature;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.google.gson.annotations.SerializedName;

import io.github.tailedcore.image.InputNormalization;
import io.github.tailedcore.image.InputNormalization.ChannelOrder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The JSON file that describes a backbone ONNX file: where it is, its
 * checksum, how to build its input and what its four outputs hold.
 *
 * <pre>
 * { "name": "mobilenet_v2_imagenet", "file": "mobilenet_v2_imagenet.onnx",
 *   "sha256": "6bbf…", "url": "https://… (optional)",
 *   "input": { "name": "image", "size": 224, "resize": 256,
 *              "channel_order": "RGB", "scale": 0.0039215686,
 *              "mean": [0.485, 0.456, 0.406], "std": [0.229, 0.224, 0.225] },
 *   "outputs": { "layer2": { "stride": 8, "channels": 32 },
 *                "layer3": { "stride": 16, "channels": 96 },
 *                "embedding": { "dims": 1280 }, "logits": { "classes": 1000 } } }
 * </pre>
 * <p>
 * {@code layer2} and {@code layer3} are the two patch-feature maps (spec §2:
 * 512 and 1024 channels for wide_resnet50_2), {@code embedding} is the
 * global image embedding e<sub>i</sub> TailSampler compares, and
 * {@code logits} the ImageNet scores used to check that inputs are fed
 * correctly. Immutable.
 * </p>
 */
public final class BackboneManifest {

	private final Path source;
	private final String name;
	private final String file;
	private final String sha256;
	private final String url;
	private final String inputName;
	private final int size;
	private final int resize;
	private final InputNormalization normalization;
	private final int layer2Channels;
	private final int layer3Channels;
	private final int embeddingDims;
	private final int logitClasses;

	private BackboneManifest(final Path source, final Json json) {
		this.source = source;
		name = require(json.name, "name");
		file = require(json.file, "file");
		sha256 = json.sha256 == null ? "" : json.sha256.toLowerCase();
		url = json.url;
		final Input in = require(json.input, "input");
		inputName = in.name == null ? "image" : in.name;
		size = positive(in.size, "input.size");
		resize = in.resize == null ? size : positive(in.resize, "input.resize");
		if (resize < size) throw invalid("its input.resize (" + resize +
			") is smaller than its input.size (" + size + ")");
		try {
			normalization = new InputNormalization(ChannelOrder.parse(require(
				in.channelOrder, "input.channel_order")), require(in.scale,
					"input.scale"), require(in.mean, "input.mean"), require(in.std,
						"input.std"));
		}
		catch (final IllegalArgumentException e) {
			throw invalid(e.getMessage());
		}
		final Outputs out = require(json.outputs, "outputs");
		layer2Channels = positive(require(out.layer2, "outputs.layer2").channels,
			"outputs.layer2.channels");
		layer3Channels = positive(require(out.layer3, "outputs.layer3").channels,
			"outputs.layer3.channels");
		embeddingDims = positive(require(out.embedding, "outputs.embedding").dims,
			"outputs.embedding.dims");
		logitClasses = positive(require(out.logits, "outputs.logits").classes,
			"outputs.logits.classes");
	}

	/**
	 * Reads a manifest file.
	 *
	 * @throws IOException naming the file if it is missing, not JSON, or lacks
	 *           a required field
	 */
	public static BackboneManifest read(final Path jsonFile) throws IOException {
		if (!Files.isRegularFile(jsonFile)) throw new NoSuchFileException(jsonFile
			.toString(), null, "The backbone manifest does not exist.");
		return parse(new String(Files.readAllBytes(jsonFile),
			StandardCharsets.UTF_8), jsonFile);
	}

	/**
	 * Parses the text of a manifest that is, or will be, the file
	 * {@code jsonFile} (its ONNX file is looked for beside it).
	 *
	 * @throws IOException naming the file if the text is not JSON or lacks a
	 *           required field
	 */
	public static BackboneManifest parse(final String text, final Path jsonFile)
		throws IOException
	{
		try {
			final Json json = new Gson().fromJson(text, Json.class);
			if (json == null) throw new InvalidManifest(jsonFile, "it is empty");
			return new BackboneManifest(jsonFile.toAbsolutePath(), json);
		}
		catch (final JsonParseException e) {
			throw new IOException("The backbone manifest " + jsonFile +
				" is not valid JSON: " + e.getMessage(), e);
		}
		catch (final InvalidManifest e) {
			throw new IOException(e.getMessage(), e);
		}
	}

	/** The manifest file this was read from (absolute). */
	public Path source() {
		return source;
	}

	/** Backbone name, e.g. {@code mobilenet_v2_imagenet}. */
	public String name() {
		return name;
	}

	/** ONNX file name, relative to the manifest's folder. */
	public String file() {
		return file;
	}

	/** The ONNX file beside the manifest. */
	public Path onnxFile() {
		return source.resolveSibling(file);
	}

	/** Lower-case hex SHA-256 of the ONNX file, or empty if not given. */
	public String sha256() {
		return sha256;
	}

	/** Where the ONNX file can be downloaded, or {@code null}. */
	public String url() {
		return url;
	}

	/** Name of the network's single input tensor. */
	public String inputName() {
		return inputName;
	}

	/** Side of the square input crop (224). */
	public int inputSize() {
		return size;
	}

	/** Shorter side after resizing, before the crop (256). */
	public int resize() {
		return resize;
	}

	/** Channel order, scale, mean and std of the input tensor. */
	public InputNormalization normalization() {
		return normalization;
	}

	/** Channels of the {@code layer2} output (stride ≈ 8). */
	public int layer2Channels() {
		return layer2Channels;
	}

	/** Channels of the {@code layer3} output (stride ≈ 16). */
	public int layer3Channels() {
		return layer3Channels;
	}

	/** Dimensions of the {@code embedding} output e<sub>i</sub>. */
	public int embeddingDims() {
		return embeddingDims;
	}

	/** Number of classes of the {@code logits} output. */
	public int logitClasses() {
		return logitClasses;
	}

	@Override
	public String toString() {
		return name + " (" + source + ")";
	}

	private <T> T require(final T value, final String key) {
		if (value == null) throw invalid("it has no '" + key + "'");
		return value;
	}

	private int positive(final Integer value, final String key) {
		if (require(value, key) < 1) throw invalid("its '" + key +
			"' must be positive, got " + value);
		return value;
	}

	private InvalidManifest invalid(final String why) {
		return new InvalidManifest(source, why);
	}

	/** A manifest field is missing or wrong; turned into an IOException. */
	private static final class InvalidManifest extends RuntimeException {

		InvalidManifest(final Path file, final String why) {
			super("The backbone manifest " + file + " is invalid: " + why +
				". Fix that field, or export the backbone again with " +
				"scripts/export_backbone.py.");
		}
	}

	// -- JSON layout, filled by Gson --

	private static final class Json {

		String name, file, sha256, url;
		Input input;
		Outputs outputs;
	}

	private static final class Input {

		String name;
		Integer size, resize;
		@SerializedName("channel_order")
		String channelOrder;
		Double scale;
		double[] mean, std;
	}

	private static final class Outputs {

		Layer layer2, layer3;
		Layer embedding, logits;
	}

	private static final class Layer {

		Integer stride, channels, dims, classes;
	}
}
