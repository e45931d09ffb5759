package io.github.tailedcore.io;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import io.github.tailedcore.ErrorMessage;
import io.github.tailedcore.FitSummary;
import io.github.tailedcore.TailedCoreModel;
import io.github.tailedcore.TailedCoreSettings;
import io.github.tailedcore.Threshold;
import io.github.tailedcore.feature.BackboneId;
import io.github.tailedcore.feature.FeatureGrid;
import io.github.tailedcore.linalg.FeatureMatrix;
import io.github.tailedcore.memory.MemoryBank;
import io.github.tailedcore.preprocess.Preprocessing;
import io.github.tailedcore.scoring.ImageNeighbors;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads one model file for {@link ModelFile#load(Path)}, checking each step:
 * zip archive, manifest present, parseable, of our kind, of format version
 * {@value ModelFile#OLDEST_FORMAT_VERSION} to {@value ModelFile#FORMAT_VERSION},
 * complete and valid; backbone as expected; bank, weights, origins and
 * embeddings of the declared size and checksum.
 */
final class ModelReader {

	/** A manifest is a few kilobytes (plus κ per image); refuse anything huge. */
	private static final int MAX_MANIFEST_BYTES = 64 << 20;
	/**
	 * Deflate expands at most about 1032-fold; an entry claiming more than
	 * this many bytes per stored byte lies about its size.
	 */
	private static final long MAX_DEFLATE_RATIO = 1100;

	private final Path file;

	ModelReader(final Path file) {
		this.file = file.toAbsolutePath();
	}

	/**
	 * @param expected the backbone the model must have, or {@code null} to
	 *          accept any
	 */
	TailedCoreModel read(final BackboneId expected) throws ModelFileException {
		if (!Files.exists(file)) throw fail("The model file " + file +
			" does not exist. Check the path, or fit and save a model first.");
		if (!Files.isRegularFile(file)) throw fail(file + " is not a file. " +
			"Choose a model file (" + ModelFile.EXTENSION + ").");
		try (ZipFile zip = new ZipFile(file.toFile())) {
			return read(zip, expected);
		}
		catch (final ModelFileException e) {
			throw e;
		}
		catch (final ZipException e) {
			throw new ModelFileException(file, file + " is not a TailedCore " +
				"model file, or it is damaged or truncated: it cannot be read as a " +
				"zip archive (" + e.getMessage() + "). Choose a " +
				ModelFile.EXTENSION + " file saved by TailedCore, or copy or save " +
				"it again.", e);
		}
		catch (final AccessDeniedException e) {
			throw new ModelFileException(file, "The model file " + file +
				" cannot be read: permission denied. Ask for read access or copy " +
				"it somewhere you can read.", e);
		}
		catch (final IOException e) {
			throw new ModelFileException(file, "The model file " + file +
				" could not be read (" + e + "). Check the disk or copy the file " +
				"again.", e);
		}
	}

	private TailedCoreModel read(final ZipFile zip, final BackboneId expected)
		throws IOException
	{
		final ModelManifest manifest = manifest(zip);
		final TailedCoreSettings settings;
		final BackboneId backbone;
		final FeatureGrid grid;
		final Threshold threshold;
		final FitSummary summary;
		final Preprocessing preprocessing;
		try {
			settings = manifest.toSettings();
			preprocessing = manifest.toPreprocessing();
			backbone = manifest.toBackbone();
			grid = manifest.toGrid();
			threshold = manifest.toThreshold();
			summary = manifest.toSummary();
		}
		catch (final IllegalArgumentException e) {
			throw invalid(e.getMessage());
		}
		if (expected != null && !backbone.matches(expected)) throw fail(
			"The model in " + file + " was fitted with the backbone " + describe(
				backbone) + ", but the backbone " + describe(expected) +
				" was given. Score with the backbone the model needs (" + backbone
					.name() + "), or fit a new model with " + expected.name() + ".");
		final ModelManifest.Memory m = manifest.memory();
		if (m.size() < 1 || m.dims() != grid.dims()) throw invalid("It declares " +
			"a memory bank of " + m.size() + " vectors of " + m.dims() +
			" dims on a " + grid + " grid.");
		if ((long) m.size() * m.dims() > Integer.MAX_VALUE - 8) throw invalid(
			"Its memory bank of " + m.size() + " × " + m.dims() +
				" values is larger than one Java array can hold.");
		final float[] vectors = floats(zip, ModelFile.MEMORY, m.size() * m.dims(),
			m.size() + " memory vectors of " + m.dims() + " dims");
		final float[] weights = m.weighted() ? floats(zip, ModelFile.WEIGHTS, m
			.size(), m.size() + " memory weights") : null;
		final int[] origins = Boolean.TRUE.equals(m.origins()) ? origins(zip, m
			.size()) : null;
		final ModelManifest.Neighbors n = manifest.neighbors();
		if (n != null && (n.images() == null || n.dims() == null || n
			.images() < 1 || n.dims() < 1 || (long) n.images() * n.dims() >
				Integer.MAX_VALUE - 8)) throw invalid("It declares " + n.images() +
					" training embeddings of " + n.dims() + " dims.");
		if (settings.scoring().conditions() && (n == null ||
			origins == null)) throw invalid("It scores class-aware but holds no " +
				"training embeddings or memory origins.");
		try {
			final ImageNeighbors neighbors = n == null ? null : new ImageNeighbors(
				new FeatureMatrix(n.images(), n.dims(), floats(zip,
					ModelFile.EMBEDDINGS, n.images() * n.dims(), n.images() +
						" training embeddings of " + n.dims() + " dims")));
			return new TailedCoreModel(settings, backbone, preprocessing, grid,
				new MemoryBank(new FeatureMatrix(m.size(), m.dims(), vectors), weights,
					m.tailSize(), origins), summary, threshold, neighbors);
		}
		catch (final IllegalArgumentException e) {
			throw invalid(e.getMessage());
		}
	}

	/** Reads {@code origins.bin}: whole numbers from 0 below 2<sup>24</sup>. */
	private int[] origins(final ZipFile zip, final int size) throws IOException {
		final float[] values = floats(zip, ModelFile.ORIGINS, size, size +
			" memory origins");
		final int[] origins = new int[size];
		for (int i = 0; i < size; i++) {
			if (values[i] < 0 || values[i] >= ModelFile.MAX_ORIGIN ||
				values[i] != Math.rint(values[i])) throw invalid("Memory row " + i +
					" names " + values[i] + " as its training image.");
			origins[i] = (int) values[i];
		}
		return origins;
	}

	/** Reads and checks {@code manifest.json}. */
	private ModelManifest manifest(final ZipFile zip) throws IOException {
		final ZipEntry entry = zip.getEntry(ModelFile.MANIFEST);
		if (entry == null) throw notModel("it has no " + ModelFile.MANIFEST);
		final byte[] bytes;
		try (InputStream in = zip.getInputStream(entry)) {
			bytes = in.readNBytes(MAX_MANIFEST_BYTES + 1);
		}
		if (bytes.length > MAX_MANIFEST_BYTES) throw notModel("its " +
			ModelFile.MANIFEST + " is larger than " + (MAX_MANIFEST_BYTES >> 20) +
			" MiB");
		final JsonObject json;
		try {
			final JsonElement element = JsonParser.parseString(new String(bytes,
				StandardCharsets.UTF_8));
			if (!element.isJsonObject()) throw notModel("its " +
				ModelFile.MANIFEST + " is not a JSON object");
			json = element.getAsJsonObject();
		}
		catch (final JsonParseException e) {
			throw notModel("its " + ModelFile.MANIFEST + " is not valid JSON");
		}
		final JsonElement kind = json.get("kind");
		if (kind == null || !kind.isJsonPrimitive() || !ModelManifest.KIND.equals(
			kind.getAsString())) throw notModel("its " + ModelFile.MANIFEST +
				" does not describe a TailedCore model");
		checkVersion(json);
		final ModelManifest manifest;
		try {
			manifest = ModelFile.GSON.fromJson(json, ModelManifest.class);
		}
		catch (final JsonParseException e) {
			throw invalid("Its " + ModelFile.MANIFEST + " cannot be read: " + e
				.getMessage() + ".");
		}
		final String missing = manifest.missingKey();
		if (missing != null) throw invalid("Its " + ModelFile.MANIFEST +
			" has no '" + missing + "'.");
		final String nonFinite = manifest.nonFiniteKey();
		if (nonFinite != null) throw invalid("Its " + ModelFile.MANIFEST +
			" gives '" + nonFinite + "' a value that is not a finite number " +
			"(NaN or infinity).");
		if (!ModelManifest.ENCODING.equals(manifest.memory().encoding()))
			throw invalid("Its memory is encoded as '" + manifest.memory()
				.encoding() + "', not '" + ModelManifest.ENCODING + "'.");
		return manifest;
	}

	private void checkVersion(final JsonObject json) throws ModelFileException {
		final JsonElement version = json.get("formatVersion");
		if (version == null || !version.isJsonPrimitive() || !version
			.getAsJsonPrimitive().isNumber()) throw notModel("its " +
				ModelFile.MANIFEST + " has no format version");
		final double v = version.getAsDouble();
		if (v == Math.rint(v) && v >= ModelFile.OLDEST_FORMAT_VERSION &&
			v <= ModelFile.FORMAT_VERSION) return;
		final String found = v == Math.rint(v) ? String.valueOf((long) v)
			: String.valueOf(v);
		final JsonElement writer = json.get("libraryVersion");
		final String savedBy = writer != null && writer.isJsonPrimitive()
			? " (saved by TailedCore " + writer.getAsString() + ")" : "";
		throw fail(file + " was saved in model format version " + found +
			savedBy + ", but this TailedCore reads format versions " +
			ModelFile.OLDEST_FORMAT_VERSION + " to " + ModelFile.FORMAT_VERSION +
			" only. Open it with the TailedCore " +
			"version that saved it, or fit the model again with this one.");
	}

	/**
	 * Reads {@code count} floats from entry {@code name}, checking its size
	 * against the manifest and the file's real size, and the heap, before
	 * allocating; then its CRC-32 and that every value is a finite number.
	 */
	private float[] floats(final ZipFile zip, final String name,
		final int count, final String what) throws IOException
	{
		final ZipEntry entry = zip.getEntry(name);
		if (entry == null) throw fail(file + " is incomplete: it has no " + name +
			" (the " + what + "). Save the model again.");
		final long bytes = FloatCodec.bytes(count);
		if (entry.getSize() != bytes) throw truncated(name, entry.getSize() +
			" bytes", what, bytes);
		final long stored = entry.getCompressedSize();
		if (stored < 0 || stored > Files.size(file) || bytes > stored *
			MAX_DEFLATE_RATIO) throw truncated(name, stored +
				" bytes in a file of " + Files.size(file) + " bytes", what, bytes);
		if (!HeapRoom.fits(bytes)) throw fail("Cannot load " + file + ": its " +
			what + " " + HeapRoom.shortfall(bytes) + ". " + capital(ErrorMessage
				.MORE_MEMORY) + ".");
		final float[] values = new float[count];
		final long crc;
		try (InputStream in = zip.getInputStream(entry)) {
			crc = FloatCodec.read(in, values);
		}
		catch (final EOFException e) {
			throw truncated(name, "fewer bytes", what, bytes);
		}
		if (entry.getCrc() != -1 && crc != entry.getCrc()) throw fail(file +
			" is damaged: " + name + " does not match its checksum. Copy the " +
			"file again, or save the model again.");
		long nonFinite = 0;
		for (final float v : values)
			if (!Float.isFinite(v)) nonFinite++;
		if (nonFinite > 0) throw fail(file + " holds an invalid model: its " +
			what + " hold " + (nonFinite == 1 ? "a value that is not a finite " +
				"number" : nonFinite + " values that are not finite numbers") +
			" (NaN or infinity), so its scores would be meaningless. Fit the model " +
			"again.");
		return values;
	}

	private ModelFileException truncated(final String name, final String has,
		final String what, final long bytes)
	{
		return fail(file + " is truncated or damaged: " + name + " holds " + has +
			" but the manifest declares " + what + " (" + bytes + " bytes). Copy " +
			"the complete file again, or save the model again.");
	}

	private ModelFileException notModel(final String why) {
		return fail(file + " is not a TailedCore model file: " + why +
			". Choose a " + ModelFile.EXTENSION + " file saved by TailedCore.");
	}

	private ModelFileException invalid(final String why) {
		return fail(file + " holds an invalid model. " + why +
			" Save the model again with TailedCore.");
	}

	private ModelFileException fail(final String message) {
		return new ModelFileException(file, message);
	}

	private static String capital(final String s) {
		return Character.toUpperCase(s.charAt(0)) + s.substring(1);
	}

	private static String describe(final BackboneId backbone) {
		return backbone.name() + (backbone.sha256().isEmpty() ? ""
			: " (sha256 " + backbone.sha256() + ")");
	}
}
