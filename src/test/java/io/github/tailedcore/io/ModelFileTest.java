package io.github.tailedcore.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.github.tailedcore.FitSummary;
import io.github.tailedcore.Method;
import io.github.tailedcore.TailedCoreModel;
import io.github.tailedcore.TailedCoreSettings;
import io.github.tailedcore.Threshold;
import io.github.tailedcore.feature.BackboneId;
import io.github.tailedcore.feature.FeatureGrid;
import io.github.tailedcore.importance.ImportanceWeighting;
import io.github.tailedcore.linalg.FeatureMatrix;
import io.github.tailedcore.memory.MemoryBank;
import io.github.tailedcore.noise.NoiseThreshold;
import io.github.tailedcore.scoring.AnomalyScorer;
import io.github.tailedcore.scoring.ImageNeighbors;
import io.github.tailedcore.scoring.Scoring;
import io.github.tailedcore.tail.TailAugmentation;
import io.github.tailedcore.tail.TailEstimation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import io.github.tailedcore.preprocess.Framing;
import io.github.tailedcore.preprocess.Intensity;
import io.github.tailedcore.preprocess.Preprocessing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {

	static final BackboneId BACKBONE = new BackboneId(
		"mobilenet_v2_imagenet",
		"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");

	@TempDir
	Path dir;

	@Test
	void roundTripKeepsEveryField() throws IOException {
		final TailedCoreModel model = model(true, new Threshold(17.25,
			"0.99 quantile of 12 training scores"));
		final Path file = dir.resolve("screws" + ModelFile.EXTENSION);
		ModelFile.save(model, file);
		final TailedCoreModel back = ModelFile.load(file);

		assertEquals(model.settings().toString(), back.settings().toString());
		final TailedCoreSettings s = back.settings();
		assertEquals(Method.SOFTPATCH, s.method());
		assertEquals(0.05, s.coresetRatio());
		assertEquals(64, s.projectionDim());
		assertEquals(5, s.lofNeighbors());
		assertEquals(0.2, s.noiseDropFraction());
		assertFalse(s.tailBranch());
		assertEquals(0.8, s.tailPercentile());
		assertEquals(0.1, s.tailCapFraction());
		assertEquals(TailEstimation.PAPER, s.tailEstimation());
		assertEquals(TailAugmentation.ROT30FLIP, s.tailAugmentation());
		assertEquals(2.5, s.gaussianSigma());
		assertEquals(ImportanceWeighting.CORESET_AND_SCORE, s
			.importanceWeighting());
		assertEquals(1234567890123456789L, s.seed());
		assertEquals(BACKBONE, back.backbone());
		assertEquals(model.grid(), back.grid());
		assertEquals(17.25, back.threshold().value());
		assertEquals("0.99 quantile of 12 training scores", back.threshold()
			.method());
		assertSummaryEquals(model.summary(), back.summary());
		assertBankBitsEqual(model.memory(), back.memory());
		assertEquals(3, back.memory().tailSize());
	}

	@Test
	void roundTripWithoutThresholdOrWeights() throws IOException {
		final TailedCoreModel model = model(false, null);
		final Path file = dir.resolve("plain.tailedcore");
		ModelFile.save(model, file);
		final TailedCoreModel back = ModelFile.load(file, BACKBONE);
		assertNull(back.threshold());
		assertNull(back.memory().weights());
		assertBankBitsEqual(model.memory(), back.memory());
		try (ZipFile zip = new ZipFile(file.toFile())) {
			assertNull(zip.getEntry("weights.bin"));
			assertFalse(manifest(zip).has("threshold"));
		}
	}

	@Test
	void manifestDescribesTheFile() throws IOException {
		final Path file = dir.resolve("m.tailedcore");
		final Instant before = Instant.now();
		ModelFile.save(model(true, null), file);
		try (ZipFile zip = new ZipFile(file.toFile())) {
			final JsonObject m = manifest(zip);
			assertEquals(2, m.get("formatVersion").getAsInt());
			assertEquals("SoftPatch", m.get("method").getAsString());
			assertFalse(Instant.parse(m.get("created").getAsString()).isBefore(
				before.minusSeconds(1)));
			assertFalse(m.get("libraryVersion").getAsString().isEmpty());
			assertEquals(BACKBONE.sha256(), m.getAsJsonObject("backbone").get(
				"sha256").getAsString());
			final JsonObject memory = m.getAsJsonObject("memory");
			assertEquals(7, memory.get("size").getAsInt());
			assertEquals(5, memory.get("dims").getAsInt());
			assertTrue(memory.get("weighted").getAsBoolean());
			assertEquals(7 * 5 * 4, zip.getEntry("memory.bin").getSize());
			assertEquals(7 * 4, zip.getEntry("weights.bin").getSize());
		}
	}

	@Test
	void refusesToOverwriteUnlessAsked() throws IOException {
		final Path file = dir.resolve("a.tailedcore");
		ModelFile.save(model(true, new Threshold(1, "first")), file);
		final byte[] first = Files.readAllBytes(file);
		final ModelFileException e = assertThrows(ModelFileException.class,
			() -> ModelFile.save(model(true, new Threshold(2, "second")), file));
		assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
		assertTrue(e.getMessage().contains("already exists"), e.getMessage());
		assertArrayEquals(first, Files.readAllBytes(file));

		ModelFile.save(model(true, new Threshold(2, "second")), file, true);
		assertEquals(2, ModelFile.load(file).threshold().value());
		assertEquals(List.of("a.tailedcore"), names(dir));
	}

	@Test
	void failedSaveIntoAFileLeavesNothingBehind() throws IOException {
		final Path notAFolder = Files.writeString(dir.resolve("notes.txt"), "x");
		final Path file = notAFolder.resolve("model.tailedcore");
		final ModelFileException e = assertThrows(ModelFileException.class,
			() -> ModelFile.save(model(false, null), file));
		assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
		assertEquals(List.of("notes.txt"), names(dir));
	}

	@Test
	void failedMoveRemovesTheTemporaryFile() throws IOException {
		// The target is a folder that is not empty: writing succeeds, the
		// final rename fails, and the written temporary file must go.
		final Path file = Files.createDirectory(dir.resolve("busy.tailedcore"));
		Files.writeString(file.resolve("keep.txt"), "x");
		final ModelFileException e = assertThrows(ModelFileException.class,
			() -> ModelFile.save(model(true, null), file, true));
		assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
		assertEquals(List.of("busy.tailedcore"), names(dir));
		assertEquals(List.of("keep.txt"), names(file));
	}

	/**
	 * Before a long fit: a folder, a taken name or an unwritable folder is
	 * refused naming the file; a free name is accepted, its folder created,
	 * and nothing is left there.
	 */
	@Test
	void requireSavableChecksBeforeAFit() throws IOException {
		final ModelFileException folder = assertThrows(ModelFileException.class,
			() -> ModelFile.requireSavable(dir, true));
		assertEquals(dir + " is a folder; give the model a file name, e.g. " + dir
			.resolve("model.tailedcore") + ".", folder.getMessage());
		assertEquals(dir, folder.file());

		final Path taken = Files.writeString(dir.resolve("taken.tailedcore"), "x");
		assertTrue(assertThrows(ModelFileException.class, () -> ModelFile
			.requireSavable(taken, false)).getMessage().contains(
				" already exists. Choose another name"));
		ModelFile.requireSavable(taken, true);

		final Path notes = Files.writeString(dir.resolve("notes.txt"), "x");
		final ModelFileException unwritable = assertThrows(
			ModelFileException.class, () -> ModelFile.requireSavable(notes.resolve(
				"m.tailedcore"), false));
		assertTrue(unwritable.getMessage().startsWith("Cannot save a model as " +
			notes.resolve("m.tailedcore") + ": its folder cannot be written to ("),
			unwritable.getMessage());

		final Path fresh = dir.resolve("new/folder/m.tailedcore");
		ModelFile.requireSavable(fresh, false);
		assertEquals(List.of(), names(fresh.getParent()));
		assertFalse(Files.exists(fresh));
		assertEquals(List.of("new", "notes.txt", "taken.tailedcore"), names(dir));
	}

	/** Without a jar's manifest (tests run from classes) the version says so. */
	@Test
	void theManifestRecordsTheLibraryVersion() throws IOException {
		final String version = ModelFile.class.getPackage()
			.getImplementationVersion();
		assertEquals(version == null ? "development build" : version, ModelFile
			.libraryVersion());
		try (ZipFile zip = new ZipFile(saved().toFile())) {
			assertEquals(ModelFile.libraryVersion(), manifest(zip).get(
				"libraryVersion").getAsString());
		}
	}

	@Test
	void truncatedZip() throws IOException {
		final Path good = saved();
		final byte[] bytes = Files.readAllBytes(good);
		final Path bad = Files.write(dir.resolve("cut.tailedcore"), java.util.Arrays
			.copyOf(bytes, bytes.length / 2));
		assertLoadFails(bad, "not a TailedCore model file");
	}

	@Test
	void randomBytes() throws IOException {
		final byte[] bytes = new byte[3000];
		new Random(1).nextBytes(bytes);
		assertLoadFails(Files.write(dir.resolve("noise.tailedcore"), bytes),
			"not a TailedCore model file");
		assertLoadFails(Files.write(dir.resolve("empty.tailedcore"), new byte[0]),
			"not a TailedCore model file");
	}

	@Test
	void anotherFormatVersion() throws IOException {
		final Path bad = rewrite(saved(), "v99.tailedcore", "manifest.json",
			bytes -> {
				final JsonObject m = JsonParser.parseString(new String(bytes,
					StandardCharsets.UTF_8)).getAsJsonObject();
				m.addProperty("formatVersion", 99);
				return m.toString().getBytes(StandardCharsets.UTF_8);
			});
		final String message = assertLoadFails(bad, "format version 99");
		assertTrue(message.contains("reads format versions 1 to 2"), message);
	}

	/**
	 * A forged manifest: one past 64 MiB (deflated to little) is refused
	 * before it is parsed, one of exactly 64 MiB still reads, and one that
	 * declares a bank larger than a Java array is refused before any value
	 * is read.
	 */
	@Test
	void forgedOversizeManifests() throws IOException {
		final Path good = saved();
		final int max = 64 << 20;
		final Path huge = rewrite(good, "huge.tailedcore", "manifest.json",
			bytes -> padded(bytes, max + 1));
		assertLoadFails(huge, "larger than 64 MiB");
		final Path largest = rewrite(good, "largest.tailedcore", "manifest.json",
			bytes -> padded(bytes, max));
		assertEquals(7, ModelFile.load(largest).memory().size());
		final Path declared = rewrite(good, "declared.tailedcore",
			"manifest.json", bytes -> {
				final JsonObject m = JsonParser.parseString(new String(bytes,
					StandardCharsets.UTF_8)).getAsJsonObject();
				m.getAsJsonObject("memory").addProperty("size", Integer.MAX_VALUE / 5 +
					1);
				return m.toString().getBytes(StandardCharsets.UTF_8);
			});
		assertLoadFails(declared, "larger than one Java array can hold");
	}

	/** The JSON {@code bytes} followed by spaces up to {@code length} bytes. */
	private static byte[] padded(final byte[] bytes, final int length) {
		final byte[] out = Arrays.copyOf(bytes, length);
		Arrays.fill(out, bytes.length, length, (byte) ' ');
		return out;
	}

	@Test
	void bankShorterThanTheManifestSays() throws IOException {
		final Path bad = rewrite(saved(), "short.tailedcore", "memory.bin",
			bytes -> java.util.Arrays.copyOf(bytes, bytes.length - 5 * 4));
		final String message = assertLoadFails(bad, "truncated");
		assertTrue(message.contains("memory.bin"), message);
		assertTrue(message.contains("7 memory vectors of 5 dims"), message);
	}

	@Test
	void damagedBankFailsItsChecksum() throws IOException {
		final byte[] bytes = Files.readAllBytes(saved());
		// The local header names the entry just before its stored data.
		final int name = indexOf(bytes, "memory.bin".getBytes(
			StandardCharsets.US_ASCII));
		bytes[name + 10 + 60] ^= 0x10;
		assertLoadFails(Files.write(dir.resolve("flip.tailedcore"), bytes),
			"checksum");
	}

	@Test
	void missingEntriesAndKeys() throws IOException {
		final Path good = saved();
		assertLoadFails(rewrite(good, "nobank.tailedcore", "memory.bin", null),
			"has no memory.bin");
		assertLoadFails(rewrite(good, "noweights.tailedcore", "weights.bin", null),
			"has no weights.bin");
		assertLoadFails(rewrite(good, "nomanifest.tailedcore", "manifest.json",
			null), "has no manifest.json");
		assertLoadFails(withoutKeys(good, "nokey.tailedcore", "grid.height"),
			"'grid.height'");
		assertLoadFails(rewrite(good, "json.tailedcore", "manifest.json",
			bytes -> "{ not json".getBytes(StandardCharsets.UTF_8)),
			"not valid JSON");
	}

	/**
	 * A file written before the robust tail estimate existed (no tail-estimate
	 * keys) reads as fitted with the paper's estimate, without a note.
	 */
	@Test
	void fileWithoutTailEstimateKeysReadsAsPaper() throws IOException {
		final Path old = withoutKeys(saved(), "old-tail.tailedcore",
			"settings.tailEstimate", "fitSummary.tailNote");
		final TailedCoreModel back = ModelFile.load(old);
		assertEquals(TailEstimation.PAPER, back.settings().tailEstimation());
		assertEquals("", back.summary().tailNote());
	}

	/**
	 * The noise threshold is kept; a file written before it existed reads as
	 * fitted with the paper's fixed share.
	 */
	@Test
	void noiseThresholdRoundTripAndOldFilesReadAsFixed() throws IOException {
		assertEquals(NoiseThreshold.ADAPTIVE, ModelFile.load(saved()).settings()
			.noiseThreshold());
		final Path old = withoutKeys(saved(), "old-noise.tailedcore",
			"settings.noiseThreshold");
		assertEquals(NoiseThreshold.FIXED, ModelFile.load(old).settings()
			.noiseThreshold());
	}

	/** Framing, tile scale and overlap, and the measured intensity range. */
	@Test
	void roundTripKeepsThePreprocessing() throws IOException {
		final Preprocessing tiles = new Preprocessing(Framing.TILES, 0.5, 48,
			new Intensity(Intensity.Mode.TRAINING_RANGE, 0.125, 15.75));
		final Path file = dir.resolve("tiles.tailedcore");
		ModelFile.save(model(false, null).withPreprocessing(tiles), file);
		assertEquals(tiles, ModelFile.load(file).preprocessing());
		final Preprocessing full = new Preprocessing(Framing.FULL, 1, 32,
			Intensity.percentiles());
		ModelFile.save(model(false, null).withPreprocessing(full), file, true);
		assertEquals(full, ModelFile.load(file).preprocessing());
	}

	/**
	 * A file written before the preprocessing was recorded reads as the
	 * paper's crop with values by bit depth; a file that records it without
	 * one of its keys is refused, naming the key.
	 */
	@Test
	void fileWithoutPreprocessingReadsAsThePapersCrop() throws IOException {
		final Path old = withoutKeys(saved(), "old-crop.tailedcore",
			"preprocessing");
		assertEquals(Preprocessing.paper(), ModelFile.load(old).preprocessing());
		assertLoadFails(withoutKeys(saved(), "no-scale.tailedcore",
			"preprocessing.scale"), "preprocessing.scale");
	}

	/**
	 * A file written before importance weighting existed (same format
	 * version, no importance keys) reads as unweighted.
	 */
	@Test
	void fileWithoutImportanceKeysReadsAsUnweighted() throws IOException {
		final Path old = withoutKeys(saved(), "old.tailedcore",
			"settings.importanceWeighting", "fitSummary.importanceScores",
			"fitSummary.importanceWeights");
		final TailedCoreModel back = ModelFile.load(old);
		assertEquals(ImportanceWeighting.NONE, back.settings()
			.importanceWeighting());
		assertEquals(0, back.summary().importanceScores().length);
		assertEquals(0, back.summary().importanceWeights().length);
	}

	@Test
	void roundTripKeepsOriginsEmbeddingsAndScoring() throws IOException {
		final TailedCoreModel model = classAware();
		final Path file = dir.resolve("kinds.tailedcore");
		ModelFile.save(model, file);
		final TailedCoreModel back = ModelFile.load(file);
		assertEquals(Scoring.CLASS_AWARE, back.settings().scoring());
		assertEquals(3, back.settings().scoringNeighbors());
		assertArrayEquals(model.memory().origins(), back.memory().origins());
		assertArrayEquals(model.neighbors().embeddings().data(), back.neighbors()
			.embeddings().data());
		final float[] patches = new float[12 * 5];
		final float[] embedding = { 1, 0.5f, 0 };
		assertArrayEquals(AnomalyScorer.of(model).score(patches, embedding)
			.patchScores(), AnomalyScorer.of(back).score(patches, embedding)
				.patchScores());
		try (ZipFile zip = new ZipFile(file.toFile())) {
			assertEquals(7 * 4, zip.getEntry("origins.bin").getSize());
			assertEquals(4 * 3 * 4, zip.getEntry("embeddings.bin").getSize());
		}
	}

	/**
	 * A file of format version 1 (before class-aware scoring: no origins, no
	 * embeddings, no scoring keys) loads and scores globally; class-aware
	 * scoring of it is refused with the remedy.
	 */
	@Test
	void formatVersionOneScoresGlobally() throws IOException {
		final Path v1 = rewrite(withoutKeys(saved(), "v1-keys.tailedcore",
			"settings.scoring", "settings.scoringNeighbors", "memory.origins"),
			"v1.tailedcore", "manifest.json", bytes -> {
				final JsonObject m = JsonParser.parseString(new String(bytes,
					StandardCharsets.UTF_8)).getAsJsonObject();
				m.addProperty("formatVersion", 1);
				m.remove("neighbors");
				return m.toString().getBytes(StandardCharsets.UTF_8);
			});
		final TailedCoreModel back = ModelFile.load(v1);
		assertEquals(Scoring.GLOBAL, back.settings().scoring());
		assertNull(back.memory().origins());
		assertNull(back.neighbors());
		assertEquals(Scoring.GLOBAL, AnomalyScorer.of(back).scoring());
		final IllegalArgumentException e = assertThrows(
			IllegalArgumentException.class, () -> AnomalyScorer.of(back,
				Scoring.CLASS_AWARE));
		assertTrue(e.getMessage().contains("global scoring, or fit it again"), e
			.getMessage());
	}

	@Test
	void classAwareFileWithoutItsEmbeddings() throws IOException {
		final Path file = dir.resolve("kinds.tailedcore");
		ModelFile.save(classAware(), file);
		assertLoadFails(rewrite(file, "noemb.tailedcore", "embeddings.bin", null),
			"has no embeddings.bin");
		assertLoadFails(rewrite(file, "noorigins.tailedcore", "origins.bin", null),
			"has no origins.bin");
	}

	@Test
	void wrongBackbone() throws IOException {
		final Path file = saved();
		final ModelFileException e = assertThrows(ModelFileException.class,
			() -> ModelFile.load(file, new BackboneId("wide_resnet50_2", "ff00")));
		assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
		assertTrue(e.getMessage().contains("mobilenet_v2_imagenet"), e
			.getMessage());
		assertTrue(e.getMessage().contains("wide_resnet50_2"), e.getMessage());
		assertEquals(file, e.file());
	}

	@Test
	void unreadableFile() {
		assertLoadFails(dir.resolve("missing.tailedcore"), "does not exist");
		assertLoadFails(dir, "is not a file");
	}

	// -- Helpers --

	static TailedCoreModel model(final boolean weighted,
		final Threshold threshold)
	{
		final TailedCoreSettings settings = TailedCoreSettings.builder().method(
			Method.SOFTPATCH).coresetRatio(0.05).projectionDim(64).lofNeighbors(5)
			.noiseDropFraction(0.2).tailBranch(false).tailPercentile(0.8)
			.tailCapFraction(0.1).tailEstimation(TailEstimation.PAPER)
			.tailAugmentation(TailAugmentation.ROT30FLIP).gaussianSigma(2.5)
			.importanceWeighting(
				ImportanceWeighting.CORESET_AND_SCORE).seed(1234567890123456789L)
			.build();
		final Random random = new Random(9);
		final float[] vectors = new float[7 * 5];
		for (int i = 0; i < vectors.length; i++)
			vectors[i] = (float) random.nextGaussian();
		vectors[0] = -0f;
		vectors[1] = Float.MIN_VALUE;
		vectors[2] = Float.MAX_VALUE;
		vectors[3] = -Float.MAX_VALUE;
		final float[] weights = weighted ? new float[] { 1, 0.5f, 2, 1e-3f, 7, 1,
			0.25f } : null;
		final FitSummary summary = new FitSummary(12, 12 * 12, 20, new int[] { 8,
			8, 8, 8, 8, 8, 8, 8, 3, 3, 3, 1 }, new int[] { 8, 3, 1 }, 3, 2, 2,
			new int[] { 4, 9 }, 3, 4, new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
				11, 12.5 }, new double[] { 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 1, 1, 1, 2, 2,
					2 }, "2 of 3 tail candidates lie near the head.");
		return new TailedCoreModel(settings, BACKBONE, new FeatureGrid(3, 4, 5, 32),
			new MemoryBank(new FeatureMatrix(7, 5, vectors), weights, 3), summary,
			threshold);
	}

	/**
	 * A class-aware model: 7 rows from 4 training images with 3-d
	 * embeddings.
	 */
	static TailedCoreModel classAware() {
		final TailedCoreModel m = model(false, null);
		return new TailedCoreModel(m.settings().toBuilder().scoring(
			Scoring.CLASS_AWARE).scoringNeighbors(3).build(), BACKBONE, m.grid(),
			new MemoryBank(m.memory().vectors(), null, 3, new int[] { 0, 3, 3, 1, 2,
				2, 0 }), m.summary(), null, new ImageNeighbors(new FeatureMatrix(4, 3,
					new float[] { 1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 1, 0 })));
	}

	private Path saved() throws IOException {
		final Path file = dir.resolve("good.tailedcore");
		if (!Files.exists(file)) ModelFile.save(model(true, null), file);
		return file;
	}

	/**
	 * A copy of {@code source}, beside it, whose manifest lacks the given
	 * dotted keys ({@code "grid.height"}) or top-level keys.
	 */
	static Path withoutKeys(final Path source, final String target,
		final String... keys) throws IOException
	{
		return rewrite(source, target, "manifest.json", bytes -> {
			final JsonObject m = JsonParser.parseString(new String(bytes,
				StandardCharsets.UTF_8)).getAsJsonObject();
			for (final String key : keys) {
				final String[] parts = key.split("\\.");
				if (parts.length == 1) m.remove(key);
				else m.getAsJsonObject(parts[0]).remove(parts[1]);
			}
			return m.toString().getBytes(StandardCharsets.UTF_8);
		});
	}

	/**
	 * A copy of {@code source}, beside it, with entry {@code name} changed or
	 * dropped ({@code change} null).
	 */
	static Path rewrite(final Path source, final String target,
		final String name, final UnaryOperator<byte[]> change) throws IOException
	{
		final Path file = source.resolveSibling(target);
		try (ZipFile in = new ZipFile(source.toFile());
				ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file)))
		{
			for (final ZipEntry entry : java.util.Collections.list(in.entries())) {
				byte[] bytes = in.getInputStream(entry).readAllBytes();
				if (entry.getName().equals(name)) {
					if (change == null) continue;
					bytes = change.apply(bytes);
				}
				out.putNextEntry(new ZipEntry(entry.getName()));
				out.write(bytes);
				out.closeEntry();
			}
		}
		return file;
	}

	static String assertLoadFails(final Path file, final String words) {
		final ModelFileException e = assertThrows(ModelFileException.class,
			() -> ModelFile.load(file));
		assertTrue(e.getMessage().contains(file.toAbsolutePath().toString()), e
			.getMessage());
		assertTrue(e.getMessage().contains(words), e.getMessage());
		return e.getMessage();
	}

	static JsonObject manifest(final ZipFile zip) throws IOException {
		return JsonParser.parseString(new String(zip.getInputStream(zip.getEntry(
			"manifest.json")).readAllBytes(), StandardCharsets.UTF_8))
			.getAsJsonObject();
	}

	static List<String> names(final Path folder) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			return files.map(p -> p.getFileName().toString()).sorted().collect(
				Collectors.toList());
		}
	}

	private static int indexOf(final byte[] haystack, final byte[] needle) {
		outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++)
				if (haystack[i + j] != needle[j]) continue outer;
			return i;
		}
		throw new AssertionError("not found");
	}

	private static void assertBankBitsEqual(final MemoryBank expected,
		final MemoryBank actual)
	{
		assertEquals(expected.size(), actual.size());
		assertEquals(expected.dims(), actual.dims());
		assertEquals(expected.tailSize(), actual.tailSize());
		assertArrayEquals(bits(expected.vectors().data()), bits(actual.vectors()
			.data()));
		if (expected.weights() == null) assertNull(actual.weights());
		else assertArrayEquals(bits(expected.weights()), bits(actual.weights()));
	}

	private static int[] bits(final float[] values) {
		final int[] bits = new int[values.length];
		for (int i = 0; i < values.length; i++)
			bits[i] = Float.floatToRawIntBits(values[i]);
		return bits;
	}

	private static void assertSummaryEquals(final FitSummary expected,
		final FitSummary actual)
	{
		assertEquals(expected.imageCount(), actual.imageCount());
		assertEquals(expected.patchCount(), actual.patchCount());
		assertEquals(expected.droppedPatches(), actual.droppedPatches());
		assertArrayEquals(expected.kappa(), actual.kappa());
		assertArrayEquals(expected.classSizes(), actual.classSizes());
		assertEquals(expected.kElbow(), actual.kElbow());
		assertEquals(expected.kCap(), actual.kCap());
		assertEquals(expected.kMax(), actual.kMax());
		assertArrayEquals(expected.tailImages(), actual.tailImages());
		assertEquals(expected.tailMemory(), actual.tailMemory());
		assertEquals(expected.cleanMemory(), actual.cleanMemory());
		assertArrayEquals(expected.importanceScores(), actual.importanceScores());
		assertArrayEquals(expected.importanceWeights(), actual
			.importanceWeights());
		assertEquals(expected.tailNote(), actual.tailNote());
		assertEquals(expected.toString(), actual.toString());
	}
}
