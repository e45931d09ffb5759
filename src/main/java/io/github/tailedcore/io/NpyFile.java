package io.github.tailedcore.io;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes NumPy {@code .npy} files of little-endian float32 in C
 * order, so that patch features computed in Python
 * ({@code np.save("f.npy", feats.astype("<f4"))}) can be fitted and scored
 * here, and scores go back the same way.
 */
public final class NpyFile {

	private static final byte[] MAGIC = { (byte) 0x93, 'N', 'U', 'M', 'P',
		'Y' };
	private static final Pattern DESCR = Pattern.compile(
		"'descr'\\s*:\\s*'([^']*)'");
	private static final Pattern ORDER = Pattern.compile(
		"'fortran_order'\\s*:\\s*(True|False)");
	private static final Pattern SHAPE = Pattern.compile(
		"'shape'\\s*:\\s*\\(([^)]*)\\)");

	private final int[] shape;
	private final float[] data;

	public NpyFile(final int[] shape, final float[] data) {
		long n = 1;
		for (final int s : shape)
			n *= s;
		if (n != data.length) throw new IllegalArgumentException("Shape " + Arrays
			.toString(shape) + " needs " + n + " values, got " + data.length + ".");
		this.shape = shape.clone();
		this.data = data;
	}

	/** The array's shape, outermost first. */
	public int[] shape() {
		return shape.clone();
	}

	/** The values in C order (shared, not a copy). */
	public float[] data() {
		return data;
	}

	/**
	 * Reads a float32 {@code .npy} file.
	 *
	 * @throws IOException naming the file when it is not a little-endian
	 *           float32 C-order array
	 */
	public static NpyFile read(final Path file) throws IOException {
		try (InputStream raw = Files.newInputStream(file);
				DataInputStream in = new DataInputStream(raw))
		{
			final byte[] magic = new byte[6];
			in.readFully(magic);
			if (!Arrays.equals(magic, MAGIC)) throw new IOException(file +
				" is not a NumPy .npy file.");
			final int major = in.readUnsignedByte();
			in.readUnsignedByte();
			final int headerLength = major == 1 ? Short.toUnsignedInt(Short
				.reverseBytes(in.readShort())) : Integer.reverseBytes(in.readInt());
			final byte[] header = new byte[headerLength];
			in.readFully(header);
			final String h = new String(header, StandardCharsets.ISO_8859_1);
			final String descr = find(DESCR, h, file);
			if (!descr.equals("<f4")) throw new IOException(file + " holds '" +
				descr + "' values; save it as little-endian float32 " +
				"(arr.astype('<f4')).");
			if (find(ORDER, h, file).equals("True")) throw new IOException(file +
				" is in Fortran order; save it with np.ascontiguousarray first.");
			final int[] shape = Arrays.stream(find(SHAPE, h, file).split(",")).map(
				String::trim).filter(s -> !s.isEmpty()).mapToInt(Integer::parseInt)
				.toArray();
			long n = 1;
			for (final int s : shape)
				n *= s;
			if (n > Integer.MAX_VALUE - 8) throw new IOException(file + " holds " +
				n + " values, more than one Java array can hold; split it.");
			final byte[] bytes = new byte[(int) n * 4];
			in.readFully(bytes);
			final float[] data = new float[(int) n];
			ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(
				data);
			return new NpyFile(shape, data);
		}
		catch (final java.io.EOFException e) {
			throw new IOException(file + " ends before all its values: it is " +
				"truncated.", e);
		}
	}

	/**
	 * Writes this array atomically (temporary file, then move).
	 *
	 * @param overwrite whether an existing file may be replaced
	 * @throws java.nio.file.FileAlreadyExistsException if the file exists and
	 *           {@code overwrite} is false
	 */
	public void write(final Path file, final boolean overwrite)
		throws IOException
	{
		final StringBuilder s = new StringBuilder();
		for (final int d : shape)
			s.append(d).append(", ");
		String header = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + (shape.length == 1
			? shape[0] + "," : s.substring(0, Math.max(0, s.length() - 2))) + "), }";
		final int total = MAGIC.length + 4 + header.length() + 1;
		final String padded = header + " ".repeat((64 - total % 64) % 64) + "\n";
		AtomicWrite.write(file, overwrite, out -> {
			out.write(MAGIC);
			out.write(new byte[] { 1, 0, (byte) padded.length(), (byte) (padded
				.length() >> 8) });
			out.write(padded.getBytes(StandardCharsets.ISO_8859_1));
			final ByteBuffer b = ByteBuffer.allocate(data.length * 4).order(
				ByteOrder.LITTLE_ENDIAN);
			b.asFloatBuffer().put(data);
			out.write(b.array());
		});
	}

	private static String find(final Pattern p, final String header,
		final Path file) throws IOException
	{
		final Matcher m = p.matcher(header);
		if (!m.find()) throw new IOException(file +
			" has a .npy header without '" + p.pattern().split("'")[1] + "'.");
		return m.group(1);
	}
}
