package io.github.tailedcore.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tailedcore.linalg.FeatureMatrix;
import io.github.tailedcore.linalg.SquaredDistance;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The tile test of {@link TiledGreedyCoresetSampler}: it never proves a
 * point farther from a pick than its limit unless the reference's own
 * distance is, even when the limit lies within rounding of the distance and
 * the points lie far from the origin; and every kernel decides the same
 * points.
 */
class TileKernelTest {

	private static final int DIMS = 128;

	/**
	 * Points around an offset; for each point and pick, δ² is set a relative
	 * {@code nudge} away from their exact distance, so that the test runs
	 * at the edge of what it can prove.
	 */
	private static void checkAt(final double offset, final double nudge,
		final long seed)
	{
		final Random random = new Random(seed);
		final TileKernel fast = TileKernel.fastest();
		final int width = fast.width();
		final int rows = 3 * width;
		final float[] data = new float[rows * DIMS];
		for (int i = 0; i < data.length; i++)
			data[i] = (float) (offset + random.nextGaussian());
		final PointBlocks points = PointBlocks.of(new FeatureMatrix(rows, DIMS,
			data), null, width);
		final float[] picks = new float[TileKernel.MAX_PICKS * DIMS];
		final float[] pickLimits = new float[TileKernel.MAX_PICKS];
		final double slack = TiledGreedyCoresetSampler.slack(DIMS);
		for (int j = 0; j < TileKernel.MAX_PICKS; j++) {
			double norm = 0;
			for (int k = 0; k < DIMS; k++) {
				picks[j * DIMS + k] = (float) (offset + random.nextGaussian());
				norm += (double) picks[j * DIMS + k] * picks[j * DIMS + k];
			}
			pickLimits[j] = (float) Math.nextDown((1 - slack) * norm);
		}
		final float[] row = new float[DIMS];
		int proven = 0;
		for (int j = 0; j < TileKernel.MAX_PICKS; j++) {
			// δ² of each point: its distance to pick j, nudged
			final double[] delta = new double[rows];
			final float[] limits = new float[rows];
			for (int r = 0; r < rows; r++) {
				points.copy(r, row, 0);
				delta[r] = SquaredDistance.between(row, 0, picks, j * DIMS, DIMS) * (1 +
					nudge * random.nextGaussian());
				limits[r] = (float) Math.nextDown((1 - slack) * points.squaredNorm(r) -
					delta[r] * (1 + TiledGreedyCoresetSampler.MARGIN));
			}
			for (int first = 0; first < rows; first += width) {
				final long[] masks = new long[TileKernel.MAX_PICKS];
				final long[] scalar = new long[TileKernel.MAX_PICKS];
				fast.undecided(points, first, picks, 0, TileKernel.MAX_PICKS,
					pickLimits, limits, masks);
				TileKernel.SCALAR.undecided(points, first, picks, 0,
					TileKernel.MAX_PICKS, pickLimits, limits, scalar);
				for (int jj = 0; jj < TileKernel.MAX_PICKS; jj++)
					assertEquals(scalar[jj], masks[jj], "kernels disagree, pick " + jj);
				for (int i = 0; i < width; i++) {
					if ((masks[j] >>> i & 1) != 0) continue;
					proven++;
					points.copy(first + i, row, 0);
					final double exact = SquaredDistance.between(row, 0, picks, j * DIMS,
						DIMS);
					assertTrue(exact > delta[first + i], "proven farther but " + exact +
						" ≤ δ² " + delta[first + i] + " (offset " + offset + ")");
				}
			}
		}
		// far from the origin the slack, relative to the norms, hides 1 % gaps
		if (nudge > 1e-3 && offset < 10) assertTrue(proven > 0,
			"the test proved nothing");
	}

	@Test
	void neverProvesAPointFartherThanItIs() {
		for (final double nudge : new double[] { 1e-7, 1e-5, 1e-4, 1e-2 })
			for (final double offset : new double[] { 0, 3, 1e3 })
				checkAt(offset, nudge, 1);
	}
}
