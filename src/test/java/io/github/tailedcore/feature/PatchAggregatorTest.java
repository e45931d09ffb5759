package io.github.tailedcore.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Patch aggregation against the closed forms of spec §2 / §12.9 and against
 * a direct, slow implementation of its definition (unfold, upsample every
 * unfolded map, pool, stack, pool).
 */
class PatchAggregatorTest {

	/** Layer2 channel c constant c + 1: centre-weighted 3 × 3 means. */
	@Test
	void wrnLayer2HalfIsTheCentreWeightedMean() {
		final MapShape s2 = new MapShape(512, 28, 28);
		final MapShape s3 = new MapShape(1024, 14, 14);
		final float[] l2 = new float[s2.size()];
		for (int c = 0; c < 512; c++)
			java.util.Arrays.fill(l2, c * 784, (c + 1) * 784, c + 1);
		final float[] f = aggregate(s2, l2, s3, new float[s3.size()]);
		for (final int c : new int[] { 0, 1, 77, 511 }) {
			final float v = c + 1;
			assertEquals(v, f[(5 * 28 + 9) * 1024 + c], 1e-4f * v); // interior
			assertEquals(0.7f * v, f[(0 * 28 + 9) * 1024 + c], 1e-4f * v); // top
			assertEquals(0.7f * v, f[(13 * 28 + 27) * 1024 + c], 1e-4f * v); // right
			assertEquals(0.5f * v, f[(27 * 28 + 0) * 1024 + c], 1e-4f * v); // corner
			assertEquals(0, f[(5 * 28 + 9) * 1024 + 512 + c / 2], 0); // no layer3
		}
	}

	/**
	 * Layer3 channel c constant w_c: dims 512 + k average channels 2k and
	 * 2k + 1; their 3 × 3 means are w inside and 4w/9 at the 14 × 14 corner,
	 * which the upsampling copies to the 28 × 28 corner.
	 */
	@Test
	void wrnLayer3HalfAveragesAdjacentChannels() {
		final MapShape s2 = new MapShape(512, 28, 28);
		final MapShape s3 = new MapShape(1024, 14, 14);
		final float[] l3 = new float[s3.size()];
		for (int c = 0; c < 1024; c++)
			java.util.Arrays.fill(l3, c * 196, (c + 1) * 196, c % 7 + 1);
		final float[] f = aggregate(s2, new float[s2.size()], s3, l3);
		for (final int k : new int[] { 0, 3, 200, 511 }) {
			final float pair = ((2 * k) % 7 + 1 + (2 * k + 1) % 7 + 1) / 2f;
			for (final int y : new int[] { 3, 12, 24 })
				for (final int x : new int[] { 3, 17, 24 })
					assertEquals(pair, f[(y * 28 + x) * 1024 + 512 + k], 1e-4f);
			assertEquals(pair * 4 / 9, f[512 + k], 1e-4f);
			assertEquals(0, f[(5 * 28 + 9) * 1024 + k], 0); // no layer2
		}
	}

	@Test
	void mobileNetLikeMapsMatchTheDefinition() {
		// 32·9 = 288 and 96·9 = 864 elements: fewer than 1024, bins repeat
		assertMatchesReference(new MapShape(32, 6, 5), new MapShape(96, 3, 3), 1);
	}

	@Test
	void squeezeNetLikeGridsMatchTheDefinition() {
		// odd grids 9 → 4, as 27 → 13, with more elements than bins
		assertMatchesReference(new MapShape(150, 9, 9), new MapShape(230, 4, 4), 2);
	}

	@Test
	void wrnLikeMapsMatchTheDefinition() {
		assertMatchesReference(new MapShape(512, 4, 4), new MapShape(1024, 2, 2),
			3);
	}

	@Test
	void gridIsLayer2s() {
		final PatchAggregator a = new PatchAggregator(new MapShape(256, 27, 27),
			new MapShape(512, 13, 13));
		assertEquals(new FeatureGrid(27, 27, 1024, 224), a.grid(224));
	}

	@Test
	void adaptivePoolBinsFollowFloorAndCeil() {
		final int[][] bins = PatchAggregator.poolBins(4608, 1024);
		assertEquals(0, bins[0][0]);
		assertEquals(5, bins[0][1]); // ceil(4.5)
		assertEquals(4, bins[1][0]); // floor(4.5): overlaps the centre tap
		assertEquals(9, bins[1][1]);
		final int[][] few = PatchAggregator.poolBins(288, 1024);
		assertEquals(0, few[3][0]); // floor(3 · 0.28125)
		assertEquals(2, few[3][1]); // ceil(4 · 0.28125) = ceil(1.125)
	}

