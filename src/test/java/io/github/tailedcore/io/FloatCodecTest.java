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

	@Test
	void shortInputIsAnEndOfFile() {
		assertThrows(EOFException.class, () -> FloatCodec.read(
			new ByteArrayInputStream(new byte[7]), new float[2]));
	}
}
