package io.github.tailedcore.sampling;

import io.github.tailedcore.feature.PatchFeatures;
import io.github.tailedcore.linalg.FeatureMatrix;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * A seeded random linear map ℝ<sup>D</sup> → ℝ<sup>d</sup> without bias, the
 * {@code torch.nn.Linear(D, d, bias=False)} that the official code draws
 * afresh before every greedy coreset and LOF noise filter (spec §3, §4;
 * d = 128 there).
 * <p>
 * Weights follow torch's default initialisation, W<sub>jc</sub> ~ U(−1/√D,
 * +1/√D). They are drawn from a {@link SplittableRandom} seeded with the
 * given seed, one {@code nextDouble()} per weight in torch's layout order
 * (output j outer, input c inner), so a seed fixes the map on every machine.
 * Torch's own random numbers cannot be reproduced; only the distribution is
 * the same.
 * </p>
 * <p>
 * Each output value y<sub>j</sub> = Σ<sub>c</sub> x<sub>c</sub>
 * W<sub>jc</sub> is accumulated in {@code float} in ascending c, whatever
 * the row blocking and kernel ({@link ProjectionKernel}: register tiles on
 * the Vector API where it is loaded, 30–50 times faster than the plain
 * loops), so results do not depend on the number of threads or the JVM.
 * Rows are processed in parallel on the common fork-join pool (or the pool
 * of the calling fork-join task).
 * </p>
 */
public final class RandomProjection {

	/** Rows projected by one parallel task. */
	private static final int BLOCK_ROWS = 256;
	/** The same products, bit for bit, on every JVM. */
	private static final ProjectionKernel KERNEL = ProjectionKernel.fastest();

	private final int inputDims;
	private final int outputDims;
	/** W transposed: {@code weightsT[c * d + j] = W[j][c]}; null = identity. */
	private final float[] weightsT;

	/**
	 * Draws a map from {@code inputDims} to {@code outputDims} dimensions.
	 *
	 * @param inputDims D, the dimension of the patch features
	 * @param outputDims d, the projected dimension (128 in the paper)
	 * @param seed fixes the weights
	 * @throws IllegalArgumentException if a dimension is below 1
	 */
	public RandomProjection(final int inputDims, final int outputDims,
		final long seed)
	{
		checkDims(inputDims, outputDims);
		this.inputDims = inputDims;
		this.outputDims = outputDims;
		final double bound = 1 / Math.sqrt(inputDims);
		final SplittableRandom random = new SplittableRandom(seed);
		weightsT = new float[Math.multiplyExact(inputDims, outputDims)];
		for (int j = 0; j < outputDims; j++)
			for (int c = 0; c < inputDims; c++)
				weightsT[c * outputDims + j] = (float) ((2 * random.nextDouble() - 1) *
					bound);
	}

	private RandomProjection(final int dims) {
		checkDims(dims, dims);
		inputDims = dims;
		outputDims = dims;
		weightsT = null;
	}

	/**
	 * The projection the official {@code _reduce_features} applies: none when
	 * the features already have {@code outputDims} dimensions (it returns them
	 * unchanged), otherwise a random map as drawn by
	 * {@link #RandomProjection(int, int, long)}.
	 */
	public static RandomProjection reducing(final int inputDims,
		final int outputDims, final long seed)
	{
		return inputDims == outputDims ? new RandomProjection(inputDims)
			: new RandomProjection(inputDims, outputDims, seed);
	}

	private static void checkDims(final int inputDims, final int outputDims) {
		if (inputDims < 1 || outputDims < 1) throw new IllegalArgumentException(
			"A random projection needs at least one input and one output " +
				"dimension, got " + inputDims + " → " + outputDims + ".");
	}

	/** D, the input dimension. */
	public int inputDims() {
		return inputDims;
	}

	/** d, the output dimension. */
	public int outputDims() {
		return outputDims;
	}

