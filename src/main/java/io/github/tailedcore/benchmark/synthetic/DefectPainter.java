package io.github.tailedcore.benchmark.synthetic;

import io.github.tailedcore.benchmark.data.BinaryMask;
import io.github.tailedcore.image.RasterImage;

import java.util.SplittableRandom;

/**
 * Draws one defect on a defect-free sample and returns the exact mask.
 * <p>
 * Each kind first draws a region (a curved line, a blob of ellipses, an
 * ellipse or a rectangle, sized relative to a 256-pixel image and placed
 * away from the border) and then a target colour for each of its pixels.
 * Every pixel of the region changes by at least {@value #MIN_CHANGE} grey
 * levels in some channel (a target too close to the original is pushed
 * {@value #MIN_CHANGE} levels away from it), and no pixel outside changes,
 * so the mask is exactly the set of changed pixels.
 * </p>
 */
public final class DefectPainter {

	/** Least change, in grey levels, of every defect pixel. */
	public static final int MIN_CHANGE = 32;

	/** Fewest pixels a defect region has (smaller draws are redrawn). */
	public static final int MIN_AREA = 12;

	private static final int MAX_ATTEMPTS = 100;

	private DefectPainter() {}

	/**
	 * A copy of {@code normal} with one defect of {@code kind}.
	 *
	 * @param normal a sample with whole grey levels in 0–255
	 */
	public static DefectSample paint(final RasterImage normal,
		final DefectKind kind, final SplittableRandom random)
	{
		final int w = normal.width();
		final int h = normal.height();
		final Regions regions = new Regions(w, h, random);
		boolean[] region = null;
		for (int attempt = 0; region == null; attempt++) {
			if (attempt == MAX_ATTEMPTS) throw new IllegalArgumentException("Cannot " +
				"draw a " + kind.folderName() + " of " + MIN_AREA + " pixels on a " +
				w + " × " + h + " image; use a larger image.");
			final boolean[] drawn = regions.draw(kind);
			if (new BinaryMask(w, h, drawn).count() >= MIN_AREA) region = drawn;
		}
		final int channels = normal.channels();
		final double[] mean = new double[channels];
		for (int c = 0; c < channels; c++) {
			for (final float v : normal.plane(c))
				mean[c] += v;
			mean[c] /= w * h;
		}
		final double[] shift = new double[channels];
		for (int c = 0; c < channels; c++)
			shift[c] = (random.nextBoolean() ? 1 : -1) * (50 + 50 * random
				.nextDouble());
		final boolean bright = random.nextBoolean();
		final float[][] out = new float[channels][];
		for (int c = 0; c < channels; c++)
			out[c] = normal.plane(c).clone();
		final double[] v = new double[channels];
		final double[] t = new double[channels];
		for (int i = 0; i < region.length; i++) {
			if (!region[i]) continue;
			for (int c = 0; c < channels; c++)
				v[c] = normal.plane(c)[i];
			int direction = -1;
			for (int c = 0; c < channels; c++) {
				switch (kind) {
					case SCRATCH:
						t[c] = bright ? v[c] + 0.75 * (255 - v[c]) : 0.3 * v[c];
						direction = bright ? 1 : -1;
						break;
					case STAIN:
						t[c] = v[c] * (channels == 1 ? 0.5 : 0.6 - 0.12 * c);
						break;
					case HOLE:
						t[c] = 10 + 0.12 * v[c];
						break;
					case MISSING_PATTERN:
						t[c] = 0.7 * mean[c];
						break;
					default: // COLOR_BLOTCH
						t[c] = v[c] + shift[c];
						direction = shift[0] > 0 ? 1 : -1;
				}
				t[c] = TileSampler.level(t[c]);
			}
			changeVisibly(v, t, direction);
			for (int c = 0; c < channels; c++)
				out[c][i] = (float) t[c];
		}
		return new DefectSample(new RasterImage(w, h, out), new BinaryMask(w, h,
			region), kind);
	}

	/**
	 * Makes {@code target} differ from {@code original} by at least
	 * {@value #MIN_CHANGE} in some channel: if it does not, every channel
	 * moves {@value #MIN_CHANGE} levels in {@code direction} (or the other
	 * way where that would leave 0–255).
	 */
	static void changeVisibly(final double[] original, final double[] target,
		final int direction)
	{
		for (int c = 0; c < target.length; c++)
			if (Math.abs(target[c] - original[c]) >= MIN_CHANGE) return;
		for (int c = 0; c < target.length; c++) {
			final double moved = original[c] + direction * MIN_CHANGE;
			target[c] = moved >= 0 && moved <= 255 ? moved : original[c] - direction *
				MIN_CHANGE;
		}
	}
}
