package io.github.tailedcore.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tailedcore.Method;
import io.github.tailedcore.Progress;
import io.github.tailedcore.TailedCore;
import io.github.tailedcore.TailedCoreModel;
import io.github.tailedcore.TailedCoreSettings;
import io.github.tailedcore.image.ImageIoReader;
import io.github.tailedcore.scoring.AnomalyScorer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backbone the plugin jar carries: found with no backbone files on the
 * machine, unpacked once and verified, never preferred over a user's own
 * files, and a working network (it names a photo and a fit on it finds a
 * defect). Needs nothing outside the repository.
 */
class BundledBackbonesTest {

	/** SHA-256 of the bundled ONNX file, as its manifest states. */
	private static final String SHA256 =
		"6bbfea0fd16d93cd55b1077e8b37f7b233c4a74164b6c76cfc5ea07bf6fd4e72";
	private static final String NAME = BackboneLocator.DEFAULT_BACKBONE;
	/** ImageNet class 249, malamute. */
	private static final int MALAMUTE = 249;

	@TempDir
	static Path shared;
	private static FeatureExtractor extractor;

	@TempDir
	Path dir;

	@BeforeAll
	static void unpackOnce() throws IOException {
		extractor = FeatureExtractor.open(locator(shared.resolve("models")).find(
			NAME));
	}

	@AfterAll
	static void close() {
		extractor.close();
	}

	@Test
	void theJarCarriesTheDefaultBackboneOnly() {
		assertTrue(BundledBackbones.has(NAME));
		assertFalse(BundledBackbones.has("squeezenet1_1_imagenet"));
		assertFalse(BundledBackbones.has("../backbones/" + NAME));
	}

	@Test
	void aMachineWithoutBackboneFilesUnpacksTheDefaultIntoTheFirstWritableFolder()
		throws IOException
	{
		final Path models = dir.resolve("home/.tailedcore/models");
		final BackboneLocator.Located found = locator(models).find(NAME);
		assertEquals(models.resolve(NAME + ".onnx"), found.onnxFile());
		assertEquals(models.resolve(NAME + ".json").toAbsolutePath(), found
			.manifest().source());
		assertEquals(SHA256, found.manifest().sha256());
		assertEquals(SHA256, Sha256.of(found.onnxFile()));
		assertEquals(List.of(NAME + ".json", NAME + ".onnx"), list(models));
		final Set<PosixFilePermission> umask = Files.getPosixFilePermissions(Files
			.createFile(dir.resolve("new")));
		assertEquals(umask, Files.getPosixFilePermissions(found.onnxFile()),
			"the mode of any new file, so that a shared folder stays shared");
		assertEquals(umask, Files.getPosixFilePermissions(found.manifest()
			.source()));
	}

	@Test
	void unpacksOnceAndThenFindsTheFilesOnDisk() throws IOException {
		final BackboneLocator locator = locator(dir);
		final Path onnx = locator.find(NAME).onnxFile();
		final FileTime old = FileTime.fromMillis(1_000_000_000_000L);
		Files.setLastModifiedTime(onnx, old);
		assertEquals(onnx, locator.find(NAME).onnxFile());
		assertEquals(old, Files.getLastModifiedTime(onnx), "not written again");
	}

	@Test
	void aUsersOwnBackboneOfTheSameNameTakesPrecedence() throws IOException {
		final Path own = Files.createDirectories(dir.resolve("own"));
		final Path writable = dir.resolve("writable");
		Files.writeString(own.resolve(NAME + ".json"), manifestText().replace(
			SHA256, "0".repeat(64)));
		Files.write(own.resolve(NAME + ".onnx"), new byte[] { 1, 2, 3 });
		final BackboneLocator.Located found = new BackboneLocator(List.of(writable,
			own), null).find(NAME);
		assertEquals(own.resolve(NAME + ".onnx"), found.onnxFile());
		assertEquals("0".repeat(64), found.manifest().sha256());
		assertFalse(Files.exists(writable), "nothing unpacked");
	}

	@Test
	void aBrokenOnnxFileWithoutItsManifestIsReplaced() throws IOException {
		Files.write(dir.resolve(NAME + ".onnx"), new byte[] { 7 });
		assertEquals(SHA256, Sha256.of(locator(dir).find(NAME).onnxFile()));
	}

	@Test
	void aCopyWithTheWrongChecksumLeavesNothingBehind() throws IOException {
		final Path target = dir.resolve("x.onnx");
		final InputStream bytes = new ByteArrayInputStream("abc".getBytes(
			StandardCharsets.UTF_8));
		final IOException e = assertThrows(IOException.class, () -> VerifiedFile
			.write(bytes, target, "0".repeat(64), "the test bytes"));
		assertTrue(e.getMessage().contains("the test bytes"), e.getMessage());
		assertTrue(e.getMessage().contains(Sha256.of("abc".getBytes(
			StandardCharsets.UTF_8))), e.getMessage());
		assertEquals(List.of(), list(dir));
	}

	@Test
	void theBundledNetworkNamesAPhoto() throws IOException, URISyntaxException {
		final float[] logits = extractor.extract(ImageIoReader.read(Paths.get(
			BundledBackbonesTest.class.getResource("dog.jpg").toURI()))).logits();
		double max = Double.NEGATIVE_INFINITY;
		int top = -1;
		for (int i = 0; i < logits.length; i++)
			if (logits[i] > max) {
				max = logits[i];
				top = i;
			}
		double sum = 0;
		for (final float v : logits)
			sum += Math.exp(v - max);
		assertEquals(MALAMUTE, top);
		assertEquals(0.73, 1 / sum, 0.02, "top-1 probability");
	}

	@Test
	void aFitOnTheBundledNetworkFindsAHole() throws IOException {
		final Path grid = Paths.get("test-images", "grid");
		final TailedCoreModel model = new TailedCore(TailedCoreSettings.builder()
			.method(Method.PATCHCORE).build(), null).fit(images(grid.resolve(
				"train/good")).stream().map(ImageSource::of).collect(Collectors
					.toList()), extractor, Progress.none());
		assertEquals(new BackboneId(NAME, SHA256), model.backbone());
		final AnomalyScorer scorer = TailedCore.scorer(model);
		double good = 0;
		for (final Path p : images(grid.resolve("test/good")))
			good = Math.max(good, score(scorer, p));
		final double hole = score(scorer, grid.resolve("test/hole/000.png"));
		assertTrue(hole > good, "hole " + hole + " vs good at most " + good);
	}

	private static double score(final AnomalyScorer scorer, final Path image)
		throws IOException
	{
		final ImageFeatures f = extractor.extract(ImageIoReader.read(image));
		return scorer.score(f.patches(), f.embedding()).imageScore();
	}

	private static BackboneLocator locator(final Path folder) {
		return new BackboneLocator(List.of(folder), null);
	}

	private static String manifestText() throws IOException {
		try (InputStream in = BundledBackbones.class.getResourceAsStream(
			"backbones/" + NAME + ".json"))
		{
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static List<Path> images(final Path folder) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			return files.sorted().collect(Collectors.toList());
		}
	}

	private static List<String> list(final Path folder) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			return files.map(p -> p.getFileName().toString()).sorted().collect(
				Collectors.toList());
		}
	}
}
