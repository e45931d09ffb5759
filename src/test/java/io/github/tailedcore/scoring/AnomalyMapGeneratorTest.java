package io.github.tailedcore.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AnomalyMapGeneratorTest {

	private static final float TOLERANCE = 1e-6f;

	/** torch F.interpolate([[0, 1], [2, 3]], size=4, bilinear, align_corners=False). */
	@Test
	void bilinearTwoByTwoToFourByFour() {
		// Along each axis the four outputs read the source at 0 (clamped from
		// −0.25), 0.25, 0.75 and 1 (the upper tap clamped to the last pixel).
		final float[] expected = { //
			0.00f, 0.25f, 0.75f, 1.00f, //
			0.50f, 0.75f, 1.25f, 1.50f, //
			1.50f, 1.75f, 2.25f, 2.50f, //
			2.00f, 2.25f, 2.75f, 3.00f };
		assertArrayEquals(expected, AnomalyMapGenerator.upsampleBilinear(
			new float[] { 0, 1, 2, 3 }, 2, 2, 4, 4), TOLERANCE);
	}

	@Test
	void bilinearNonIntegerRatio() {
		// 3 → 5: scale 0.6, sources −0.2 → 0, 0.4, 1.0, 1.6, 2.2 (→ last pixel).
		assertArrayEquals(new float[] { 0, 4, 10, 16, 20 }, AnomalyMapGenerator
			.upsampleBilinear(new float[] { 0, 10, 20 }, 1, 3, 1, 5), TOLERANCE);
	}

	@Test
	void bilinearToTheSameSizeIsTheIdentity() {
		final float[] image = { 3, -1, 7, 2, 0.5f, 9 };
		assertArrayEquals(image, AnomalyMapGenerator.upsampleBilinear(image, 2, 3,
			2, 3));
	}

	@Test
	void kernelHasScipyRadiusAndIsNormalised() {
		assertEquals(9, AnomalyMapGenerator.gaussianKernel(1).length);
		// σ = 4 as in the paper: radius int(4·4 + 0.5) = 16.
		assertEquals(33, AnomalyMapGenerator.gaussianKernel(4).length);
		// int(4·1.4 + 0.5) = int(6.1) = 6; int(4·0.1 + 0.5) = 0.
		assertEquals(13, AnomalyMapGenerator.gaussianKernel(1.4).length);
		assertArrayEquals(new double[] { 1 }, AnomalyMapGenerator.gaussianKernel(
			0.1));
		assertArrayEquals(new double[] { 1 }, AnomalyMapGenerator.gaussianKernel(
			0));
		final double sigma = 1.5;
		final double[] k = AnomalyMapGenerator.gaussianKernel(sigma);
		final int r = k.length / 2;
		double norm = 0;
		for (int x = -r; x <= r; x++)
			norm += Math.exp(-x * x / (2 * sigma * sigma));
		for (int x = -r; x <= r; x++)
			assertEquals(Math.exp(-x * x / (2 * sigma * sigma)) / norm, k[x + r],
				1e-15);
		assertThrows(IllegalArgumentException.class, () -> AnomalyMapGenerator
			.gaussianKernel(-1));
	}

	@Test
	void blurredDeltaIsTheOuterProductOfTheKernel() {
		final int n = 41;
		final int c = 20;
		final float[] delta = new float[n * n];
		delta[c * n + c] = 1;
		final double[] k = AnomalyMapGenerator.gaussianKernel(2);
		final int r = k.length / 2;
		final float[] blurred = AnomalyMapGenerator.gaussianFilter(delta, n, n, 2);
		double sum = 0;
		for (int y = 0; y < n; y++)
			for (int x = 0; x < n; x++) {
				sum += blurred[y * n + x];
				final double expected = Math.abs(y - c) > r || Math.abs(x - c) > r
					? 0 : k[y - c + r] * k[x - c + r];
				assertEquals(expected, blurred[y * n + x], 1e-7, y + ", " + x);
			}
		assertEquals(1, sum, 1e-6);
		assertEquals(1, delta[c * n + c], "the input is not changed");
	}

	@Test
	void reflectIsHalfSampleSymmetric() {
		// d c b a | a b c d | d c b a on n = 3: ... c b a | a b c | c b a a ...
		assertEquals(0, AnomalyMapGenerator.reflect(-1, 3));
		assertEquals(1, AnomalyMapGenerator.reflect(-2, 3));
		assertEquals(2, AnomalyMapGenerator.reflect(-3, 3));
		assertEquals(2, AnomalyMapGenerator.reflect(-4, 3));
		assertEquals(2, AnomalyMapGenerator.reflect(3, 3));
		assertEquals(0, AnomalyMapGenerator.reflect(5, 3));
		assertEquals(0, AnomalyMapGenerator.reflect(6, 3));
		assertEquals(0, AnomalyMapGenerator.reflect(-7, 1));
	}

	@Test
	void reflectBoundaryOnATinyArray() {
		// σ = 1, radius 4: output 0 of [1 2 3] sees the extended samples at
		// −4 … 4 = 3 3 2 1 | 1 2 3 | 3 2.
		final double[] k = AnomalyMapGenerator.gaussianKernel(1);
		final double[] extended = { 3, 3, 2, 1, 1, 2, 3, 3, 2 };
		double expected = 0;
		for (int i = 0; i < k.length; i++)
			expected += k[i] * extended[i];
		final float[] row = AnomalyMapGenerator.gaussianFilter(new float[] { 1, 2,
			3 }, 1, 3, 1);
		assertEquals(expected, row[0], 1e-6);
		// scipy.ndimage.gaussian_filter([[1., 2, 3]], 1)
		assertArrayEquals(new float[] { 1.42207377f, 2f, 2.57792623f }, row,
			TOLERANCE);
		// The same along axis 0: a column.
		assertArrayEquals(row, AnomalyMapGenerator.gaussianFilter(new float[] { 1,
			2, 3 }, 3, 1, 1), TOLERANCE);
	}

	@Test
	void matchesScipyDocumentationValues() {
		// scipy.ndimage.gaussian_filter1d([1.0, 2.0, 3.0, 4.0, 5.0], σ), from
		// its docstring, for σ = 1 and σ = 4 (the kernel is longer than the data).
		final float[] ramp = { 1, 2, 3, 4, 5 };
		assertArrayEquals(new float[] { 1.42704095f, 2.06782203f, 3f, 3.93217797f,
			4.57295905f }, AnomalyMapGenerator.gaussianFilter(ramp, 1, 5, 1),
			TOLERANCE);
		assertArrayEquals(new float[] { 2.91948343f, 2.95023502f, 3f, 3.04976498f,
			3.08051657f }, AnomalyMapGenerator.gaussianFilter(ramp, 5, 1, 4),
			TOLERANCE);
	}

	@Test
	void generateIsBilinearThenGaussian() {
		final float[] scores = { 0, 5, 1, 25, 3, 2 };
		final AnomalyMapGenerator sharp = new AnomalyMapGenerator(12, 0);
		assertArrayEquals(AnomalyMapGenerator.upsampleBilinear(scores, 2, 3, 12,
			12), sharp.generate(scores, 2, 3));
		final AnomalyMapGenerator smooth = new AnomalyMapGenerator(12, 1.5);
		assertEquals(12, smooth.mapSize());
		assertEquals(1.5, smooth.sigma());
		assertArrayEquals(AnomalyMapGenerator.gaussianFilter(AnomalyMapGenerator
			.upsampleBilinear(scores, 2, 3, 12, 12), 12, 12, 1.5), smooth.generate(
				scores, 2, 3));
	}

	@Test
	void constantScoresGiveAConstantMap() {
		final float[] map = new AnomalyMapGenerator(16, 4).generate(new float[] {
			2.5f, 2.5f, 2.5f, 2.5f }, 2, 2);
		assertEquals(256, map.length);
		for (final float v : map)
			assertEquals(2.5f, v, TOLERANCE);
	}

	@Test
	void rejectsBadShapes() {
		assertThrows(IllegalArgumentException.class,
			() -> new AnomalyMapGenerator(0, 4));
		assertThrows(IllegalArgumentException.class,
			() -> new AnomalyMapGenerator(8, Double.NaN));
		assertThrows(IllegalArgumentException.class, () -> AnomalyMapGenerator
			.upsampleBilinear(new float[5], 2, 3, 4, 4));
		assertThrows(IllegalArgumentException.class, () -> AnomalyMapGenerator
			.gaussianFilter(new float[5], 2, 3, 1));
	}
}
