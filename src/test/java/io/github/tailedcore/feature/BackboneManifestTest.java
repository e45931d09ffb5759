package io.github.tailedcore.feature;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tailedcore.image.InputNormalization.ChannelOrder;
import io.github.tailedcore.image.RasterImage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the shared manifests, and clear errors for broken ones. */
class BackboneManifestTest {

	@TempDir
	Path dir;

	@Test
	void readsTheSharedMobileNetManifest() throws IOException {
		final Path file = SharedFiles.models().resolve(
			"mobilenet_v2_imagenet.json");
		final BackboneManifest m = BackboneManifest.read(file);
		assertEquals("mobilenet_v2_imagenet", m.name());
		assertEquals(file.toAbsolutePath().resolveSibling(
			"mobilenet_v2_imagenet.onnx"), m.onnxFile());
		assertEquals(
			"6bbfea0fd16d93cd55b1077e8b37f7b233c4a74164b6c76cfc5ea07bf6fd4e72", m
				.sha256());
		assertNull(m.url());
		assertEquals("image", m.inputName());
		assertEquals(224, m.inputSize());
		assertEquals(256, m.resize());
		assertEquals(32, m.layer2Channels());
		assertEquals(96, m.layer3Channels());
		assertEquals(1280, m.embeddingDims());
		assertEquals(1000, m.logitClasses());
		assertEquals(ChannelOrder.RGB, m.normalization().order());
	}

	@Test
	void readsTheCaffeNormalisationOfSqueezeNet() throws IOException {
		final BackboneManifest m = BackboneManifest.read(SharedFiles.models()
			.resolve("squeezenet1_1_imagenet.json"));
		assertEquals(ChannelOrder.BGR, m.normalization().order());
		final float[] t = new float[3];
		m.normalization().write(new RasterImage(1, 1, new float[] { 200 },
			new float[] { 150 }, new float[] { 100 }), t, 0);
		assertArrayEquals(new float[] { 100 - 104, 150 - 117, 200 - 123 }, t);
	}

	@Test
	void missingFileIsNamed() {
		final Path missing = dir.resolve("none.json");
		final IOException e = assertThrows(IOException.class,
			() -> BackboneManifest.read(missing));
		assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
	}

	@Test
	void invalidJsonIsNamed() throws IOException {
		final Path file = dir.resolve("broken.json");
		Files.writeString(file, "{ \"name\": ");
		final IOException e = assertThrows(IOException.class,
			() -> BackboneManifest.read(file));
		assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
		assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
	}

	@Test
	void missingFieldsAreNamed() throws IOException {
		final String full = Files.readString(SharedFiles.models().resolve(
			"mobilenet_v2_imagenet.json"));
		assertFieldError(full.replace("\"size\": 224,", ""), "input.size");
		assertFieldError(full.replace("\"layer3\"", "\"layerX\""), "outputs.layer3");
		assertFieldError(full.replace("\"channel_order\": \"RGB\"",
			"\"channel_order\": \"RGBA\""), "RGBA");
		assertFieldError(full.replace("\"dims\": 1280", "\"dims\": 0"),
			"outputs.embedding.dims");
	}

	private void assertFieldError(final String json, final String expected)
		throws IOException
	{
		final Path file = dir.resolve("bad.json");
		Files.writeString(file, json);
		final IOException e = assertThrows(IOException.class,
			() -> BackboneManifest.read(file));
		assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
		assertTrue(e.getMessage().contains(expected), e.getMessage());
	}
}
