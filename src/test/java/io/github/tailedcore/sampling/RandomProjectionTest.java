package io.github.tailedcore.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tailedcore.feature.FeatureGrid;
import io.github.tailedcore.feature.PatchFeatures;
import io.github.tailedcore.linalg.FeatureMatrix;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** Tests {@link RandomProjection}. */
public class RandomProjectionTest {

	@Test
	public void testSameSeedGivesSameWeights() {
		final RandomProjection a = new RandomProjection(40, 16, 3);
		final RandomProjection b = new RandomProjection(40, 16, 3);
		final RandomProjection c = new RandomProjection(40, 16, 4);
		int differing = 0;
		for (int j = 0; j < 16; j++)
			for (int i = 0; i < 40; i++) {
				assertEquals(a.weight(j, i), b.weight(j, i));
				if (a.weight(j, i) != c.weight(j, i)) differing++;
			}
		assertTrue(differing > 600, "another seed changes (almost) all weights");
	}

	/**
	 * torch.nn.Linear's default init, kaiming_uniform(a = √5): U(−b, b) with
	 * b = √(1/3)·√(3/D) = 1/√D (1/32 for D = 1024); uniform, so mean 0 and
	 * variance b²/3.
	 */
	@Test
	public void testWeightsAreUniformWithinTorchBound() {
		final int inputDims = 1024;
		final int outputDims = 16;
		final RandomProjection projection = new RandomProjection(inputDims,
			outputDims, 11);
		final double bound = 1.0 / 32;
		double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
		double sum = 0, sumOfSquares = 0;
		for (int j = 0; j < outputDims; j++)
			for (int i = 0; i < inputDims; i++) {
				final double w = projection.weight(j, i);
				assertTrue(Math.abs(w) <= (float) bound, "|w| ≤ 1/√D");
				min = Math.min(min, w);
				max = Math.max(max, w);
				sum += w;
				sumOfSquares += w * w;
			}
		final int count = inputDims * outputDims;
		assertTrue(min < -0.99 * bound && max > 0.99 * bound, "fills (−b, b)");
		// standard error of the mean: b/√3/√16384 ≈ 0.0045·b
		assertEquals(0, sum / count, 0.03 * bound);
		// standard error of the variance ≈ 0.6 % of b²/3
		assertEquals(bound * bound / 3, sumOfSquares / count, 0.05 * bound *
			bound / 3);
	}

	/**
	 * Bit for bit the naive product y_j = Σ_c x_c W_jc accumulated in float in
	 * ascending c, over more rows than one parallel block.
	 */
	@Test
	public void testApplyMatchesNaiveProduct() {
		final int rows = 703, inputDims = 37, outputDims = 9;
		final RandomProjection projection = new RandomProjection(inputDims,
			outputDims, 5);
		final FeatureMatrix points = gaussian(rows, inputDims, 1);
		final FeatureMatrix projected = projection.apply(points);
		assertEquals(rows, projected.rows());
		assertEquals(outputDims, projected.cols());
		for (int r = 0; r < rows; r++)
			for (int j = 0; j < outputDims; j++) {
				float y = 0;
				for (int c = 0; c < inputDims; c++)
					y += points.get(r, c) * projection.weight(j, c);
				assertEquals(y, projected.get(r, j), 0f);
			}
	}

	/** Row g = image · L + location holds that patch's projection. */
	@Test
	public void testApplyToPatchFeaturesStacksImages() {
		final FeatureGrid grid = new FeatureGrid(2, 3, 10, 224);
		final PatchFeatures features = new PatchFeatures(grid);
		for (int i = 0; i < 4; i++)
			features.add(gaussian(6, 10, 20 + i).data(), null);
		final RandomProjection projection = new RandomProjection(10, 4, 9);
		final FeatureMatrix projected = projection.apply(features);
		assertEquals(24, projected.rows());
		for (int i = 0; i < 4; i++) {
			final FeatureMatrix image = projection.apply(features.patchMatrix(i));
			for (int p = 0; p < 6; p++)
				assertArrayEquals(image.row(p), projected.row(i * 6 + p), 0f);
		}
	}

	/** The official code skips the projection when D already equals d. */
	@Test
	public void testReducingIsIdentityForEqualDimensions() {
		final FeatureMatrix points = gaussian(5, 8, 2);
		final RandomProjection identity = RandomProjection.reducing(8, 8, 1);
		assertTrue(identity.isIdentity());
		assertSame(points, identity.apply(points));
		assertEquals(1, identity.weight(3, 3));
		assertEquals(0, identity.weight(3, 4));
		final PatchFeatures features = new PatchFeatures(new FeatureGrid(1, 5, 8,
			224));
		features.add(points.data(), null);
		assertArrayEquals(points.data(), identity.apply(features).data(), 0f);

		final RandomProjection reducing = RandomProjection.reducing(8, 3, 1);
		assertFalse(reducing.isIdentity());
		final RandomProjection drawn = new RandomProjection(8, 3, 1);
		for (int j = 0; j < 3; j++)
			for (int c = 0; c < 8; c++)
				assertEquals(drawn.weight(j, c), reducing.weight(j, c));
	}

	@Test
	public void testWrongInputDimensionIsRejected() {
		final RandomProjection projection = new RandomProjection(8, 3, 1);
		assertThrows(IllegalArgumentException.class, () -> projection.apply(
			gaussian(2, 7, 1)));
		assertThrows(IllegalArgumentException.class, () -> new RandomProjection(0,
			3, 1));
		final PatchFeatures features = new PatchFeatures(new FeatureGrid(2, 2, 7,
			224));
		features.add(gaussian(4, 7, 2).data(), null);
		final IllegalArgumentException e = assertThrows(
			IllegalArgumentException.class, () -> projection.apply(features));
		assertEquals("This random projection maps 8-dimensional features, got 7 " +
			"dimensions.", e.getMessage());
	}

	static FeatureMatrix gaussian(final int rows, final int cols,
		final long seed)
	{
		final Random random = new Random(seed);
		final float[] data = new float[rows * cols];
		for (int i = 0; i < data.length; i++)
			data[i] = (float) random.nextGaussian();
		return new FeatureMatrix(rows, cols, data);
	}

	/**
	 * Every kernel makes the same products bit for bit: the Vector API tiles
	 * and the plain loops, for output counts and row counts that fill no
	 * whole tile, and values of very different sizes.
	 */
	@Test
	public void testKernelsAgreeBitForBit() {
		final Random random = new Random(21);
		for (final int d : new int[] { 1, 7, 32, 128, 133 })
			for (final int rows : new int[] { 1, 3, 4, 9 }) {
				final int dims = 37 + d;
				final float[] weightsT = new float[dims * d];
				for (int i = 0; i < weightsT.length; i++)
					weightsT[i] = (float) (random.nextGaussian() * Math.pow(10, random
						.nextInt(5) - 2));
				final float[] x = new float[rows * dims + 5];
				for (int i = 0; i < x.length; i++)
					x[i] = (float) random.nextGaussian();
				final float[] expected = new float[rows * d + 3];
				final float[] actual = new float[rows * d + 3];
				ProjectionKernel.SCALAR.project(weightsT, dims, d, x, 5, rows, expected,
					3);
				ProjectionKernel.fastest().project(weightsT, dims, d, x, 5, rows,
					actual, 3);
				assertArrayEquals(expected, actual, "d " + d + ", rows " + rows);
			}
	}
}
