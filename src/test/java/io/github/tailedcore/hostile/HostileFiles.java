package io.github.tailedcore.hostile;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

/**
 * Files a careless or hostile user gives: images that are truncated, blank,
 * tiny, huge on paper (decompression bombs), off-scale; NumPy files whose
 * headers lie; model files with lying manifests or NaN banks. All small:
 * the lies are in the headers.
 */
final class HostileFiles {

	private HostileFiles() {}

	// -- images

	/** An RGB noise image, {@code w × h}. */
	static ImagePlus noise(final String title, final int w, final int h,
		final long seed)
	{
		final Random r = new Random(seed);
		final int[] pixels = new int[w * h];
		for (int i = 0; i < pixels.length; i++)
			pixels[i] = r.nextInt(1 << 24);
		return new ImagePlus(title, new ColorProcessor(w, h, pixels));
	}

	static Path png(final Path file, final ImagePlus imp) throws IOException {
		Files.createDirectories(file.getParent());
		if (!new FileSaver(imp).saveAsPng(file.toString())) throw new IOException(
			"Cannot write " + file);
		return file;
	}

	static Path tiff(final Path file, final ImagePlus imp) throws IOException {
		Files.createDirectories(file.getParent());
		final boolean ok = imp.getStackSize() > 1 ? new FileSaver(imp)
			.saveAsTiffStack(file.toString()) : new FileSaver(imp).saveAsTiff(file
				.toString());
		if (!ok) throw new IOException("Cannot write " + file);
		return file;
	}

	static Path jpeg(final Path file, final ImagePlus imp) throws IOException {
		Files.createDirectories(file.getParent());
		if (!ImageIO.write(imp.getBufferedImage(), "jpg", file.toFile()))
			throw new IOException("Cannot write " + file);
		return file;
	}

	/** The first {@code fraction} of the file, as a cut download leaves it. */
	static Path truncate(final Path file, final double fraction)
		throws IOException
	{
		final byte[] all = Files.readAllBytes(file);
		Files.write(file, Arrays.copyOf(all, (int) (all.length * fraction)));
		return file;
	}

	/** A blank 8-bit image, every pixel {@code value}. */
	static ImagePlus blank(final int w, final int h, final int value) {
		final ByteProcessor p = new ByteProcessor(w, h);
		p.setValue(value);
		p.fill();
		return new ImagePlus("blank", p);
	}

	/** A 32-bit image of uniform noise in [lo, hi). */
	static ImagePlus floats(final int w, final int h, final float lo,
		final float hi, final long seed)
	{
		final Random r = new Random(seed);
		final float[] v = new float[w * h];
		for (int i = 0; i < v.length; i++)
			v[i] = lo + (hi - lo) * r.nextFloat();
		return new ImagePlus("float", new FloatProcessor(w, h, v));
	}

	/** A stack of {@code slices} noise slices (8-bit). */
	static ImagePlus stack(final int w, final int h, final int slices,
		final long seed)
	{
		final Random r = new Random(seed);
		final ImageStack stack = new ImageStack(w, h);
		for (int s = 0; s < slices; s++) {
			final byte[] b = new byte[w * h];
			r.nextBytes(b);
			stack.addSlice(new ByteProcessor(w, h, b));
		}
		return new ImagePlus("stack", stack);
	}

	/** A two-channel composite hyperstack (8-bit noise). */
	static ImagePlus composite(final int w, final int h) {
		return IJ.createImage("composite", "8-bit random", w, h, 2, 1, 1);
	}

