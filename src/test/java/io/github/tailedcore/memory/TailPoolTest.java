package io.github.tailedcore.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.tailedcore.Progress;
import io.github.tailedcore.TailViewSource;
import io.github.tailedcore.feature.FeatureGrid;
import io.github.tailedcore.feature.PatchFeatures;
import io.github.tailedcore.sampling.RandomProjection;
import io.github.tailedcore.tail.TailAugmentation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Q streamed is Q held: its projection is the projection of the pool of
 * tail images and views, its origins name the tail images, and its gathered
 * rows are the pool's.
 */
class TailPoolTest {

	private static final FeatureGrid GRID = new FeatureGrid(2, 3, 5, 16);

	private static float[] random(final Random random) {
		final float[] p = new float[GRID.locations() * GRID.dims()];
		for (int k = 0; k < p.length; k++)
			p[k] = (float) random.nextGaussian();
		return p;
	}

	@Test
	void theStreamedPoolIsThePoolOfTailImagesAndViews() throws IOException {
		final Random random = new Random(2);
		final PatchFeatures training = new PatchFeatures(GRID);
		for (int i = 0; i < 4; i++)
			training.add(random(random), null);
		final int[] tail = { 1, 3 };
		final List<float[]> made = new ArrayList<>();
		// two views per image, fewer than the augmentation's seven
		final TailViewSource views = (image, augmentation) -> {
			final List<float[]> v = List.of(random(random), random(random));
			made.addAll(v);
			return v;
		};
		final PatchFeatures held = new PatchFeatures(GRID);
		held.add(training.patches(1), null);
		held.add(training.patches(3), null);
		final RandomProjection projection = new RandomProjection(GRID.dims(), 4, 9);
		try (TailPool pool = TailPool.build(training, tail, TailAugmentation.ROTFLIP,
			views, projection, Progress.none()))
		{
			made.forEach(v -> held.add(v, null));
			assertEquals(6, pool.imageCount());
			assertArrayEquals(new int[] { 1, 3, 1, 1, 3, 3 }, pool.origins());
			assertArrayEquals(projection.apply(held).data(), pool.takeProjected().data());
			final long[] rows = random.longs(30, 0, held.patchCount()).toArray();
			assertArrayEquals(held.gather(rows).data(), pool.gather(rows).data());
			assertEquals(3, pool.origin(4L * GRID.locations() + 2));
		}
	}

	@Test
	void withoutViewsThePoolIsTheTailImages() throws IOException {
		final Random random = new Random(3);
		final PatchFeatures training = new PatchFeatures(GRID);
		for (int i = 0; i < 3; i++)
			training.add(random(random), null);
		try (TailPool pool = TailPool.build(training, new int[] { 2 },
			TailAugmentation.NONE, TailViewSource.NONE, new RandomProjection(GRID
				.dims(), 4, 1), Progress.none()))
		{
			assertEquals(1, pool.imageCount());
			final long[] rows = { 0, 5, 3 };
			final long[] inTraining = { 12, 17, 15 };
			assertArrayEquals(training.gather(inTraining).data(), pool.gather(rows)
				.data());
		}
	}
}
