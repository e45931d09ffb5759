package io.github.tailedcore.tail;

import static io.github.tailedcore.tail.ClusterEmbeddings.classOf;
import static io.github.tailedcore.tail.ClusterEmbeddings.clusters;
import static io.github.tailedcore.tail.ClusterEmbeddings.concat;
import static io.github.tailedcore.tail.ClusterEmbeddings.membersOfClassesUpTo;
import static io.github.tailedcore.tail.ClusterEmbeddings.repeat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tailedcore.CanceledProgress;
import io.github.tailedcore.Progress;
import io.github.tailedcore.linalg.FeatureMatrix;

import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.function.IntUnaryOperator;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** Spec §12.1–3 and the guards of §5.9. */
class TailSamplerTest {

	private final TailSampler sampler = new TailSampler();

	/** Asserts κ of every image of a class of size c ∈ sizes is expected(c). */
	private static void assertKappaPerClass(final TailEstimate t,
		final int[] sizes, final IntUnaryOperator expected)
	{
		final int[] kappa = t.kappa();
		final int[] classes = classOf(sizes);
		for (int i = 0; i < kappa.length; i++)
			assertEquals(expected.applyAsInt(sizes[classes[i]]), kappa[i],
				"κ of image " + i + " (class size " + sizes[classes[i]] + ")");
	}

	@Test
	void exactDuplicateClusters() {
		final int[] sizes = { 1, 4, 50 };
		final TailEstimate t = sampler.estimate(clusters(0, 0, sizes));
		assertKappaPerClass(t, sizes, size -> size);
		assertArrayEquals(new int[] { 50, 4, 1 }, t.classCounts());
		assertEquals(4, t.kElbow());
		assertEquals(4, t.kCap());
		assertEquals(4, t.kMax());
		assertArrayEquals(new int[] { 0, 1, 2, 3, 4 }, t.tailIndices());
		assertEquals("", t.note());
	}

	@Test
	void stepLikeDuplicateClusters() {
		final int[] sizes = concat(repeat(1, 3), repeat(4, 6), repeat(200, 6));
		final TailEstimate t = sampler.estimate(clusters(0, 0, sizes));
		assertArrayEquals(concat(repeat(200, 6), repeat(4, 6), repeat(1, 3)), t
			.classCounts());
		assertEquals(4, t.kMax());
		assertEquals(27, t.tailIndices().length);
		assertArrayEquals(membersOfClassesUpTo(4, sizes), t.tailIndices());
	}

	/**
	 * The MVTec step K=4 shape. These properties depend on the draw: over
	 * seeds 0–19 of this generator, 14 satisfy all of them; the others show
	 * a 4-cluster split (κ = 2) or a 1/N quantisation tie that lifts a κ to 4
	 * (spec §5.2), or one outlying head image with κ far below 170. Seed 0 is
	 * a typical draw.
	 */
	@Test
	void noisyStepKFour() {
		final int[] sizes = concat(repeat(4, 9), repeat(200, 6));
		final TailEstimate t = sampler.estimate(clusters(0, 0.1, sizes));
		final int[] kappa = t.kappa();
		final int[] classes = classOf(sizes);
		for (int i = 0; i < kappa.length; i++)
			if (sizes[classes[i]] == 4) assertEquals(3, kappa[i], "tail image " + i);
			else assertTrue(kappa[i] >= 165 && kappa[i] <= 175, "head image " + i +
				" has κ = " + kappa[i]);
		assertEquals(3, t.kMax());
		assertArrayEquals(IntStream.range(0, 36).toArray(), t.tailIndices());
	}

	@Test
	void noisyStepKOne() {
		final int[] sizes = concat(repeat(1, 9), repeat(200, 6));
		final TailEstimate t = sampler.estimate(clusters(2, 0.05, sizes));
		for (int i = 0; i < 9; i++)
			assertEquals(1, t.kappa()[i]);
		assertEquals(1, t.kMax());
		assertArrayEquals(IntStream.range(0, 9).toArray(), t.tailIndices());
	}

	@Test
	void noisySmallClassesVoteFloorOfEightyFivePercent() {
		// Without quantisation ties κ = ⌊0.85·c⌋ (at least 1): 1, 1, 2.
		final int[] sizes = { 1, 2, 3 };
		final TailEstimate t = sampler.estimate(clusters(3, 0.1, concat(sizes,
			repeat(200, 2))));
		final int[] kappa = Arrays.copyOf(t.kappa(), 6);
		assertArrayEquals(new int[] { 1, 1, 1, 2, 2, 2 }, kappa);
	}

