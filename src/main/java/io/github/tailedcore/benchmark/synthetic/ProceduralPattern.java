package io.github.tailedcore.benchmark.synthetic;

import io.github.tailedcore.image.RasterImage;

import java.util.SplittableRandom;

/**
 * Tileable two-colour patterns made in code, the "parts" of data sets that
 * need no input files. Every pattern is periodic over its square tile, so
 * {@link TileSampler} can shift it freely; its colours, scale and
 * orientation are drawn from the random stream, so one stream is one
 * product class.
 */
public enum ProceduralPattern {

		/** Smooth mottled noise (two octaves of periodic value noise). */
		MOTTLED {

			@Override
			float[] shape(final int size, final SplittableRandom random) {
				final float[] coarse = valueNoise(size, 4, random);
				final float[] fine = valueNoise(size, 8, random);
				final float[] s = new float[size * size];
				for (int i = 0; i < s.length; i++)
					s[i] = (2 * coarse[i] + fine[i]) / 3;
				return s;
			}
		},

		/** Soft-edged stripes, vertical, horizontal or diagonal. */
		STRIPES {

			@Override
			float[] shape(final int size, final SplittableRandom random) {
				final int n = 6 + random.nextInt(7);
				final int orientation = random.nextInt(3);
				final float[] s = new float[size * size];
				for (int y = 0; y < size; y++)
					for (int x = 0; x < size; x++) {
						final int u = orientation == 0 ? x : orientation == 1 ? y : x + y;
						s[y * size + x] = clamp(0.5 + 2.5 * Math.cos(2 * Math.PI * u * n /
							size));
					}
				return s;
			}
		},

		/** Thin lines on a square grid. */
		GRID {

			@Override
			float[] shape(final int size, final SplittableRandom random) {
				final int n = 4 + random.nextInt(5);
				final double cell = (double) size / n;
				final double half = cell * (0.05 + 0.07 * random.nextDouble());
				final float[] s = new float[size * size];
				for (int y = 0; y < size; y++)
					for (int x = 0; x < size; x++)
						s[y * size + x] = Math.max(edge(half - lineDistance(x, cell)), edge(
							half - lineDistance(y, cell)));
				return s;
			}
		},

		/** Round dots on a staggered lattice. */
		DOTS {

			@Override
			float[] shape(final int size, final SplittableRandom random) {
				final int n = 2 * (2 + random.nextInt(3));
				final double cell = (double) size / n;
				final double radius = cell * (0.2 + 0.15 * random.nextDouble());
				final float[] s = new float[size * size];
				for (int y = 0; y < size; y++) {
					final double fy = y + 0.5;
					final int row = (int) Math.floor(fy / cell);
					final double cy = (row + 0.5) * cell;
					final double shift = row % 2 == 0 ? 0 : cell / 2;
					for (int x = 0; x < size; x++) {
						final double fx = ((x + 0.5 - shift) % size + size) % size;
						final double cx = (Math.floor(fx / cell) + 0.5) * cell;
						s[y * size + x] = edge(radius - Math.hypot(fx - cx, fy - cy));
					}
				}
				return s;
			}
		};

	/**
	 * A tile of {@code size × size} RGB pixels: the pattern's shape (0–1)
	 * blended between two random colours of clearly different brightness.
	 */
	public RasterImage tile(final int size, final SplittableRandom random) {
		final float[] shape = shape(size, random);
		final double[] base = new double[3];
		final double[] mark = new double[3];
		final double contrast = (random.nextBoolean() ? 1 : -1) * (60 + 60 * random
			.nextDouble());
		for (int c = 0; c < 3; c++) {
			base[c] = 70 + 110 * random.nextDouble();
			mark[c] = base[c] + contrast + 30 * (2 * random.nextDouble() - 1);
		}
		final float[][] planes = new float[3][size * size];
		for (int c = 0; c < 3; c++)
			for (int i = 0; i < shape.length; i++)
				planes[c][i] = TileSampler.level(base[c] + (mark[c] - base[c]) *
					shape[i]);
		return new RasterImage(size, size, planes);
	}

	/** The pattern's shape, 0 (background) to 1 (mark), periodic over the tile. */
	abstract float[] shape(int size, SplittableRandom random);

	/** Periodic value noise with {@code n × n} random lattice values. */
	private static float[] valueNoise(final int size, final int n,
		final SplittableRandom random)
	{
		final double[] lattice = new double[n * n];
		for (int i = 0; i < lattice.length; i++)
			lattice[i] = random.nextDouble();
		final float[] s = new float[size * size];
		for (int y = 0; y < size; y++) {
			final double gy = (double) y * n / size;
			final int y0 = (int) gy;
			final double ty = smooth(gy - y0);
			for (int x = 0; x < size; x++) {
				final double gx = (double) x * n / size;
				final int x0 = (int) gx;
				final double tx = smooth(gx - x0);
				final double top = mixAt(lattice, n, x0, y0, tx);
				final double bottom = mixAt(lattice, n, x0, y0 + 1, tx);
				s[y * size + x] = (float) (top + (bottom - top) * ty);
			}
		}
		return s;
	}

	private static double mixAt(final double[] lattice, final int n,
		final int x0, final int y, final double t)
	{
		final int row = (y % n) * n;
		final double a = lattice[row + x0 % n];
		final double b = lattice[row + (x0 + 1) % n];
		return a + (b - a) * t;
	}

	private static double smooth(final double t) {
		return t * t * (3 - 2 * t);
	}

	/** Distance from {@code v + 0.5} to the nearest multiple of {@code cell}. */
	private static double lineDistance(final int v, final double cell) {
		final double r = (v + 0.5) % cell;
		return Math.min(r, cell - r);
	}

	/** A one-pixel soft edge: 0 for d ≤ −0.5, 1 for d ≥ 0.5. */
	private static float edge(final double d) {
		return clamp(d + 0.5);
	}

	private static float clamp(final double v) {
		return (float) Math.max(0, Math.min(1, v));
	}
}
