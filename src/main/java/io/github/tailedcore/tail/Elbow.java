package io.github.tailedcore.tail;

/**
 * The elbow of the descending class-size curve, K_elbow, the authors'
 * {@code class_size.elbow} (spec §5.5): with points (x, η<sub>x</sub>),
 * x = 0 … C−1, on raw axes, the η whose point lies farthest from the
 * straight line through the first and the last point.
 * <p>
 * Distances are compared exactly, as the integer numerator
 * |Δy·x − Δx·(η<sub>x</sub> − η<sub>0</sub>)| of the point-to-line
 * distance, and ties go to the first point (the larger η). So the
 * degenerate curves, C = 1, C = 2 and all η equal, where every distance is
 * 0 (the reference computes NaNs for the last), give η<sub>0</sub>, the
 * largest class: on its own the elbow would then mark every image as tail.
 * </p>
 */
public final class Elbow {

	private Elbow() {}

	/**
	 * @param classCounts η, descending, not empty
	 * @return K_elbow, one of the η
	 * @throws IllegalArgumentException if η is empty or not descending
	 */
	public static int of(final int[] classCounts) {
		requireDescending(classCounts);
		final int last = classCounts.length - 1;
		final long dx = last;
		final long dy = (long) classCounts[last] - classCounts[0];
		int best = 0;
		long bestDistance = -1;
		for (int x = 0; x <= last; x++) {
			final long distance = Math.abs(dy * x - dx * ((long) classCounts[x] -
				classCounts[0]));
			if (distance > bestDistance) {
				bestDistance = distance;
				best = x;
			}
		}
		return classCounts[best];
	}

	/**
	 * @throws IllegalArgumentException if {@code classCounts} is empty or not
	 *           in descending order
	 */
	static void requireDescending(final int[] classCounts) {
		if (classCounts.length == 0) throw new IllegalArgumentException(
			"The class sizes η are empty; at least one class is needed.");
		for (int x = 1; x < classCounts.length; x++)
			if (classCounts[x] > classCounts[x - 1])
				throw new IllegalArgumentException(
					"The class sizes η must be in descending order, but η[" + x +
						"] = " + classCounts[x] + " > η[" + (x - 1) + "] = " +
						classCounts[x - 1] + ".");
	}
}
