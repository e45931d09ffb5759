package io.github.tailedcore.io;

import io.github.tailedcore.ErrorMessage;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
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
	/** numpy writes headers of a few hundred bytes; refuse anything huge. */
	private static final int MAX_HEADER = 1 << 20;

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
	 * Reads a float32 {@code .npy} file. The header is checked against the
	 * file's real size before anything is allocated: version, header length,
	 * dtype, order, each dimension (a whole number ≥ 0) and their product,
	 * which must match the bytes that follow exactly and fit into one Java
	 * array and into the heap.
	 *
	 * @throws IOException naming the file and what to do when it is not a
	 *           little-endian float32 C-order array of the size it declares
	 */
	public static NpyFile read(final Path file) throws IOException {
		final long size = Files.size(file);
		try (InputStream raw = Files.newInputStream(file);
				DataInputStream in = new DataInputStream(new BufferedInputStream(raw,
					1 << 16)))
		{
			final byte[] magic = new byte[6];
			in.readFully(magic);
			if (!Arrays.equals(magic, MAGIC)) throw new IOException(file +
				" is not a NumPy .npy file (it does not start with \\x93NUMPY). " +
				"Save the array with numpy.save.");
			final int major = in.readUnsignedByte();
			in.readUnsignedByte();
			if (major < 1 || major > 3) throw new IOException(file +
				" is a .npy file of format version " + major + ", which this " +
				"reader does not know (1, 2 or 3). Save it again with numpy.save.");
			final long headerLength = major == 1 ? Short.toUnsignedInt(Short
				.reverseBytes(in.readShort())) : Integer.toUnsignedLong(Integer
					.reverseBytes(in.readInt()));
			final long dataStart = (major == 1 ? 10 : 12) + headerLength;
			if (headerLength > MAX_HEADER || dataStart > size) throw new IOException(
				file + " has a damaged .npy header: it declares " + headerLength +
					" header bytes in a file of " + size + " bytes. Save the array " +
					"again with numpy.save.");
			final byte[] header = new byte[(int) headerLength];
			in.readFully(header);
			final String h = new String(header, StandardCharsets.ISO_8859_1);
			final String descr = find(DESCR, h, file);
			if (!descr.equals("<f4")) throw new IOException(file + " holds '" +
				descr + "' values; save it as little-endian float32 " +
				"(arr.astype('<f4')).");
			if (find(ORDER, h, file).equals("True")) throw new IOException(file +
				" is in Fortran order; save it with np.ascontiguousarray first.");
			final int[] shape = shape(find(SHAPE, h, file), file);
			long n = 1;
			for (final int s : shape)
				n = Math.multiplyExact(n, s);
			final long bytes = n * Float.BYTES;
			if (size - dataStart != bytes) throw new IOException(file +
				" declares shape " + Arrays.toString(shape) + ", " + n +
				" float32 values (" + bytes + " bytes), but " + (size - dataStart) +
				" bytes follow its header: it is " + (size - dataStart < bytes
					? "truncated" : "damaged") + ". Save the array again.");
			if (n > Integer.MAX_VALUE - 8) throw new IOException(file + " holds " +
				n + " values, more than one Java array can hold; split it.");
			if (!HeapRoom.fits(bytes)) throw new IOException("Cannot read " + file +
				": its " + n + " values " + HeapRoom.shortfall(bytes) + ". Split " +
				"the array, or " + ErrorMessage.MORE_MEMORY + ".");
			final float[] data = new float[(int) n];
			FloatCodec.read(in, data);
			return new NpyFile(shape, data);
		}
		catch (final ArithmeticException e) {
			throw new IOException(file + " declares a shape whose size overflows " +
				"a 64-bit number; it is damaged. Save the array again.", e);
		}
		catch (final java.io.EOFException e) {
			throw new IOException(file + " ends before all its values: it is " +
				"truncated. Save the array again.", e);
		}
	}

	/**
	 * Where the first value that is not a finite number (NaN or ±infinity)
	 * is, or -1 if all are finite.
	 */
	public long firstNonFinite() {
		for (int i = 0; i < data.length; i++)
			if (!Float.isFinite(data[i])) return i;
		return -1;
	}

	/** Parses "2, 3" (or "4," or "") into dimensions. */
	private static int[] shape(final String tuple, final Path file)
		throws IOException
	{
		final String[] parts = tuple.split(",", -1);
		final int count = tuple.trim().endsWith(",") ? parts.length - 1
			: tuple.isBlank() ? 0 : parts.length;
		final int[] shape = new int[count];
		for (int i = 0; i < count; i++) {
			final String p = parts[i].trim();
			final long d;
			try {
				d = Long.parseLong(p.endsWith("L") ? p.substring(0, p.length() - 1)
					: p);
			}
			catch (final NumberFormatException e) {
				throw new IOException(file + " has a damaged .npy header: its shape (" +
					tuple + ") holds '" + p + "', not a whole number. Save the array " +
					"again with numpy.save.", e);
			}
			if (d < 0 || d > Integer.MAX_VALUE) throw new IOException(file +
				" has a damaged .npy header: its shape (" + tuple + ") holds the " +
				"dimension " + d + ". Save the array again with numpy.save.");
			shape[i] = (int) d;
		}
		return shape;
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
			FloatCodec.write(out, data);
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
