package io.github.tailedcore.tail;

import io.github.tailedcore.linalg.FeatureMatrix;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Synthetic image embeddings in class clusters, the generator of spec §12.2:
 * an image of class c is x = |onehot(c) + σ·g| with g ~ N(0, I₆₄) drawn from
 * a seeded {@link Random}; σ = 0 gives exact duplicates. Classes are laid out
 * one after the other in the order of their sizes.
 */
final class ClusterEmbeddings {

	static final int DIMS = 64;

	private ClusterEmbeddings() {}

	/** Embeddings of classes with the given sizes, class c along axis c. */
	static FeatureMatrix clusters(final long seed, final double sigma,
		final int... sizes)
	{
		final Random random = new Random(seed);
		final int n = IntStream.of(sizes).sum();
		final float[] data = new float[n * DIMS];
		int row = 0;
		for (int c = 0; c < sizes.length; c++)
			for (int member = 0; member < sizes[c]; member++, row++)
				for (int d = 0; d < DIMS; d++)
					data[row * DIMS + d] = (float) Math.abs((d == c ? 1 : 0) + sigma *
						random.nextGaussian());
		return new FeatureMatrix(n, DIMS, data);
	}

	/**
	 * Embeddings of classes that each span their own block of
	 * {@value #BLOCK} dimensions (so images of different classes are
	 * orthogonal): an image of class c is onehot(8c) + σ<sub>c</sub>·g on the
	 * class's block, g ~ N(0, I₈). A large σ makes a diverse class whose images
	 * are far apart from each other, though nearer than any other class.
	 *
	 * @param sigmas σ<sub>c</sub> per class
	 * @param sizes images per class
	 */
	static FeatureMatrix blockClusters(final long seed, final double[] sigmas,
		final int... sizes)
	{
		final Random random = new Random(seed);
		final int n = IntStream.of(sizes).sum();
		final int dims = BLOCK * sizes.length;
		final float[] data = new float[n * dims];
		int row = 0;
		for (int c = 0; c < sizes.length; c++)
			for (int member = 0; member < sizes[c]; member++, row++)
				for (int d = 0; d < BLOCK; d++)
					data[row * dims + BLOCK * c + d] = (float) ((d == 0 ? 1 : 0) +
						sigmas[c] * random.nextGaussian());
		return new FeatureMatrix(n, dims, data);
	}

	/** Dimensions per class of {@link #blockClusters}. */
	static final int BLOCK = 8;

	/** {@code times} copies of {@code size}. */
	static int[] repeat(final int size, final int times) {
		final int[] sizes = new int[times];
		Arrays.fill(sizes, size);
		return sizes;
	}

	/** The arrays one after the other. */
	static int[] concat(final int[]... parts) {
		return Arrays.stream(parts).flatMapToInt(IntStream::of).toArray();
	}

	/** The image indices of all classes whose size is at most {@code limit}. */
	static int[] membersOfClassesUpTo(final int limit, final int... sizes) {
		final IntStream.Builder members = IntStream.builder();
		int start = 0;
		for (final int size : sizes) {
			if (size <= limit) for (int i = start; i < start + size; i++)
				members.add(i);
			start += size;
		}
		return members.build().toArray();
	}

	/** The class of each image. */
	static int[] classOf(final int... sizes) {
		return IntStream.range(0, sizes.length).flatMap(c -> IntStream.generate(
			() -> c).limit(sizes[c])).toArray();
	}
}
