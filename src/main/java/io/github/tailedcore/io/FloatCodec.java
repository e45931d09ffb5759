package io.github.tailedcore.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32;

/**
 * Streams {@code float} arrays as raw little-endian float32 through one
 * small buffer, so that a memory bank of gigabytes is written and read
 * without a second copy of it in memory.
 */
final class FloatCodec {

	/** Floats per buffer (64 KiB). */
	private static final int CHUNK = 1 << 14;

	private FloatCodec() {}

	/** Bytes that {@code count} floats take. */
	static long bytes(final long count) {
		return count * Float.BYTES;
	}

	/** The CRC-32 of the little-endian bytes of {@code values}. */
	static long crc(final float[] values) {
		final CRC32 crc = new CRC32();
		final ByteBuffer buffer = buffer();
		for (int from = 0; from < values.length; from += CHUNK) {
			final int n = fill(buffer, values, from);
			crc.update(buffer.array(), 0, n);
		}
		return crc.getValue();
	}

	/** Writes {@code values} as little-endian float32. */
	static void write(final OutputStream out, final float[] values)
		throws IOException
	{
		final ByteBuffer buffer = buffer();
		for (int from = 0; from < values.length; from += CHUNK) {
			final int n = fill(buffer, values, from);
			out.write(buffer.array(), 0, n);
		}
	}

	/**
	 * Fills {@code values} from little-endian float32 bytes and returns the
	 * CRC-32 of those bytes.
	 *
	 * @throws EOFException if the stream ends before {@code values} is full
	 */
	static long read(final InputStream in, final float[] values)
		throws IOException
	{
		final CRC32 crc = new CRC32();
		final ByteBuffer buffer = buffer();
		for (int from = 0; from < values.length; from += CHUNK) {
			final int count = Math.min(CHUNK, values.length - from);
			final int n = count * Float.BYTES;
			if (in.readNBytes(buffer.array(), 0, n) < n) throw new EOFException(
				"The data end after " + bytes(from) + " bytes of " + bytes(
					values.length) + ".");
			crc.update(buffer.array(), 0, n);
			buffer.clear();
			buffer.asFloatBuffer().get(values, from, count);
		}
		return crc.getValue();
	}

	private static ByteBuffer buffer() {
		return ByteBuffer.allocate(CHUNK * Float.BYTES).order(
			ByteOrder.LITTLE_ENDIAN);
	}

	/** Puts up to one chunk of {@code values} into the buffer; returns bytes. */
	private static int fill(final ByteBuffer buffer, final float[] values,
		final int from)
	{
		final int count = Math.min(CHUNK, values.length - from);
		buffer.clear();
		buffer.asFloatBuffer().put(values, from, count);
		return count * Float.BYTES;
	}
}