	/**
	 * The known failure mode of spec §12.2: at σ = 0.1 the 4-cluster of
	 * {1, 4, 50} can split into κ ∈ {2, 3}, giving η = [52, 2, 1], K_max = 2
	 * and only 3 of the 5 small-cluster images. With this generator it
	 * happens for seeds 12–14 of 0–19 (most seeds give η = [51, 3, 1]);
	 * seed 13 shows exactly the spec's outcome.
	 */
	@Test
	void knownFailureModeSplitsTheFourCluster() {
		final TailEstimate t = sampler.estimate(clusters(13, 0.1, 1, 4, 50));
		assertArrayEquals(new int[] { 1, 3, 2, 2, 3 }, Arrays.copyOf(t
			.kappa(), 5));
		assertArrayEquals(new int[] { 52, 2, 1 }, t.classCounts());
		assertEquals(2, t.kMax());
		assertArrayEquals(new int[] { 0, 2, 3 }, t.tailIndices());
	}

	@Test
	void fourOrthogonalSingletons() {
		final TailEstimate t = sampler.estimate(clusters(0, 0, 1, 1, 1, 1));
		assertArrayEquals(new int[] { 1, 1, 1, 1 }, t.kappa());
		assertArrayEquals(new int[] { 1, 1, 1, 1 }, t.classCounts());
		assertEquals(1, t.kMax());
		assertArrayEquals(new int[] { 0, 1, 2, 3 }, t.tailIndices());
	}

	@Test
	void singleImageIsItsOwnClass() {
		final TailEstimate t = sampler.estimate(new FeatureMatrix(1, 3,
			new float[] { 0.2f, 0.7f, 0.1f }));
		assertArrayEquals(new int[] { 1 }, t.kappa());
		assertArrayEquals(new int[] { 1 }, t.classCounts());
		assertEquals(1, t.kMax());
		assertArrayEquals(new int[] { 0 }, t.tailIndices());
		assertTrue(t.note().contains("one image"));
	}

	@Test
	void identicalEmbeddingsFormOneClassAndAreFlagged() {
		final float[] data = new float[5 * 3];
		for (int i = 0; i < data.length; i++)
			data[i] = 0.1f * (1 + i % 3);
		final TailEstimate t = sampler.estimate(new FeatureMatrix(5, 3, data));
		assertArrayEquals(repeat(5, 5), t.kappa());
		assertArrayEquals(new int[] { 5 }, t.classCounts());
		assertArrayEquals(new int[] { 0, 1, 2, 3, 4 }, t.tailIndices());
		assertTrue(t.note().contains("5 of 5 images have an empty half-angle " +
			"region"), t.note());
		assertTrue(t.note().contains("Every image"), t.note());
	}

	@Test
	void tailSetIsNeverEmpty() {
		// K_max ≥ min κ, whatever the class layout.
		for (long seed = 0; seed < 5; seed++) {
			final int[] sizes = { 3 + (int) seed, 7, 20 - (int) seed, 30 };
			final TailEstimate t = sampler.estimate(clusters(seed, 0.15, sizes));
			final int minKappa = IntStream.of(t.kappa()).min().getAsInt();
			assertTrue(t.kMax() >= minKappa);
			assertTrue(t.tailIndices().length > 0);
			assertEquals(t.imageCount(), IntStream.of(t.classCounts()).sum());
		}
	}

	@Test
	void settingsChangeTheCap() {
		// With a cap of 100 % the elbow alone decides: still the 4-cluster.
		final TailEstimate t = new TailSampler(0.85, 1, TailEstimation.PAPER)
			.estimate(clusters(0, 0, 1, 4, 50));
		assertEquals(50, t.kCap());
		assertEquals(4, t.kMax());
	}

	@Test
	void rejectsEmptyInputAndCancels() {
		assertThrows(IllegalArgumentException.class, () -> sampler.estimate(
			new FeatureMatrix(0, 4, new float[0])));
		final Progress canceled = new CanceledProgress();
		assertThrows(CancellationException.class, () -> sampler.estimate(
			clusters(0, 0, 1, 4), canceled));
		assertEquals(1, sampler.estimate(clusters(0, 0, 1, 4)).kMax());
	}
}