	/**
	 * A PNG whose header claims {@code w × h} grey pixels, with a few bytes of
	 * compressed data: a decompression bomb's header, without the bomb.
	 */
	static Path pngClaiming(final Path file, final int w, final int h)
		throws IOException
	{
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a,
			'\n' });
		final ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(w).putInt(h).put(
			(byte) 8).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
		chunk(out, "IHDR", ihdr.array());
		final ByteArrayOutputStream idat = new ByteArrayOutputStream();
		try (DeflaterOutputStream z = new DeflaterOutputStream(idat, new Deflater(
			9)))
		{
			z.write(new byte[1 << 16]);
		}
		chunk(out, "IDAT", idat.toByteArray());
		chunk(out, "IEND", new byte[0]);
		Files.createDirectories(file.getParent());
		return Files.write(file, out.toByteArray());
	}

	private static void chunk(final ByteArrayOutputStream out,
		final String type, final byte[] data) throws IOException
	{
		final DataOutputStream d = new DataOutputStream(out);
		d.writeInt(data.length);
		final byte[] t = type.getBytes(StandardCharsets.US_ASCII);
		d.write(t);
		d.write(data);
		final CRC32 crc = new CRC32();
		crc.update(t);
		crc.update(data);
		d.writeInt((int) crc.getValue());
	}

	/** A grey BufferedImage-backed PNG written by ImageIO, for odd sizes. */
	static Path pngOfSize(final Path file, final int w, final int h,
		final long seed) throws IOException
	{
		final BufferedImage b = new BufferedImage(w, h,
			BufferedImage.TYPE_BYTE_GRAY);
		final Random r = new Random(seed);
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				b.getRaster().setSample(x, y, 0, r.nextInt(256));
		Files.createDirectories(file.getParent());
		ImageIO.write(b, "png", file.toFile());
		return file;
	}

	// -- NumPy files

	/**
	 * A .npy file with the header fields as given (a lie or not) and
	 * {@code data} after it.
	 */
	static Path npy(final Path file, final int major, final String descr,
		final String fortran, final String shape, final byte[] data)
		throws IOException
	{
		final String header = "{'descr': '" + descr + "', 'fortran_order': " +
			fortran + ", 'shape': (" + shape + "), }";
		final int prefix = major == 1 ? 10 : 12;
		final String padded = header + " ".repeat((64 - (prefix + header
			.length() + 1) % 64) % 64) + "\n";
		final ByteBuffer b = ByteBuffer.allocate(prefix + padded.length() +
			data.length).order(ByteOrder.LITTLE_ENDIAN);
		b.put(new byte[] { (byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major,
			0 });
		if (major == 1) b.putShort((short) padded.length());
		else b.putInt(padded.length());
		b.put(padded.getBytes(StandardCharsets.ISO_8859_1));
		b.put(data);
		Files.createDirectories(file.getParent());
		return Files.write(file, b.array());
	}

	/** Little-endian float32 bytes of {@code values}. */
	static byte[] floats(final float... values) {
		final ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(
			ByteOrder.LITTLE_ENDIAN);
		b.asFloatBuffer().put(values);
		return b.array();
	}

	/** {@code n} floats near a prototype, as patch features of a tiny grid. */
	static float[] features(final int n, final long seed) {
		final Random r = new Random(seed);
		final float[] f = new float[n];
		for (int i = 0; i < n; i++)
			f[i] = (i % 8 == 0 ? 1 : 0) + 0.05f * (float) r.nextGaussian();
		return f;
	}

	/** A sparse file of {@code bytes}: a huge file that takes no disk. */
	static Path sparse(final Path file, final byte[] head, final long bytes)
		throws IOException
	{
		Files.createDirectories(file.getParent());
		try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
			f.write(head);
			f.setLength(bytes);
		}
		return file;
	}

	// -- model files

	/**
	 * A copy of the model {@code source} with entry {@code name} changed
	 * (its CRC recomputed, as a careful forger would).
	 */
	static Path rewrite(final Path source, final Path target, final String name,
		final UnaryOperator<byte[]> change) throws IOException
	{
		Files.createDirectories(target.getParent());
		try (ZipFile in = new ZipFile(source.toFile());
				ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(
					target)))
		{
			for (final ZipEntry entry : java.util.Collections.list(in.entries())) {
				byte[] bytes = in.getInputStream(entry).readAllBytes();
				if (entry.getName().equals(name)) bytes = change.apply(bytes);
				out.putNextEntry(new ZipEntry(entry.getName()));
				out.write(bytes);
				out.closeEntry();
			}
		}
		return target;
	}

	/** {@code json} with the first {@code "key": value} replaced. */
	static UnaryOperator<byte[]> manifestValue(final String key,
		final String value)
	{
		return bytes -> {
			final String json = new String(bytes, StandardCharsets.UTF_8);
			final String changed = json.replaceFirst("\"" + key +
				"\"\\s*:\\s*[^,\\n}]+", "\"" + key + "\": " + value);
			if (changed.equals(json)) throw new IllegalArgumentException("No " +
				key + " in the manifest");
			return changed.getBytes(StandardCharsets.UTF_8);
		};
	}

	/** Float bytes with value {@code index} replaced by {@code v}. */
	static UnaryOperator<byte[]> floatAt(final int index, final float v) {
		return bytes -> {
			final byte[] copy = bytes.clone();
			ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putFloat(index * 4,
				v);
			return copy;
		};
	}
}
