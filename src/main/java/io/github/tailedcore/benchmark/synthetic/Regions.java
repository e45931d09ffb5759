package io.github.tailedcore.benchmark.synthetic;

import java.util.SplittableRandom;

/**
 * Random defect regions of an image, sized for a 256-pixel image and
 * scaled with the image (but never below a few pixels), centred in its
 * inner 70 %.
 */
final class Regions {

	/** Least semi-axis of an ellipse and side of a rectangle, in pixels. */
	private static final double MIN_SIDE = 4;

	private final int w;
	private final int h;
	private final double scale;
	private final SplittableRandom random;

	Regions(final int w, final int h, final SplittableRandom random) {
		this.w = w;
		this.h = h;
		this.scale = Math.min(w, h) / 256.0;
		this.random = random;
	}

	/** The region of one defect of {@code kind}. */
	boolean[] draw(final DefectKind kind) {
		switch (kind) {
			case SCRATCH:
				return scratch();
			case HOLE:
				return ellipses(1, 5, 12);
			case MISSING_PATTERN:
				return rectangle();
			default: // STAIN, COLOR_BLOTCH
				return ellipses(3 + random.nextInt(3), 6, 16);
		}
	}

	/** A curved line 2–4 px wide and 25–50 % of the image long. */
	private boolean[] scratch() {
		final boolean[] region = new boolean[w * h];
		final double length = Math.min(w, h) * (0.25 + 0.25 * random.nextDouble());
		final double radius = Math.max(1, scale * (1 + random.nextDouble()));
		final double bend = (2 * random.nextDouble() - 1) * 1.5 / length;
		double angle = 2 * Math.PI * random.nextDouble();
		double x = w * (0.3 + 0.4 * random.nextDouble());
		double y = h * (0.3 + 0.4 * random.nextDouble());
		for (double s = 0; s < length; s += 0.5) {
			disc(region, x, y, radius);
			x += 0.5 * Math.cos(angle);
			y += 0.5 * Math.sin(angle);
			angle += 0.5 * bend;
		}
		return region;
	}

	/**
	 * The union of {@code count} random ellipses whose semi-axes are
	 * {@code min}–{@code max} px (at 256 px) around a common centre.
	 */
	private boolean[] ellipses(final int count, final double min,
		final double max)
	{
		final boolean[] region = new boolean[w * h];
		final double cx = centre(w);
		final double cy = centre(h);
		for (int e = 0; e < count; e++) {
			final double a = Math.max(MIN_SIDE, scale * (min + (max - min) * random
				.nextDouble()));
			final double b = a * (0.6 + 0.4 * random.nextDouble());
			final double spread = count == 1 ? 0 : scale * max * 0.6;
			final double ex = cx + spread * (2 * random.nextDouble() - 1);
			final double ey = cy + spread * (2 * random.nextDouble() - 1);
			final double theta = Math.PI * random.nextDouble();
			final double cos = Math.cos(theta);
			final double sin = Math.sin(theta);
			for (int y = Math.max(0, (int) (ey - a - 1)); y < Math.min(h, ey + a +
				1); y++)
				for (int x = Math.max(0, (int) (ex - a - 1)); x < Math.min(w, ex + a +
					1); x++)
				{
					final double dx = x + 0.5 - ex;
					final double dy = y + 0.5 - ey;
					final double u = (dx * cos + dy * sin) / a;
					final double v = (dy * cos - dx * sin) / b;
					if (u * u + v * v <= 1) region[y * w + x] = true;
				}
		}
		return region;
	}

	/** An axis-parallel rectangle of 14–40 px sides (at 256 px). */
	private boolean[] rectangle() {
		final boolean[] region = new boolean[w * h];
		final double rw = Math.max(MIN_SIDE, scale * (14 + 26 * random
			.nextDouble()));
		final double rh = Math.max(MIN_SIDE, scale * (14 + 26 * random
			.nextDouble()));
		final int x0 = (int) Math.max(0, centre(w) - rw / 2);
		final int y0 = (int) Math.max(0, centre(h) - rh / 2);
		for (int y = y0; y < Math.min(h, y0 + rh); y++)
			for (int x = x0; x < Math.min(w, x0 + rw); x++)
				region[y * w + x] = true;
		return region;
	}

	private double centre(final int extent) {
		return extent * (0.15 + 0.7 * random.nextDouble());
	}

	private void disc(final boolean[] region, final double cx, final double cy,
		final double r)
	{
		for (int y = Math.max(0, (int) (cy - r - 1)); y < Math.min(h, cy + r +
			1); y++)
			for (int x = Math.max(0, (int) (cx - r - 1)); x < Math.min(w, cx + r +
				1); x++)
				if (Math.hypot(x + 0.5 - cx, y + 0.5 - cy) <= r) region[y * w + x] =
					true;
	}
}