	/** Whether this map returns its input unchanged (see {@link #reducing}). */
	public boolean isIdentity() {
		return weightsT == null;
	}

	/**
	 * The weight W<sub>jc</sub> from input {@code c} to output {@code j}
	 * (1 or 0 for the identity).
	 */
	public float weight(final int j, final int c) {
		if (weightsT == null) return j == c ? 1 : 0;
		return weightsT[c * outputDims + j];
	}

	/**
	 * Projects every row: an {@code rows × d} matrix whose row r is
	 * W·x<sub>r</sub>. The identity returns {@code points} itself.
	 *
	 * @throws IllegalArgumentException if {@code points} does not have D
	 *           columns
	 */
	public FeatureMatrix apply(final FeatureMatrix points) {
		checkInput(points.cols());
		if (weightsT == null) return points;
		final float[] out = new float[Math.multiplyExact(points.rows(),
			outputDims)];
		project(points.data(), points.rows(), out, 0);
		return new FeatureMatrix(points.rows(), outputDims, out);
	}

	/**
	 * Projects the first {@code rows} rows of D values of {@code points} into
	 * {@code out}, row r at {@code outOffset + r·d}, in parallel: the values
	 * {@link #apply(FeatureMatrix)} gives these rows, wherever they lie (the
	 * identity copies them). A fit that streams over its images projects
	 * each image's patches this way as it passes.
	 *
	 * @throws IllegalArgumentException if {@code points} or {@code out} is too
	 *           short
	 */
	public void project(final float[] points, final int rows, final float[] out,
		final int outOffset)
	{
		if ((long) rows * inputDims > points.length || outOffset < 0 ||
			outOffset + (long) rows * outputDims > out.length)
			throw new IllegalArgumentException("Cannot project " + rows +
				" rows of " + inputDims + " values from " + points.length +
				" values into " + out.length + " values at " + outOffset + ".");
		if (weightsT == null) {
			System.arraycopy(points, 0, out, outOffset, rows * outputDims);
			return;
		}
		final int blocks = (rows + BLOCK_ROWS - 1) / BLOCK_ROWS;
		IntStream.range(0, blocks).parallel().forEach(b -> {
			final int first = b * BLOCK_ROWS;
			KERNEL.project(weightsT, inputDims, outputDims, points, first *
				inputDims, Math.min(BLOCK_ROWS, rows - first), out, outOffset + first *
					outputDims);
		});
	}

	/**
	 * Projects all patches of all images into one (N·L) × d matrix whose row
	 * g = image·L + location is the projection of that patch, the layout
	 * of the official code's stacked patch matrix.
	 *
	 * @throws IllegalArgumentException if the features do not have D
	 *           dimensions or N·L·d values exceed one Java array
	 */
	public FeatureMatrix apply(final PatchFeatures features) {
		checkInput(features.grid().dims());
		final int locations = features.grid().locations();
		final long values = features.patchCount() * outputDims;
		if (values > Integer.MAX_VALUE - 8) throw new IllegalArgumentException(
			"Projecting " + features.patchCount() + " patches to " + outputDims +
				" dimensions needs more than one Java array holds (2^31 values); " +
				"use fewer training images.");
		final float[] out = new float[(int) values];
		final int rowsOut = (int) features.patchCount();
		IntStream.range(0, features.imageCount()).parallel().forEach(i -> {
			final float[] patches = features.patches(i);
			final int firstRow = i * locations;
			if (weightsT == null) System.arraycopy(patches, 0, out, firstRow *
				outputDims, patches.length);
			else KERNEL.project(weightsT, inputDims, outputDims, patches, 0,
				locations, out, firstRow * outputDims);
		});
		return new FeatureMatrix(rowsOut, outputDims, out);
	}

	private void checkInput(final int dims) {
		if (dims != inputDims) throw new IllegalArgumentException(
			"This random projection maps " + inputDims +
				"-dimensional features, got " + dims + " dimensions.");
	}
}
