package io.github.tailedcore.io;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

import io.github.tailedcore.TailedCoreModel;
import io.github.tailedcore.feature.BackboneId;
import io.github.tailedcore.memory.MemoryBank;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Saves and loads a fitted {@link TailedCoreModel} as one file, by convention
 * named {@code *.tailedcore}: a zip archive with
 * <ul>
 * <li>{@code manifest.json}: format version ({@value #FORMAT_VERSION}),
 * method, every setting, backbone name and SHA-256, feature grid, threshold
 * (if any), fit summary, memory size / dims / weighting, creation time and
 * library version;</li>
 * <li>{@code memory.bin}: the |M| × D memory vectors as raw little-endian
 * float32, row after row, stored uncompressed;</li>
 * <li>{@code weights.bin}: |M| little-endian float32 weights, only for a
 * weighted (SoftPatch) bank;</li>
 * <li>{@code origins.bin}: the training image each memory row came from,
 * |M| whole numbers as float32 (exact below 2<sup>24</sup> images);</li>
 * <li>{@code embeddings.bin}: the N × E global embeddings of the training
 * images, float32, row after row.</li>
 * </ul>
 * The last two, which class-aware scoring needs, came with format version 2;
 * files of version 1 still load and score globally.
 * Saving streams the bank through a small buffer into a temporary file in
 * the target folder, flushes it to disk and publishes it in one step
 * ({@link AtomicWrite}), so a crash or a full disk never leaves a
 * half-written model, two saves never both succeed on one name, and a
 * replaced model keeps its file permissions.
 * Loading checks everything it reads and fails with a
 * {@link ModelFileException} whose message names the file and the remedy.
 *
 * <pre>
 * ModelFile.save(model, Path.of("screws.tailedcore"), false);
 * TailedCoreModel again = ModelFile.load(Path.of("screws.tailedcore"),
 * 	extractor.backbone());
 * </pre>
 */
public final class ModelFile {

	/** The format version this code writes. */
	public static final int FORMAT_VERSION = 2;
	/** The oldest format version this code reads (without class-aware scoring). */
	public static final int OLDEST_FORMAT_VERSION = 1;
	/** The most training images whose indices float32 holds exactly. */
	static final int MAX_ORIGIN = 1 << 24;
	/** The file name extension, with its dot. */
	public static final String EXTENSION = ".tailedcore";

	static final String MANIFEST = "manifest.json";
	static final String MEMORY = "memory.bin";
	static final String WEIGHTS = "weights.bin";
	static final String ORIGINS = "origins.bin";
	static final String EMBEDDINGS = "embeddings.bin";

	static final Gson GSON = new GsonBuilder().setPrettyPrinting()
		.disableHtmlEscaping().create();

	private ModelFile() {}

	/**
	 * Saves {@code model} to {@code file}, refusing to replace an existing
	 * file.
	 *
	 * @throws ModelFileException if the file exists or cannot be written
	 */
	public static void save(final TailedCoreModel model, final Path file)
		throws ModelFileException
	{
		save(model, file, false);
	}

	/**
	 * Saves {@code model} to {@code file} atomically: readers see either the
	 * old file or the complete new one.
	 *
	 * @param overwrite whether an existing {@code file} may be replaced
	 * @throws ModelFileException if the file exists and {@code overwrite} is
	 *           false, or it cannot be written; no temporary file is left
	 *           behind
	 */
	public static void save(final TailedCoreModel model, final Path file,
		final boolean overwrite) throws ModelFileException
	{
		final Path target = file.toAbsolutePath();
		try {
			AtomicWrite.write(target, overwrite, out -> write(model, out));
		}
		catch (final FileAlreadyExistsException e) {
			throw exists(target);
		}
		catch (final IOException e) {
			throw new ModelFileException(target, "Could not save the model as " +
				target + " (" + e + "). Check that the folder can be written to, " +
				"that the disk has room and that the name is not a folder or a file " +
				"in use, then save again.", e);
		}
	}

	/**
	 * Checks, before a long fit, that {@link #save} will be able to write
	 * {@code file}: it is not a folder, it is free unless {@code overwrite},
	 * and its folder exists (it is created) and can be written to (a
	 * temporary file is created and deleted there).
	 *
	 * @throws ModelFileException naming the file and what to do
	 */
	public static void requireSavable(final Path file, final boolean overwrite)
		throws ModelFileException
	{
		final Path target = file.toAbsolutePath();
		if (Files.isDirectory(target)) throw new ModelFileException(target,
			target + " is a folder; give the model a file name, e.g. " + target
				.resolve("model" + EXTENSION) + ".");
		if (!overwrite && Files.exists(target, LinkOption.NOFOLLOW_LINKS))
			throw exists(target);
		try {
			Files.createDirectories(target.getParent());
			TemporaryFiles.delete(TemporaryFiles.create(target));
		}
		catch (final IOException e) {
			throw new ModelFileException(target, "Cannot save a model as " +
				target + ": its folder cannot be written to (" + e + "). Choose a " +
				"folder you can write to; nothing was fitted.", e);
		}
	}

	/**
	 * Loads a model file.
	 *
	 * @throws ModelFileException if the file cannot be read, is not a model
	 *           file, has another format version or is damaged
	 */
	public static TailedCoreModel load(final Path file)
		throws ModelFileException
	{
		return new ModelReader(file).read(null);
	}

	/**
	 * Loads a model file and checks that it was fitted with the backbone that
	 * will compute the features to be scored.
	 *
	 * @param expected the backbone at hand
	 * @throws ModelFileException as {@link #load(Path)}, or if the model needs
	 *           another backbone (checked before the bank is read)
	 */
	public static TailedCoreModel load(final Path file,
		final BackboneId expected) throws ModelFileException
	{
		if (expected == null) throw new IllegalArgumentException(
			"Name the backbone to check the model against, or use load(file).");
		return new ModelReader(file).read(expected);
	}

	/** The version of this library, as recorded in the manifest. */
	static String libraryVersion() {
		final String v = ModelFile.class.getPackage().getImplementationVersion();
		return v == null ? "development build" : v;
	}

	private static void write(final TailedCoreModel model,
		final OutputStream out) throws IOException
	{
		final MemoryBank memory = model.memory();
		final byte[] manifest = GSON.toJson(ModelManifest.describe(model, Instant
			.now().toString(), libraryVersion())).getBytes(StandardCharsets.UTF_8);
		final ZipOutputStream zip = new ZipOutputStream(out);
		zip.putNextEntry(new ZipEntry(MANIFEST));
		zip.write(manifest);
		zip.closeEntry();
		putStored(zip, MEMORY, memory.vectors().data());
		if (memory.weights() != null) putStored(zip, WEIGHTS, memory.weights());
		if (memory.origins() != null) putStored(zip, ORIGINS, asFloats(memory
			.origins()));
		if (model.neighbors() != null) putStored(zip, EMBEDDINGS, model
			.neighbors().embeddings().data());
		zip.finish();
		zip.flush();
	}

	/** The origins as float32, which holds them exactly. */
	private static float[] asFloats(final int[] origins) {
		final float[] out = new float[origins.length];
		for (int i = 0; i < origins.length; i++) {
			if (origins[i] >= MAX_ORIGIN) throw new IllegalArgumentException(
				"Cannot save a model fitted on more than " + MAX_ORIGIN + " images.");
			out[i] = origins[i];
		}
		return out;
	}

	/** Writes {@code values} as an uncompressed entry (fast to read back). */
	private static void putStored(final ZipOutputStream zip, final String name,
		final float[] values) throws IOException
	{
		final ZipEntry entry = new ZipEntry(name);
		entry.setMethod(ZipEntry.STORED);
		entry.setSize(FloatCodec.bytes(values.length));
		entry.setCompressedSize(FloatCodec.bytes(values.length));
		entry.setCrc(FloatCodec.crc(values));
		zip.putNextEntry(entry);
		FloatCodec.write(zip, values);
		zip.closeEntry();
	}

	private static ModelFileException exists(final Path target) {
		return new ModelFileException(target, "Not saving the model: " + target +
			" already exists. Choose another name, or allow overwriting it.");
	}
}
