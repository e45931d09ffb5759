package io.github.tailedcore.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tailedcore.image.ImageIoReader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads both shared backbones once and checks that they are fed correctly
 * (the photos' ImageNet classes, as listed in shared/photos/README.md), that
 * grids come from the output shapes, and that bad files fail with an error
 * naming the file.
 */
class OnnxBackboneTest {

	/** Photo → acceptable top-1 classes, from shared/photos/README.md. */
	private static final Map<String, List<String>> EXPECTED = Map.of( //
		"dog.jpg", List.of("malamute", "Eskimo dog", "Siberian husky", "dogsled"),
		"eagle.jpg", List.of("kite", "vulture", "bald eagle"), //
		"coffee.png", List.of("espresso", "cup", "coffee mug"), //
		"chelsea.png", List.of("tabby", "tiger cat", "Egyptian cat"));

	private static FeatureExtractor mobilenet;
	private static FeatureExtractor squeezenet;

	@BeforeAll
	static void load() throws IOException {
		mobilenet = FeatureExtractor.open(SharedFiles.models().resolve(
			"mobilenet_v2_imagenet.json"));
		squeezenet = FeatureExtractor.open(SharedFiles.models().resolve(
			"squeezenet1_1_imagenet.json"));
	}

	@AfterAll
	static void close() {
		if (mobilenet != null) mobilenet.close();
		if (squeezenet != null) squeezenet.close();
	}

	@Test
	void mobileNetNamesThePhotos() throws IOException {
		assertPhotosClassified(mobilenet);
	}

	/**
	 * shared/models/README.md gives MobileNetV2's top-1 probabilities on the
	 * photos: malamute 0.73, Egyptian cat 0.72, espresso 0.99, kite 0.40. An
	 * off-by-a-pixel crop or a wrong normalisation moves them by more than
	 * the 0.02 allowed here.
	 */
	@Test
	void mobileNetProbabilitiesMatchTheReadme() throws IOException {
		final Map<String, Double> readme = Map.of("dog.jpg", 0.73, "chelsea.png",
			0.72, "coffee.png", 0.99, "eagle.jpg", 0.40);
		for (final Map.Entry<String, Double> e : readme.entrySet()) {
			final float[] logits = mobilenet.extract(ImageIoReader.read(SharedFiles
				.photos().resolve(e.getKey()))).logits();
			double max = Double.NEGATIVE_INFINITY;
			for (final float v : logits)
				max = Math.max(max, v);
			double sum = 0;
			for (final float v : logits)
				sum += Math.exp(v - max);
			assertEquals(e.getValue(), 1 / sum, 0.02, e.getKey());
		}
	}

	@Test
	void squeezeNetNamesThePhotos() throws IOException {
		assertPhotosClassified(squeezenet);
	}

	@Test
	void gridsComeFromTheOutputShapes() {
		assertEquals(new MapShape(32, 28, 28), mobilenet.backbone().layer2Shape());
		assertEquals(new MapShape(96, 14, 14), mobilenet.backbone().layer3Shape());
		assertEquals(new FeatureGrid(28, 28, 1024, 224), mobilenet.grid());
		assertEquals(new MapShape(256, 27, 27), squeezenet.backbone()
			.layer2Shape());
		assertEquals(new MapShape(512, 13, 13), squeezenet.backbone()
			.layer3Shape());
		assertEquals(new FeatureGrid(27, 27, 1024, 224), squeezenet.grid());
	}

	@Test
	void backboneIdIsNameAndFileChecksum() throws IOException {
		final BackboneManifest m = BackboneManifest.read(SharedFiles.models()
			.resolve("squeezenet1_1_imagenet.json"));
		assertEquals(new BackboneId("squeezenet1_1_imagenet", m.sha256()),
			squeezenet.backboneId());
	}

	@Test
	void randomBytesAreRefusedNamingTheFile(@TempDir final Path dir)
		throws IOException
	{
		final byte[] junk = new byte[4096];
		new Random(1).nextBytes(junk);
		final Path onnx = dir.resolve("junk.onnx");
		Files.write(onnx, junk);
		final BackboneManifest m = manifestFor(dir, "junk.onnx",
			"squeezenet1_1_imagenet.json");
		final IOException e = assertThrows(IOException.class, () -> OnnxBackbone
			.load(m));
		assertTrue(e.getMessage().contains(onnx.toString()), e.getMessage());
		assertTrue(e.getMessage().contains("not a valid ONNX model"), e
			.getMessage());
	}

	@Test
	void missingFileIsRefusedNamingIt(@TempDir final Path dir)
		throws IOException
	{
		final BackboneManifest m = manifestFor(dir, "absent.onnx",
			"squeezenet1_1_imagenet.json");
		final IOException e = assertThrows(IOException.class, () -> OnnxBackbone
			.load(m));
		assertTrue(e.getMessage().contains("absent.onnx"), e.getMessage());
	}

	@Test
	void wrongOutputNamesAreRefused(@TempDir final Path dir) throws IOException {
		Files.write(dir.resolve("identity.onnx"), TinyOnnx.identity("image",
			"features"));
		final BackboneManifest m = manifestFor(dir, "identity.onnx",
			"squeezenet1_1_imagenet.json");
		final IOException e = assertThrows(IOException.class, () -> OnnxBackbone
			.load(m));
		assertTrue(e.getMessage().contains(dir.resolve("identity.onnx")
			.toString()), e.getMessage());
		assertTrue(e.getMessage().contains("no output named 'layer2'"), e
			.getMessage());
	}

	@Test
	void wrongInputNameIsRefused(@TempDir final Path dir) throws IOException {
		Files.write(dir.resolve("identity.onnx"), TinyOnnx.identity("pixels",
			"layer2"));
		final BackboneManifest m = manifestFor(dir, "identity.onnx",
			"squeezenet1_1_imagenet.json");
		final IOException e = assertThrows(IOException.class, () -> OnnxBackbone
			.load(m));
		assertTrue(e.getMessage().contains("not the single input 'image'"), e
			.getMessage());
	}

	@Test
	void channelCountsMustMatchTheManifest(@TempDir final Path dir)
		throws IOException
	{
		final Path onnx = SharedFiles.models().resolve(
			"squeezenet1_1_imagenet.onnx");
		final String json = Files.readString(SharedFiles.models().resolve(
			"squeezenet1_1_imagenet.json")).replace("\"channels\": 256",
				"\"channels\": 128");
		final Path manifest = dir.resolve("wrong.json");
		Files.writeString(manifest, json);
		final IOException e = assertThrows(IOException.class, () -> OnnxBackbone
			.load(BackboneManifest.read(manifest), onnx));
		assertTrue(e.getMessage().contains(onnx.toString()), e.getMessage());
		assertTrue(e.getMessage().contains("output 'layer2' has shape [1, 256, 27, 27]"),
			e.getMessage());
	}

	private static void assertPhotosClassified(final FeatureExtractor fx)
		throws IOException
	{
		final List<String> classes = SharedFiles.imagenetClasses();
		for (final Map.Entry<String, List<String>> e : EXPECTED.entrySet()) {
			final ImageFeatures f = fx.extract(ImageIoReader.read(SharedFiles
				.photos().resolve(e.getKey())));
			final String top = classes.get(f.topClass());
			assertTrue(e.getValue().stream().anyMatch(top::startsWith), fx
				.backboneId().name() + " calls " + e.getKey() + " '" + top +
				"', expected one of " + e.getValue());
			assertEquals(fx.grid().locations() * 1024, f.patches().length);
			assertEquals(fx.backbone().manifest().embeddingDims(), f
				.embedding().length);
		}
	}

	/** A copy of a shared manifest in {@code dir} naming another ONNX file. */
	static BackboneManifest manifestFor(final Path dir, final String onnx,
		final String sharedManifest) throws IOException
	{
		final String json = Files.readString(SharedFiles.models().resolve(
			sharedManifest), StandardCharsets.UTF_8);
		final String original = json.replaceAll("(?s).*\"file\": \"([^\"]+)\".*",
			"$1");
		final Path out = dir.resolve(onnx.replace(".onnx", "") + ".json");
		Files.writeString(out, json.replace(original, onnx));
		return BackboneManifest.read(out);
	}

}
