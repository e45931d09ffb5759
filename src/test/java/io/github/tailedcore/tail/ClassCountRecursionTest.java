package io.github.tailedcore.tail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** Spec §12.4. */
class ClassCountRecursionTest {

	private static double[] kappa(final double[]... parts) {
		return Arrays.stream(parts).flatMapToDouble(DoubleStream::of)
			.toArray();
	}

	private static double[] times(final double value, final int count) {
		return DoubleStream.generate(() -> value).limit(count).toArray();
	}

	private static int[] eta(final double[] kappa) {
		final int[] eta = ClassCountRecursion.classCounts(kappa);
		assertEquals(kappa.length, IntStream.of(eta).sum(), "Σ η = N");
		return eta;
	}

	@Test
	void exactClusters() {
		assertArrayEquals(new int[] { 50, 4, 1 }, eta(kappa(new double[] { 1 },
			times(4, 4), times(50, 50))));
	}

	@Test
	void meanRoundsHalfToEven() {
		// mean(2, 3) = 2.5 → 2.
		assertArrayEquals(new int[] { 3, 2 }, eta(new double[] { 2, 3, 3, 3,
			3 }));
	}

	@Test
	void classSizeIsCappedByTheImagesLeft() {
		// mean(2, 5) = 3.5 → 4 = |c|.
		assertArrayEquals(new int[] { 4 }, eta(new double[] { 2, 5, 5, 5 }));
	}

	@Test
	void underestimatedClass() {
		assertArrayEquals(new int[] { 3, 1 }, eta(new double[] { 1, 3, 3, 3 }));
	}

	@Test
	void remainderMergesIntoTheLastClass() {
		// 1 | 3 3 3 | mean(3, 42, 42) = 29, then 22 < 42 left → 29 + 22 = 51.
		assertArrayEquals(new int[] { 51, 3, 1 }, eta(kappa(new double[] { 1, 3,
			3, 3, 3 }, times(42, 50))));
	}

	@Test
	void roundsKappaAndClampsToOne() {
		// 0.4 → 0 → 1, 1.6 → 2, 2.5 → 2 (half-even): c = [1, 2, 2].
		assertArrayEquals(new int[] { 2, 1 }, eta(new double[] { 0.4, 1.6,
			2.5 }));
	}

	@Test
	void kappaLargerThanNFormsOneClass() {
		assertArrayEquals(new int[] { 2 }, eta(new double[] { 5, 5 }));
	}

	@Test
	void everyImageLandsInOneClass() {
		final Random random = new Random(4);
		for (int trial = 0; trial < 200; trial++) {
			final int n = 1 + random.nextInt(60);
			final double[] kappa = random.doubles(n, 0, n + 3).toArray();
			final int[] eta = eta(kappa);
			for (int x = 0; x < eta.length; x++) {
				assertTrue(eta[x] >= 1);
				if (x > 0) assertTrue(eta[x] <= eta[x - 1], "descending");
			}
		}
	}

	@Test
	void emptyAndNonFinite() {
		assertArrayEquals(new int[0], eta(new double[0]));
		assertThrows(IllegalArgumentException.class, () -> ClassCountRecursion
			.classCounts(new double[] { 1, Double.NaN }));
	}
}
