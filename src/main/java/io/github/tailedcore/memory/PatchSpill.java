package io.github.tailedcore.memory;

import io.github.tailedcore.feature.FeatureGrid;
import io.github.tailedcore.feature.ImagePatches;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;

/**
 * The full-dimensional patch features of a fit's images, written to a
 * temporary file as the images stream past and read back, memory-mapped,
 * for the few rows that end in the memory bank and the few images the
 * threshold scores: the heap holds none of them (spec §1 keeps the D-dim
 * vectors of the picks only).
 * <p>
 * Images are appended in order, L × D floats each in the machine's byte
 * order, so image i starts at byte i · L · D · 4. The file is opened with
 * {@link StandardOpenOption#DELETE_ON_CLOSE}: on Linux and macOS it has no
 * name from the moment it is opened, so it disappears even if Java is
 * killed, and elsewhere it is deleted on {@link #close()} at the latest.
 * Reads map the file in pieces of whole images below 2 GB each.
 * </p>
 * <p>
 * Appends must come from one thread at a time; reads may run in parallel
 * with each other once the images read have been appended.
 * </p>
 */
public final class PatchSpill implements ImagePatches, AutoCloseable {

	/** The system property naming the folder for the file (default: java.io.tmpdir). */
	public static final String FOLDER_PROPERTY = "tailedcore.spill.dir";

	private final FeatureGrid grid;
	private final Path folder;
	private final FileChannel channel;
	private final long imageBytes;
	private final int imagesPerPiece;
	private final ByteBuffer writeBuffer;
	/** Read-only mappings of the pieces read so far (copied on change). */
	private volatile FloatBuffer[] pieces = new FloatBuffer[0];
	private int images;

	private PatchSpill(final FeatureGrid grid, final Path folder,
		final FileChannel channel)
	{
		this.grid = grid;
		this.folder = folder;
		this.channel = channel;
		imageBytes = (long) grid.locations() * grid.dims() * Float.BYTES;
		imagesPerPiece = (int) Math.max(1, Integer.MAX_VALUE / imageBytes);
		writeBuffer = ByteBuffer.allocateDirect(Math.toIntExact(imageBytes)).order(
			ByteOrder.nativeOrder());
	}

	/**
	 * An empty spill file in {@link #folder()}, after checking that the disk
	 * there has room for {@code images} images.
	 *
	 * @throws IllegalStateException before writing anything if the disk is too
	 *           full, saying how much room is needed and where
	 * @throws IOException if the file cannot be created
	 */
	public static PatchSpill create(final FeatureGrid grid, final long images)
		throws IOException
	{
		final Path folder = folder();
		requireSpace(folder, images * grid.locations() * grid.dims() *
			Float.BYTES);
		final Path file = Files.createTempFile(folder, "tailedcore-", ".patches");
		try {
			return new PatchSpill(grid, folder, FileChannel.open(file,
				StandardOpenOption.READ, StandardOpenOption.WRITE,
				StandardOpenOption.DELETE_ON_CLOSE));
		}
		catch (final IOException | RuntimeException e) {
			Files.deleteIfExists(file);
			throw e;
		}
	}

	/**
	 * Where spill files go: the folder named by the system property
	 * {@value #FOLDER_PROPERTY}, else {@code java.io.tmpdir}.
	 */
	public static Path folder() {
		return Paths.get(System.getProperty(FOLDER_PROPERTY, System.getProperty(
			"java.io.tmpdir")));
	}

	/**
	 * @throws IllegalStateException if {@code folder}'s disk has less than
	 *           {@code bytes} (plus 1 GB to spare) usable
	 */
	static void requireSpace(final Path folder, final long bytes)
		throws IOException
	{
		final long usable = Files.getFileStore(folder).getUsableSpace();
		final long spare = 1L << 30;
		if (bytes + spare <= usable) return;
		throw new IllegalStateException(String.format(Locale.ROOT,
			"This fit writes about %.1f GB of patch features to a temporary file " +
				"in %s, which has %.1f GB free. Free some disk space there, or " +
				"start Java with -D%s=<a folder on a disk with room> (or " +
				"-Djava.io.tmpdir=...).", bytes / 1e9, folder.toAbsolutePath(),
			usable / 1e9, FOLDER_PROPERTY));
	}

	/**
	 * Appends the next image.
	 *
	 * @param imagePatches its L × D values, row-major over locations
	 * @throws IllegalArgumentException if the length does not fit the grid
	 * @throws IOException if the file cannot be written
	 */
	public synchronized void add(final float[] imagePatches) throws IOException {
		if (imagePatches.length * (long) Float.BYTES != imageBytes)
			throw new IllegalArgumentException("An image on a " + grid + " grid " +
				"needs " + imageBytes / Float.BYTES + " patch values, got " +
				imagePatches.length + ".");
		writeBuffer.clear();
		writeBuffer.asFloatBuffer().put(imagePatches);
		long position = (long) images * imageBytes;
		while (writeBuffer.hasRemaining())
			position += channel.write(writeBuffer, position);
		images++;
	}

	/** The folder that holds the file. */
	public Path location() {
		return folder;
	}

	@Override
	public FeatureGrid grid() {
		return grid;
	}

	/** Images appended so far. */
	@Override
	public synchronized int imageCount() {
		return images;
	}

	/** Bytes written so far. */
	public synchronized long bytes() {
		return (long) images * imageBytes;
	}

	/** A fresh copy of image {@code i}'s L × D values. */
	@Override
	public float[] patches(final int image) {
		final float[] out = new float[Math.toIntExact(imageBytes / Float.BYTES)];
		read(image, 0, out, 0, out.length);
		return out;
	}

	@Override
	public void copyPatch(final long globalIndex, final float[] out,
		final int offset)
	{
		final int locations = grid.locations();
		read(Math.toIntExact(globalIndex / locations), (int) (globalIndex %
			locations) * grid.dims(), out, offset, grid.dims());
	}

	/** Copies {@code length} floats of an image from float {@code from} on. */
	private void read(final int image, final int from, final float[] out,
		final int offset, final int length)
	{
		if (image < 0 || image >= imageCount()) throw new IndexOutOfBoundsException(
			"Image " + image + " of " + imageCount() + " spilled images.");
		final int k = image / imagesPerPiece;
		final int start = (int) ((image % imagesPerPiece) * (imageBytes /
			Float.BYTES)) + from;
		FloatBuffer[] mapped = pieces;
		if (k >= mapped.length || mapped[k] == null || mapped[k]
			.capacity() < start + length) mapped = map(k);
		mapped[k].get(start, out, offset, length);
	}

	/**
	 * Maps piece k again with all images written so far, and returns the new
	 * mappings.
	 */
	private synchronized FloatBuffer[] map(final int k) {
		final FloatBuffer[] mapped = Arrays.copyOf(pieces, Math.max(pieces.length,
			k + 1));
		final long first = (long) k * imagesPerPiece;
		try {
			mapped[k] = channel.map(FileChannel.MapMode.READ_ONLY, first * imageBytes,
				Math.min(imagesPerPiece, images - first) * imageBytes).order(ByteOrder
					.nativeOrder()).asFloatBuffer();
		}
		catch (final IOException e) {
			throw new UncheckedIOException("Cannot read back the temporary patch " +
				"features in " + folder + ": " + e.getMessage(), e);
		}
		pieces = mapped;
		return mapped;
	}

	/** Closes and deletes the file. */
	@Override
	public synchronized void close() throws IOException {
		pieces = new FloatBuffer[0];
		channel.close();
	}
}
