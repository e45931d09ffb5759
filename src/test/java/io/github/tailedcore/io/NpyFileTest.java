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

	/** What this class writes is byte for byte what numpy writes. */
	@Test
	void writesWhatNumpyWrites() throws IOException {
		// An empty array of 41 dims has a header past 255 bytes: both bytes
		// of its length count.
		final int[] wide = new int[41];
		Arrays.fill(wide, 1, wide.length, 1000);
		for (final int[] shape : new int[][] { { 2, 3 }, { 4 }, {}, { 1, 2, 3 },
			wide })
		{
			int n = 1;
			for (final int d : shape)
				n *= d;
			final float[] data = new float[n];
			for (int i = 0; i < n; i++)
				data[i] = i * 0.5f;
			final String tuple = shape.length == 1 ? "(" + shape[0] + ",)" : Arrays
				.toString(shape).replace('[', '(').replace(']', ')');
			final Path ours = dir.resolve("ours" + shape.length + ".npy");
			new NpyFile(shape, data).write(ours, false);
			assertArrayEquals(Files.readAllBytes(numpySaved("np" + shape.length +
				".npy", tuple, n)), Files.readAllBytes(ours), tuple);
		}
	}

	/** Format 2.0 and 3.0 headers have a 4-byte length; Python 2 wrote "3L". */
	@Test
	void readsLaterFormatVersionsAndLongDimensions() throws IOException {
		for (final int major : new int[] { 2, 3 }) {
			final NpyFile npy = NpyFile.read(written("v" + major + ".npy", major,
				"{'descr': '<f4', 'fortran_order': False, 'shape': (3L, 1L), }", 3));
			assertArrayEquals(new int[] { 3, 1 }, npy.shape());
			assertArrayEquals(new float[] { 0, 0.5f, 1 }, npy.data());
		}
	}

	/** Each header defect is refused naming the file and what is wrong. */
	@Test
	void refusesDamagedOrForeignHeaders() throws IOException {
		final String good = "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }";
		assertRefused(written("v0.npy", 0, good, 2), "format version 0");
		assertRefused(written("v4.npy", 4, good, 2), "format version 4");
		// { what the good header's text becomes, words of the message }
		final String[][] damaged = { //
			{ "'<f4'", "'<f8'", "holds '<f8' values" }, //
			{ "'<f4'", "'>f4'", "holds '>f4' values" }, //
			{ "False", "True", "Fortran order" }, //
			{ "'descr'", "'d'", "without 'descr'" }, //
			{ "'fortran_order'", "'f'", "without 'fortran_order'" }, //
			{ "'shape'", "'s'", "without 'shape'" }, //
			{ "(2,)", "(2, x)", "its shape (2, x) holds 'x', not a whole number" }, //
			{ "(2,)", "(-2,)", "holds the dimension -2" }, //
			{ "(2,)", "(2147483648,)", "holds the dimension 2147483648" }, //
			{ "(2,)", "(2147483647,)",
				"(8589934588 bytes), but 8 bytes follow its header: it is truncated" }, //
			{ "(2,)", "(2147483647, 2147483647, 2147483647)",
				"overflows a 64-bit" } };
		for (int i = 0; i < damaged.length; i++)
			assertRefused(written("damaged" + i + ".npy", 1, good.replace(
				damaged[i][0], damaged[i][1]), 2), damaged[i][2]);
		assertRefused(written("extra.npy", 1, good, 3),
			"(8 bytes), but 12 bytes follow its header: it is damaged");
		assertRefused(written("short.npy", 1, good, 1),
			"(8 bytes), but 4 bytes follow its header: it is truncated");
	}

	/**
	 * A header length past the file's end, or past 1 MiB, is refused before
	 * it is allocated; one that ends exactly at the file's end is read.
	 */
	@Test
	void refusesAHeaderLongerThanTheFile() throws IOException {
		final Path file = dir.resolve("long.npy");
		final byte[] start = { (byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0 };
		Files.write(file, concat(start, new byte[] { (byte) 0xff, (byte) 0xff }));
		assertRefused(file, "it declares 65535 header bytes in a file of 10 bytes");
		final String header = "{'descr': '<f4', 'fortran_order': False, 'shape': (0,), }";
		Files.write(file, concat(start, new byte[] { (byte) header.length(), 0 },
			header.getBytes(StandardCharsets.ISO_8859_1)));
		assertArrayEquals(new int[] { 0 }, NpyFile.read(file).shape());

		final byte[] v2 = { (byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 2, 0 };
		final byte[] huge = new byte[(1 << 20) + 16];
		final ByteBuffer length = ByteBuffer.wrap(huge).order(
			ByteOrder.LITTLE_ENDIAN);
		length.putInt((1 << 20) + 1);
		Files.write(file, concat(v2, huge));
		assertRefused(file, "it declares 1048577 header bytes");
		length.putInt(0, 1 << 20);
		Files.write(file, concat(v2, huge));
		assertRefused(file, "without 'descr'");
	}

	@Test
	void theShapeMustMatchTheValues() {
		final IllegalArgumentException e = assertThrows(
			IllegalArgumentException.class, () -> new NpyFile(new int[] { 2, 3 },
				new float[5]));
		assertEquals("Shape [2, 3] needs 6 values, got 5.", e.getMessage());
		final int[] shape = { 2, 3 };
		final NpyFile npy = new NpyFile(shape, new float[6]);
		shape[0] = 3;
		npy.shape()[1] = 2;
		assertArrayEquals(new int[] { 2, 3 }, npy.shape());
	}

	@Test
	void findsTheFirstValueThatIsNotFinite() {
		assertEquals(-1, new NpyFile(new int[] { 3 }, new float[] { 1, -2, 3 })
			.firstNonFinite());
		assertEquals(1, new NpyFile(new int[] { 3 }, new float[] { 1, Float.NaN,
			Float.POSITIVE_INFINITY }).firstNonFinite());
		assertEquals(2, new NpyFile(new int[] { 3 }, new float[] { 1, 2,
			Float.NEGATIVE_INFINITY }).firstNonFinite());
		assertEquals(-1, new NpyFile(new int[] { 0 }, new float[0])
			.firstNonFinite());
	}

	@Test
	void overwritesOnlyWhenAsked() throws IOException {
		final Path file = dir.resolve("d.npy");
		new NpyFile(new int[] { 1 }, new float[] { 1 }).write(file, false);
		new NpyFile(new int[] { 2 }, new float[] { 2, 3 }).write(file, true);
		assertArrayEquals(new float[] { 2, 3 }, NpyFile.read(file).data());
	}

	/**
	 * A file of format version {@code major} with this header (padded, with
	 * its newline) followed by {@code values} float32 values 0, 0.5, 1, …
	 */
	private Path written(final String name, final int major,
		final String header, final int values) throws IOException
	{
		final String padded = header + " ".repeat(20) + "\n";
		final ByteBuffer b = ByteBuffer.allocate(12 + padded.length() + 4 *
			values).order(ByteOrder.LITTLE_ENDIAN);
		b.put(new byte[] { (byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major,
			0 });
		if (major == 1) b.putShort((short) padded.length());
		else b.putInt(padded.length());
		b.put(padded.getBytes(StandardCharsets.ISO_8859_1));
		for (int i = 0; i < values; i++)
			b.putFloat(i * 0.5f);
		return Files.write(dir.resolve(name), Arrays.copyOf(b.array(), b
			.position()));
	}

	private static byte[] concat(final byte[]... parts) {
		final ByteBuffer b = ByteBuffer.allocate(Arrays.stream(parts).mapToInt(
			p -> p.length).sum());
		for (final byte[] p : parts)
			b.put(p);
		return b.array();
	}

	private static void assertRefused(final Path file, final String words) {
		final IOException e = assertThrows(IOException.class, () -> NpyFile.read(
			file));
		assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
		assertTrue(e.getMessage().contains(words), e.getMessage());
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
