package io.github.tailedcore.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.zip.CRC32;

import org.junit.jupiter.api.Test;

class FloatCodecTest {

	@Test
	void writesLittleEndianFloat32() throws IOException {
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		FloatCodec.write(out, new float[] { 1f, -2f });
		// 1.0f = 0x3F800000, −2.0f = 0xC0000000, lowest byte first.
		assertArrayEquals(new byte[] { 0, 0, (byte) 0x80, 0x3F, 0, 0, 0,
			(byte) 0xC0 }, out.toByteArray());
	}

	@Test
	void roundTripsManyChunksBitExactWithItsCrc() throws IOException {
		final float[] values = new float[40_000];
		for (int i = 0; i < values.length; i++)
			values[i] = Float.intBitsToFloat(i * 104_729 + 7);
		values[3] = -0f;
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		FloatCodec.write(out, values);
		final byte[] bytes = out.toByteArray();
		assertEquals(FloatCodec.bytes(values.length), bytes.length);
		final CRC32 crc = new CRC32();
		crc.update(bytes);
		assertEquals(crc.getValue(), FloatCodec.crc(values));

		final float[] back = new float[values.length];
		assertEquals(crc.getValue(), FloatCodec.read(new ByteArrayInputStream(
			bytes), back));
		for (int i = 0; i < values.length; i++)
			assertEquals(Float.floatToRawIntBits(values[i]), Float.floatToRawIntBits(
				back[i]));
	}

	/**
	 * A stream that ends inside the second 64 KiB chunk: the message counts
	 * the bytes of the chunks that were complete.
	 */
	@Test
	void theEndOfFileSaysWhereTheDataEnd() {
		final int chunk = 1 << 14;
		final EOFException e = assertThrows(EOFException.class, () -> FloatCodec
			.read(new ByteArrayInputStream(new byte[(chunk + 5) * 4 - 1]),
				new float[chunk + 5]));
		assertEquals("The data end after 65536 bytes of 65556.", e.getMessage());
	}

	/** Exactly one chunk, and one value more, round trip with their CRC. */
	@Test
	void chunkEdgesRoundTrip() throws IOException {
		for (final int n : new int[] { 0, 1, 1 << 14, (1 << 14) + 1 }) {
			final float[] values = new float[n];
			for (int i = 0; i < n; i++)
				values[i] = i + 0.25f;
			final ByteArrayOutputStream out = new ByteArrayOutputStream();
			FloatCodec.write(out, values);
			assertEquals(4L * n, out.size());
			final CRC32 crc = new CRC32();
			crc.update(out.toByteArray());
			assertEquals(crc.getValue(), FloatCodec.crc(values));
			final float[] back = new float[n];
			assertEquals(crc.getValue(), FloatCodec.read(new ByteArrayInputStream(
				out.toByteArray()), back));
			assertArrayEquals(values, back);
		}
	}

	@Test
	void shortInputIsAnEndOfFile() {
		assertThrows(EOFException.class, () -> FloatCodec.read(
			new ByteArrayInputStream(new byte[7]), new float[2]));
	}
}