	private static void assertMatchesReference(final MapShape s2,
		final MapShape s3, final long seed)
	{
		final Random r = new Random(seed);
		final float[] l2 = randomValues(s2.size(), r);
		final float[] l3 = randomValues(s3.size(), r);
		final float[] fast = aggregate(s2, l2, s3, l3);
		final double[] slow = reference(s2, l2, s3, l3);
		assertEquals(slow.length, fast.length);
		for (int i = 0; i < slow.length; i++)
			assertEquals(slow[i], fast[i], 1e-5, "element " + i);
	}

	private static float[] aggregate(final MapShape s2, final float[] l2,
		final MapShape s3, final float[] l3)
	{
		return new PatchAggregator(s2, s3).aggregate(new FeatureMaps(1, s2, l2),
			new FeatureMaps(1, s3, l3), 0);
	}

	/** The definition of spec §2, step by step, with every array materialised. */
	static double[] reference(final MapShape s2, final float[] l2,
		final MapShape s3, final float[] l3)
	{
		final int h = s2.height();
		final int w = s2.width();
		final double[][] u2 = unfold(s2, l2);
		final double[][] small = unfold(s3, l3);
		final int n3 = 9 * s3.channels();
		final double[][] u3 = new double[h * w][n3];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				final double sy = Math.max((y + 0.5) * s3.height() / h - 0.5, 0);
				final double sx = Math.max((x + 0.5) * s3.width() / w - 0.5, 0);
				final int y0 = (int) Math.floor(sy);
				final int x0 = (int) Math.floor(sx);
				final int y1 = Math.min(y0 + 1, s3.height() - 1);
				final int x1 = Math.min(x0 + 1, s3.width() - 1);
				final double ay = sy - y0;
				final double ax = sx - x0;
				for (int e = 0; e < n3; e++)
					u3[y * w + x][e] = (1 - ay) * ((1 - ax) * small[y0 * s3.width() +
						x0][e] + ax * small[y0 * s3.width() + x1][e]) + ay * ((1 - ax) *
							small[y1 * s3.width() + x0][e] + ax * small[y1 * s3.width() +
								x1][e]);
			}
		final double[] out = new double[h * w * 1024];
		for (int p = 0; p < h * w; p++) {
			final double[] stacked = new double[2048];
			System.arraycopy(adaptiveAvgPool(u2[p], 1024), 0, stacked, 0, 1024);
			System.arraycopy(adaptiveAvgPool(u3[p], 1024), 0, stacked, 1024, 1024);
			System.arraycopy(adaptiveAvgPool(stacked, 1024), 0, out, p * 1024, 1024);
		}
		return out;
	}

	/** 3 × 3 zero-padded unfold: per location, C·9 values channel-major. */
	private static double[][] unfold(final MapShape s, final float[] map) {
		final int h = s.height();
		final int w = s.width();
		final double[][] u = new double[h * w][9 * s.channels()];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				for (int c = 0; c < s.channels(); c++)
					for (int ky = 0; ky < 3; ky++)
						for (int kx = 0; kx < 3; kx++) {
							final int yy = y + ky - 1;
							final int xx = x + kx - 1;
							u[y * w + x][c * 9 + ky * 3 + kx] = yy < 0 || xx < 0 || yy >= h ||
								xx >= w ? 0 : map[(c * h + yy) * w + xx];
						}
		return u;
	}

	/** torch's adaptive_avg_pool1d: bin i = [floor(i·L/n), ceil((i+1)·L/n)). */
	private static double[] adaptiveAvgPool(final double[] v, final int n) {
		final double[] out = new double[n];
		final int len = v.length;
		for (int i = 0; i < n; i++) {
			final int start = i * len / n;
			final int end = ((i + 1) * len + n - 1) / n;
			double sum = 0;
			for (int e = start; e < end; e++)
				sum += v[e];
			out[i] = sum / (end - start);
		}
		return out;
	}

	private static float[] randomValues(final int n, final Random r) {
		final float[] v = new float[n];
		for (int i = 0; i < n; i++)
			v[i] = (float) r.nextGaussian();
		return v;
	}
}
