package io.github.tailedcore.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyFileTest {

	@TempDir
	Path dir;

	/** A file laid out byte by byte as numpy 1.x writes np.save(f, a) for a (2, 3) float32 array. */
	@Test
	void readsWhatNumpyWrites() throws IOException {
		final NpyFile npy = NpyFile.read(numpySaved("a.npy", "(2, 3)", 6));
		assertArrayEquals(new int[] { 2, 3 }, npy.shape());
		assertArrayEquals(new float[] { 0, 0.5f, 1, 1.5f, 2, 2.5f }, npy.data());
	}

	/** numpy writes a 1-D shape as "(4,)" and a 0-D one as "()". */
	@Test
	void readsOneAndZeroDimensionalArrays() throws IOException {
		final NpyFile vector = NpyFile.read(numpySaved("v.npy", "(4,)", 4));
		assertArrayEquals(new int[] { 4 }, vector.shape());
		assertArrayEquals(new float[] { 0, 0.5f, 1, 1.5f }, vector.data());
		final NpyFile scalar = NpyFile.read(numpySaved("s.npy", "()", 1));
		assertArrayEquals(new int[0], scalar.shape());
		assertArrayEquals(new float[] { 0 }, scalar.data());
		final NpyFile empty = NpyFile.read(numpySaved("e.npy", "(0,)", 0));
		assertArrayEquals(new int[] { 0 }, empty.shape());
		assertEquals(0, empty.data().length);
	}

	/**
	 * The bytes of np.save (format 1.0) for a float32 array of this shape
	 * holding 0, 0.5, 1, …
	 */
	private Path numpySaved(final String name, final String shape,
		final int values) throws IOException
	{
		final String header = "{'descr': '<f4', 'fortran_order': False, " +
			"'shape': " + shape + ", }";
		final int pad = 64 - (10 + header.length() + 1) % 64;
		final String padded = header + " ".repeat(pad) + "\n";
		final ByteBuffer b = ByteBuffer.allocate(10 + padded.length() + 4 *
			values).order(ByteOrder.LITTLE_ENDIAN);
		b.put(new byte[] { (byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0 });
		b.putShort((short) padded.length());
		b.put(padded.getBytes(StandardCharsets.ISO_8859_1));
		for (int i = 0; i < values; i++)
			b.putFloat(i * 0.5f);
		final Path file = dir.resolve(name);
		Files.write(file, b.array());
		return file;
	}

	@Test
	void roundTripsAndKeepsHeaderAligned() throws IOException {
		final Path file = dir.resolve("b.npy");
		final float[] data = { 1, -2, 3.25f, 4, 5, 6, 7, 8 };
		new NpyFile(new int[] { 2, 2, 2 }, data).write(file, false);
		final NpyFile back = NpyFile.read(file);
		assertArrayEquals(new int[] { 2, 2, 2 }, back.shape());
		assertArrayEquals(data, back.data());
		assertTrue((Files.size(file) - 32) % 64 == 0, "numpy aligns the data to 64 bytes");
	}

	@Test
	void refusesToOverwrite() throws IOException {
		final Path file = dir.resolve("c.npy");
		Files.write(file, new byte[] { 1, 2, 3 });
		assertThrows(FileAlreadyExistsException.class, () -> new NpyFile(new int[] {
			1 }, new float[] { 1 }).write(file, false));
		assertArrayEquals(new byte[] { 1, 2, 3 }, Files.readAllBytes(file));
	}

	@Test
	void namesTheFileOfABadArray() throws IOException {
		final Path text = dir.resolve("text.npy");
		Files.write(text, "hello".getBytes(StandardCharsets.US_ASCII));
		assertTrue(assertThrows(IOException.class, () -> NpyFile.read(text))
			.getMessage().contains("text.npy"));

		final Path truncated = dir.resolve("cut.npy");
		new NpyFile(new int[] { 4 }, new float[] { 1, 2, 3, 4 }).write(truncated,
			false);
		final byte[] all = Files.readAllBytes(truncated);
		Files.write(truncated, Arrays.copyOf(all, all.length - 3));
		final IOException e = assertThrows(IOException.class, () -> NpyFile.read(
			truncated));
		assertTrue(e.getMessage().contains("cut.npy") && e.getMessage().contains(
			"truncated"), e.getMessage());
	}
}
