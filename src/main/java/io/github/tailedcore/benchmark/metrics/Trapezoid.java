package io.github.tailedcore.benchmark.metrics;

/**
 * Trapezoid-rule area under a curve given point by point with
 * non-decreasing x, starting at (0, 0) and cut at {@code x = limit}: the
 * segment crossing the limit is interpolated linearly, later points are
 * ignored (the MVTec AD evaluation's {@code trapezoid(x, y, x_max)}).
 */
final class Trapezoid {

	private final double limit;
	private double x;
	private double y;
	private double area;
	private boolean done;

	Trapezoid(final double limit) {
		this.limit = limit;
	}

	/** Extends the curve to (nx, ny); nx must not be below the last x. */
	void to(final double nx, final double ny) {
		if (done) return;
		if (nx <= limit) {
			area += (nx - x) * (ny + y) / 2;
			x = nx;
			y = ny;
		}
		else {
			final double atLimit = y + (ny - y) * (limit - x) / (nx - x);
			area += (limit - x) * (atLimit + y) / 2;
			done = true;
		}
	}

	/** Whether the curve has passed the limit. */
	boolean done() {
		return done;
	}

	/** The area so far, up to the limit. */
	double value() {
		return area;
	}
}
