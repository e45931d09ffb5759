package io.github.tailedcore.benchmark.synthetic;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import javax.imageio.ImageIO;

/**
 * Large synthetic micrographs for the framing benchmark: 16-bit grey PNGs
 * that use 12 bits (0–4095, as a 12-bit camera stores them), textured with
 * a few thousand bright cells of 4–10 px on a slowly varying background and
 * camera noise; defective images hold 1–3 small defects of 8–20 px (a dark
 * hole, a bright square, a thin scratch), each placed anywhere or, half of
 * the time, within 16 px of an edge. Written in the MVTec layout with exact
 * 8-bit masks: {@code train/good}, {@code test/good}, {@code test/defect},
 * {@code ground_truth/defect/NNN_mask.png}. Every image depends only on the
 * seed and its name.
 */
public final class Micrographs {

	/** The largest value: 12 bits. */
	public static final int MAX_VALUE = 4095;
	/** Defects this close to an edge are edge defects. */
	public static final int EDGE = 16;

	private Micrographs() {}

	/**
	 * Writes the set under {@code root} and returns the files written.
	 *
	 * @throws IOException if a file cannot be written
	 */
	public static List<Path> write(final Path root, final int size,
		final int train, final int testGood, final int testDefect, final long seed)
		throws IOException
	{
		final List<Path> out = new ArrayList<>();
		for (int i = 0; i < train; i++)
			out.add(save(texture(size, Seeds.random(seed, "train", i)), root.resolve(
				"train/good/" + name(i) + ".png")));
		for (int i = 0; i < testGood; i++)
			out.add(save(texture(size, Seeds.random(seed, "good", i)), root.resolve(
				"test/good/" + name(i) + ".png")));
		for (int i = 0; i < testDefect; i++) {
			final SplittableRandom random = Seeds.random(seed, "defect", i);
			final int[] image = texture(size, random);
			final boolean[] mask = new boolean[image.length];
			final int defects = 1 + random.nextInt(3);
			for (int d = 0; d < defects; d++)
				paintDefect(image, mask, size, random, d == 0 || random.nextBoolean());
			out.add(save(image, root.resolve("test/defect/" + name(i) + ".png")));
			out.add(saveMask(mask, size, root.resolve("ground_truth/defect/" + name(
				i) + "_mask.png")));
		}
		return out;
	}

	private static String name(final int i) {
		return String.format("%03d", i);
	}

	/** Cells on a slowly varying background, with noise; size² values. */
	static int[] texture(final int size, final SplittableRandom random) {
		final double[] v = new double[size * size];
		final double fx = 2 * Math.PI / (size * (0.5 + random.nextDouble()));
		final double fy = 2 * Math.PI / (size * (0.5 + random.nextDouble()));
		for (int y = 0; y < size; y++)
			for (int x = 0; x < size; x++)
				v[y * size + x] = 1100 + 250 * Math.sin(x * fx) * Math.cos(y * fy);
		final int cells = size * size / 500;
		for (int c = 0; c < cells; c++) {
			final double cx = random.nextDouble() * size;
			final double cy = random.nextDouble() * size;
			final double r = 4 + 6 * random.nextDouble();
			final double a = 700 + 900 * random.nextDouble();
			final int reach = (int) Math.ceil(2.5 * r);
			for (int y = Math.max(0, (int) cy - reach); y < Math.min(size, (int) cy +
				reach); y++)
				for (int x = Math.max(0, (int) cx - reach); x < Math.min(size,
					(int) cx + reach); x++)
				{
					final double d2 = ((x - cx) * (x - cx) + (y - cy) * (y - cy)) / (r *
						r);
					v[y * size + x] += a * Math.exp(-d2);
				}
		}
		final int[] out = new int[v.length];
		for (int i = 0; i < v.length; i++)
			out[i] = clip(v[i] + 40 * random.nextGaussian());
		return out;
	}

	/** One defect of 8–20 px, near an edge if asked. */
	private static void paintDefect(final int[] image, final boolean[] mask,
		final int size, final SplittableRandom random, final boolean nearEdge)
	{
		final int extent = 8 + random.nextInt(13);
		int x0 = random.nextInt(size - extent);
		int y0 = random.nextInt(size - extent);
		if (nearEdge) {
			final int gap = random.nextInt(EDGE - 4);
			switch (random.nextInt(4)) {
				case 0 -> x0 = gap;
				case 1 -> x0 = size - extent - gap;
				case 2 -> y0 = gap;
				default -> y0 = size - extent - gap;
			}
		}
		final int kind = random.nextInt(3);
		final double angle = random.nextDouble() * Math.PI;
		final double c = extent / 2.0;
		for (int y = 0; y < extent; y++)
			for (int x = 0; x < extent; x++) {
				final double u = x + 0.5 - c;
				final double v = y + 0.5 - c;
				final boolean inside = switch (kind) {
					case 0 -> u * u + v * v <= c * c; // hole
					case 1 -> Math.abs(u) <= c * 0.8 && Math.abs(v) <= c * 0.8; // square
					default -> Math.abs(-u * Math.sin(angle) + v * Math.cos(angle)) <= 1.5; // scratch
				};
				if (!inside) continue;
				final int i = (y0 + y) * size + x0 + x;
				image[i] = switch (kind) {
					case 0 -> clip(250 + 40 * random.nextGaussian());
					case 1 -> clip(3300 + 40 * random.nextGaussian());
					default -> clip(image[i] + 1400);
				};
				mask[i] = true;
			}
	}

	private static int clip(final double v) {
		return (int) Math.max(0, Math.min(MAX_VALUE, Math.round(v)));
	}

	private static Path save(final int[] values, final Path file)
		throws IOException
	{
		final int size = (int) Math.round(Math.sqrt(values.length));
		final BufferedImage image = new BufferedImage(size, size,
			BufferedImage.TYPE_USHORT_GRAY);
		final WritableRaster r = image.getRaster();
		r.setSamples(0, 0, size, size, 0, values);
		return write(image, file);
	}

	private static Path saveMask(final boolean[] mask, final int size,
		final Path file) throws IOException
	{
		final BufferedImage image = new BufferedImage(size, size,
			BufferedImage.TYPE_BYTE_GRAY);
		final int[] values = new int[mask.length];
		for (int i = 0; i < mask.length; i++)
			values[i] = mask[i] ? 255 : 0;
		image.getRaster().setSamples(0, 0, size, size, 0, values);
		return write(image, file);
	}

	private static Path write(final BufferedImage image, final Path file)
		throws IOException
	{
		Files.createDirectories(file.getParent());
		if (!ImageIO.write(image, "png", file.toFile())) throw new IOException(
			"No PNG writer for " + file + ".");
		return file;
	}
}
