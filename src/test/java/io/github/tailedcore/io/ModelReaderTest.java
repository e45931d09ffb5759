package io.github.tailedcore.io;

import static io.github.tailedcore.io.ModelFileTest.BACKBONE;
import static io.github.tailedcore.io.ModelFileTest.assertLoadFails;
import static io.github.tailedcore.io.ModelFileTest.classAware;
import static io.github.tailedcore.io.ModelFileTest.model;
import static io.github.tailedcore.io.ModelFileTest.names;
import static io.github.tailedcore.io.ModelFileTest.rewrite;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.github.tailedcore.TailedCoreModel;
import io.github.tailedcore.feature.BackboneId;
import io.github.tailedcore.linalg.FeatureMatrix;
import io.github.tailedcore.memory.MemoryBank;
import io.github.tailedcore.scoring.ImageNeighbors;
import io.github.tailedcore.scoring.Scoring;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Forged, damaged and foreign model files, each refused by
 * {@link ModelFile#load} with a message that names the file and what is
 * wrong, before any value of a bank it cannot hold is allocated.
 */
class ModelReaderTest {

	@TempDir
	Path dir;

	@Test
	void aManifestThatIsNotOursIsRefused() throws IOException {
		assertLoadFails(manifestText("array", "[1, 2]"),
			"its manifest.json is not a JSON object");
		assertLoadFails(edited("nokind", m -> m.remove("kind")),
			"does not describe a TailedCore model");
		assertLoadFails(edited("otherkind", m -> m.addProperty("kind",
			"PatchCore model")), "does not describe a TailedCore model");
		assertLoadFails(edited("objectkind", m -> m.add("kind",
			new JsonObject())), "does not describe a TailedCore model");
	}

	/**
	 * Versions 1 and 2 are read; a missing, textual, fractional, older or
	 * newer version is refused, saying which TailedCore saved it.
	 */
	@Test
	void onlyKnownFormatVersionsAreRead() throws IOException {
		assertLoadFails(edited("noversion", m -> m.remove("formatVersion")),
			"its manifest.json has no format version");
		assertLoadFails(edited("textversion", m -> m.addProperty("formatVersion",
			"2")), "its manifest.json has no format version");
		assertLoadFails(edited("v0", m -> m.addProperty("formatVersion", 0)),
			"saved in model format version 0 (saved by TailedCore development " +
				"build), but");
		assertLoadFails(edited("v3", m -> m.addProperty("formatVersion", 3)),
			"saved in model format version 3 (saved by");
		final String half = assertLoadFails(edited("v1.5", m -> {
			m.addProperty("formatVersion", 1.5);
			m.remove("libraryVersion");
		}), "saved in model format version 1.5, but this TailedCore reads " +
			"format versions 1 to 2 only");
		assertFalse(half.contains("saved by"), half);
		assertEquals(7, ModelFile.load(edited("v2.0", m -> m.addProperty(
			"formatVersion", 2.0))).memory().size());
	}

	@Test
	void aManifestOfTheWrongShapeIsRefused() throws IOException {
		assertLoadFails(edited("gridtext", m -> m.addProperty("grid", "tall")),
			"Its manifest.json cannot be read: ");
		assertLoadFails(edited("encoding", m -> m.getAsJsonObject("memory")
			.addProperty("encoding", "float16")),
			"Its memory is encoded as 'float16', not 'float32 little-endian, " +
				"row-major'.");
		assertLoadFails(edited("ratio", m -> m.getAsJsonObject("settings")
			.addProperty("coresetRatio", 2)), "holds an invalid model. ");
	}

	/** A lenient JSON parser accepts NaN and Infinity; a model may not. */
	@Test
	void numbersThatAreNotFiniteAreRefused() throws IOException {
		assertLoadFails(manifestText("nan", json(saved()).replaceFirst(
			"\"gaussianSigma\":[^,]+,", "\"gaussianSigma\":NaN,")),
			"gives 'settings.gaussianSigma' a value that is not a finite number");
		assertLoadFails(manifestText("inf", json(saved()).replaceFirst(
			"\"importanceScores\":\\[1\\.0,", "\"importanceScores\":[Infinity,")),
			"gives 'fitSummary.importanceScores' a value that is not a finite");
		assertLoadFails(manifestText("threshold", json(saved()).replaceFirst(
			"\\{", "{\"threshold\":{\"value\":-Infinity,\"method\":\"x\"},")),
			"gives 'threshold.value' a value");
	}

	@Test
	void theBankMustHaveRowsOfTheGridsDims() throws IOException {
		assertLoadFails(edited("empty", m -> m.getAsJsonObject("memory")
			.addProperty("size", 0)), "It declares a memory bank of 0 vectors of 5 " +
				"dims on a ");
		assertLoadFails(edited("dims", m -> m.getAsJsonObject("memory")
			.addProperty("dims", 4)), "It declares a memory bank of 7 vectors of 4 " +
				"dims on a ");
		assertLoadFails(edited("longer", m -> m.getAsJsonObject("memory")
			.addProperty("size", 6)), "memory.bin holds 140 bytes but the " +
				"manifest declares 6 memory vectors of 5 dims (120 bytes)");
	}

	/** One bad value, or several, in the bank: the model would score nonsense. */
	@Test
	void valuesThatAreNotFiniteAreRefused() throws IOException {
		assertLoadFails(floatsChanged("nan", ModelFile.MEMORY, v -> v.put(3,
			Float.NaN)), "its 7 memory vectors of 5 dims hold a value that is not " +
				"a finite number (NaN or infinity)");
		assertLoadFails(floatsChanged("infs", ModelFile.WEIGHTS, v -> v.put(0,
			Float.POSITIVE_INFINITY).put(6, Float.NEGATIVE_INFINITY)),
			"its 7 memory weights hold 2 values that are not finite numbers");
	}

	/** Origins are whole numbers from 0 below 2²⁴ (which float32 holds exactly). */
	@Test
	void originsMustNameATrainingImage() throws IOException {
		final Path kinds = dir.resolve("kinds.tailedcore");
		ModelFile.save(classAware(), kinds);
		assertLoadFails(floatsChanged(kinds, "negative", ModelFile.ORIGINS, v -> v
			.put(2, -1)), "Memory row 2 names -1.0 as its training image.");
		assertLoadFails(floatsChanged(kinds, "half", ModelFile.ORIGINS, v -> v.put(
			4, 0.5f)), "Memory row 4 names 0.5 as its training image.");
		assertLoadFails(floatsChanged(kinds, "far", ModelFile.ORIGINS, v -> v.put(
			6, 1 << 24)), "Memory row 6 names 1.6777216E7 as its training image.");
	}

	/** The largest origin float32 holds exactly is saved and read back. */
	@Test
	void theLastExactOriginRoundTripsAndTheNextIsNotSaved() throws IOException {
		final TailedCoreModel plain = model(false, null);
		final Path file = dir.resolve("far.tailedcore");
		final int[] origins = { 0, 1, (1 << 24) - 1, 3, 4, 5, 6 };
		ModelFile.save(withOrigins(plain, origins), file);
		assertArrayEquals(origins, ModelFile.load(file).memory().origins());

		origins[2] = 1 << 24;
		final Path next = dir.resolve("next.tailedcore");
		final IllegalArgumentException e = assertThrows(
			IllegalArgumentException.class, () -> ModelFile.save(withOrigins(plain,
				origins), next));
		assertEquals("Cannot save a model fitted on more than 16777216 images.", e
			.getMessage());
		assertEquals(List.of("far.tailedcore"), names(dir));
	}

	@Test
	void theEmbeddingsMustBeDeclaredInFull() throws IOException {
		final Path kinds = dir.resolve("kinds.tailedcore");
		ModelFile.save(classAware(), kinds);
		assertLoadFails(edited(kinds, "noimages", m -> m.getAsJsonObject(
			"neighbors").remove("images")), "has no 'neighbors.images'.");
		assertLoadFails(edited(kinds, "nodims", m -> m.getAsJsonObject(
			"neighbors").remove("dims")), "has no 'neighbors.dims'.");
		assertLoadFails(edited(kinds, "zeroimages", m -> m.getAsJsonObject(
			"neighbors").addProperty("images", 0)),
			"It declares 0 training embeddings of 3 dims.");
		assertLoadFails(edited(kinds, "zerodims", m -> m.getAsJsonObject(
			"neighbors").addProperty("dims", 0)),
			"It declares 4 training embeddings of 0 dims.");
		assertLoadFails(edited(kinds, "hugeembeddings", m -> m.getAsJsonObject(
			"neighbors").addProperty("images", Integer.MAX_VALUE / 3 + 1)),
			"It declares 715827883 training embeddings of 3 dims.");
		assertLoadFails(edited(kinds, "noneighbors", m -> m.remove("neighbors")),
			"It scores class-aware but holds no training embeddings or memory " +
				"origins.");
		assertLoadFails(edited(kinds, "noorigins", m -> m.getAsJsonObject(
			"memory").addProperty("origins", false)),
			"It scores class-aware but holds no training embeddings or memory " +
				"origins.");
	}

	/**
	 * The sizes in the zip's directory are checked against the file before
	 * anything is allocated: an entry stored in 0 bytes, or in more bytes than
	 * the file has, lies.
	 */
	@Test
	void storedSizesThatCannotBeTrueAreRefused() throws IOException {
		final byte[] good = Files.readAllBytes(saved());
		assertLoadFails(Files.write(dir.resolve("zero.tailedcore"),
			storedSize(good, ModelFile.MEMORY, 0)),
			"memory.bin holds 0 bytes in a file of ");
		final long length = good.length;
		assertLoadFails(Files.write(dir.resolve("over.tailedcore"),
			storedSize(good, ModelFile.MEMORY, length + 1)), "memory.bin holds " +
				(length + 1) + " bytes in a file of " + length + " bytes but the " +
				"manifest declares 7 memory vectors of 5 dims (140 bytes)");
	}

	/** The smallest model: one memory row, one training image of one dim. */
	@Test
	void aModelOfOneRowAndOneImageRoundTrips() throws IOException {
		final TailedCoreModel m = model(false, null);
		final TailedCoreModel one = new TailedCoreModel(m.settings().toBuilder()
			.scoring(Scoring.CLASS_AWARE).scoringNeighbors(1).build(), BACKBONE, m
				.grid(), new MemoryBank(new FeatureMatrix(1, 5, new float[] { 1, 2, 3,
					4, 5 }), null, 0, new int[] { 0 }), m.summary(), null,
			new ImageNeighbors(new FeatureMatrix(1, 1, new float[] { 0.5f })));
		final Path file = dir.resolve("one.tailedcore");
		ModelFile.save(one, file);
		final TailedCoreModel back = ModelFile.load(file);
		assertArrayEquals(new float[] { 1, 2, 3, 4, 5 }, back.memory().vectors()
			.data());
		assertArrayEquals(new int[] { 0 }, back.memory().origins());
		assertArrayEquals(new float[] { 0.5f }, back.neighbors().embeddings()
			.data());
	}

	/**
	 * A bank or embeddings of 2³¹ − 9 values (7 · 17 · 18046081), the most
	 * one Java array holds, pass the size check and are then refused for the
	 * bytes the file lacks; one value more is refused as too large.
	 */
	@Test
	void declaredSizesAtTheJavaArrayLimit() throws IOException {
		final int rows = 18_046_081;
		assertLoadFails(edited("bankAtLimit", m -> {
			m.getAsJsonObject("grid").addProperty("dims", 119);
			m.getAsJsonObject("memory").addProperty("dims", 119);
			m.getAsJsonObject("memory").addProperty("size", rows);
		}), "memory.bin holds 140 bytes but the manifest declares 18046081 " +
			"memory vectors of 119 dims (8589934556 bytes)");
		assertLoadFails(edited("bankPastLimit", m -> m.getAsJsonObject("memory")
			.addProperty("size", 429_496_728)), "Its memory bank of 429496728 × 5 " +
				"values is larger than one Java array can hold.");

		final Path kinds = dir.resolve("kinds.tailedcore");
		ModelFile.save(classAware(), kinds);
		assertLoadFails(edited(kinds, "embeddingsAtLimit", m -> {
			m.getAsJsonObject("neighbors").addProperty("images", rows);
			m.getAsJsonObject("neighbors").addProperty("dims", 119);
		}), "embeddings.bin holds 48 bytes but the manifest declares 18046081 " +
			"training embeddings of 119 dims (8589934556 bytes)");
		assertLoadFails(edited(kinds, "embeddingsPastLimit", m -> {
			m.getAsJsonObject("neighbors").addProperty("images", 429_496_728);
			m.getAsJsonObject("neighbors").addProperty("dims", 5);
		}), "It declares 429496728 training embeddings of 5 dims.");
	}

	/**
	 * Deflate expands at most about 1032-fold: 1100 bytes stored in 1 byte
	 * pass that check (and then run short), 1100 bytes in 0 bytes do not;
	 * an entry may claim up to the whole file.
	 */
	@Test
	void theStoredSizeBoundsAreInclusive() throws IOException {
		final TailedCoreModel m = model(false, null);
		final float[] values = new float[55 * 5];
		for (int i = 0; i < values.length; i++)
			values[i] = i;
		final Path file = dir.resolve("fifty-five.tailedcore");
		ModelFile.save(new TailedCoreModel(m.settings(), BACKBONE, m.grid(),
			new MemoryBank(new FeatureMatrix(55, 5, values), null, 0, null), m
				.summary(), null), file);
		final byte[] good = Files.readAllBytes(file);
		assertLoadFails(Files.write(dir.resolve("one.tailedcore"), storedSize(
			good, ModelFile.MEMORY, 1)), "memory.bin holds fewer bytes but the " +
				"manifest declares 55 memory vectors of 5 dims (1100 bytes)");
		assertLoadFails(Files.write(dir.resolve("zero.tailedcore"), storedSize(
			good, ModelFile.MEMORY, 0)), "memory.bin holds 0 bytes in a file of ");
		final Path whole = Files.write(dir.resolve("whole.tailedcore"), storedSize(
			good, ModelFile.MEMORY, good.length));
		assertArrayEquals(values, ModelFile.load(whole).memory().vectors().data());
	}

	/**
	 * The backbone is compared by name and checksum; the message names both,
	 * with the checksum only where there is one.
	 */
	@Test
	void theBackboneMustMatchByNameAndChecksum() throws IOException {
		final Path file = saved();
		final BackboneId other = new BackboneId(BACKBONE.name(), "");
		final ModelFileException e = assertThrows(ModelFileException.class,
			() -> ModelFile.load(file, other));
		assertTrue(e.getMessage().contains("fitted with the backbone " + BACKBONE
			.name() + " (sha256 " + BACKBONE.sha256() + "), but the backbone " +
			BACKBONE.name() + " was given."), e.getMessage());
		assertEquals(BACKBONE, ModelFile.load(file, BACKBONE).backbone());
		assertThrows(IllegalArgumentException.class, () -> ModelFile.load(file,
			null));
	}

	// -- Helpers --

	private Path saved() throws IOException {
		final Path file = dir.resolve("good.tailedcore");
		if (!Files.exists(file)) ModelFile.save(model(true, null), file);
		return file;
	}

	private Path edited(final String name, final Consumer<JsonObject> edit)
		throws IOException
	{
		return edited(saved(), name, edit);
	}

	private static Path edited(final Path source, final String name,
		final Consumer<JsonObject> edit) throws IOException
	{
		return rewrite(source, name + ".tailedcore", ModelFile.MANIFEST,
			bytes -> {
				final JsonObject m = JsonParser.parseString(new String(bytes,
					StandardCharsets.UTF_8)).getAsJsonObject();
				edit.accept(m);
				return m.toString().getBytes(StandardCharsets.UTF_8);
			});
	}

	private Path manifestText(final String name, final String text)
		throws IOException
	{
		return rewrite(saved(), name + ".tailedcore", ModelFile.MANIFEST,
			bytes -> text.getBytes(StandardCharsets.UTF_8));
	}

	/** The saved manifest as compact JSON. */
	private static String json(final Path file) throws IOException {
		try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file
			.toFile()))
		{
			return ModelFileTest.manifest(zip).toString();
		}
	}

	private Path floatsChanged(final String name, final String entry,
		final Consumer<java.nio.FloatBuffer> change) throws IOException
	{
		return floatsChanged(saved(), name, entry, change);
	}

	private static Path floatsChanged(final Path source, final String name,
		final String entry, final Consumer<java.nio.FloatBuffer> change)
		throws IOException
	{
		return rewrite(source, name + ".tailedcore", entry, bytes -> {
			change.accept(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN)
				.asFloatBuffer());
			return bytes;
		});
	}

	private static TailedCoreModel withOrigins(final TailedCoreModel m,
		final int[] origins)
	{
		return new TailedCoreModel(m.settings(), m.backbone(), m.grid(),
			new MemoryBank(m.memory().vectors(), null, 3, origins), m.summary(),
			null, null);
	}

	/**
	 * {@code zip} with the compressed size of entry {@code name} in its
	 * central directory set to {@code size}.
	 */
	private static byte[] storedSize(final byte[] zip, final String name,
		final long size)
	{
		final byte[] out = zip.clone();
		final ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
		final byte[] wanted = name.getBytes(StandardCharsets.US_ASCII);
		for (int i = 0; i + 46 <= out.length; i++) {
			if (b.getInt(i) != 0x02014b50 || b.getShort(i + 28) != wanted.length)
				continue;
			final byte[] found = new byte[wanted.length];
			b.get(i + 46, found);
			if (!java.util.Arrays.equals(found, wanted)) continue;
			b.putInt(i + 20, (int) size);
			return out;
		}
		throw new AssertionError(name + " not in the central directory");
	}

}
