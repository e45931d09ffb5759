package io.github.tailedcore.io;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

import io.github.tailedcore.TailedCoreModel;
import io.github.tailedcore.feature.BackboneId;
import io.github.tailedcore.memory.MemoryBank;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
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
 * weighted (SoftPatch) bank.</li>
 * </ul>
 * Saving streams the bank through a small buffer into a temporary file in
 * the target folder, flushes it to disk and renames it over the target
 * atomically, so a crash or a full disk never leaves a half-written model.
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

	/** The format version this code writes and the only one it reads. */
	public static final int FORMAT_VERSION = 1;
	/** The file name extension, with its dot. */
	public static final String EXTENSION = ".tailedcore";

	static final String MANIFEST = "manifest.json";
	static final String MEMORY = "memory.bin";
	static final String WEIGHTS = "weights.bin";

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
		if (!overwrite && Files.exists(target)) throw exists(target);
		final Path temp;
		try {
			temp = Files.createTempFile(target.getParent(), "." + target
				.getFileName() + "-", ".tmp");
		}
		catch (final IOException | UnsupportedOperationException e) {
			throw new ModelFileException(target, "Cannot save the model as " +
				target + ": the folder " + target.getParent() +
				" does not exist or cannot be written to (" + e + "). Choose a " +
				"folder you can write to.", e);
		}
		try {
			write(model, temp);
			if (!overwrite && Files.exists(target)) throw exists(target);
			move(temp, target, overwrite);
		}
		catch (final IOException e) {
			final ModelFileException failure = e instanceof ModelFileException
				? (ModelFileException) e : new ModelFileException(target,
					"Could not save the model as " + target + " (" + e + "). Check " +
						"that the disk has room and that the name is not a folder or a " +
						"file in use, then save again.", e);
			delete(temp, failure);
			throw failure;
		}
		catch (final RuntimeException | Error e) {
			delete(temp, e);
			throw e;
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

	private static void write(final TailedCoreModel model, final Path temp)
		throws IOException
	{
		final MemoryBank memory = model.memory();
		final byte[] manifest = GSON.toJson(ModelManifest.describe(model, Instant
			.now().toString(), libraryVersion())).getBytes(StandardCharsets.UTF_8);
		try (FileChannel channel = FileChannel.open(temp,
			StandardOpenOption.WRITE);
				ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(
					Channels.newOutputStream(channel), 1 << 16)))
		{
			zip.putNextEntry(new ZipEntry(MANIFEST));
			zip.write(manifest);
			zip.closeEntry();
			putStored(zip, MEMORY, memory.vectors().data());
			if (memory.weights() != null) putStored(zip, WEIGHTS, memory.weights());
			zip.finish();
			zip.flush();
			channel.force(true);
		}
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

	private static void move(final Path temp, final Path target,
		final boolean overwrite) throws IOException
	{
		try {
			Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (final AtomicMoveNotSupportedException e) {
			if (overwrite) Files.move(temp, target,
				StandardCopyOption.REPLACE_EXISTING);
			else Files.move(temp, target);
		}
	}

	private static ModelFileException exists(final Path target) {
		return new ModelFileException(target, "Not saving the model: " + target +
			" already exists. Choose another name, or allow overwriting it.");
	}

	/** Removes the temporary file of a failed save. */
	private static void delete(final Path temp, final Throwable failure) {
		try {
			Files.deleteIfExists(temp);
		}
		catch (final IOException e) {
			failure.addSuppressed(e);
		}
	}
}
