package io.github.tailedcore.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class BlockHeapTest {

	/** Largest key first, the first index on equal keys. */
	@Test
	void popsByKeyThenIndex() {
		final double[] keys = { 1, 3, 3, Double.POSITIVE_INFINITY, 0, 3 };
		final BlockHeap heap = new BlockHeap(keys);
		final int[] order = new int[keys.length];
		for (int i = 0; i < keys.length; i++)
			order[i] = heap.pop();
		assertArrayEquals(new int[] { 3, 1, 2, 5, 0, 4 }, order);
		assertTrue(heap.isEmpty());
	}

	/** Popped blocks come back with lowered keys, as the coreset does. */
	@Test
	void keysLoweredOutsideTheHeapAgreeWithASortedList() {
		final Random random = new Random(4);
		final double[] keys = new double[500];
		for (int i = 0; i < keys.length; i++)
			keys[i] = random.nextInt(50);
		final BlockHeap heap = new BlockHeap(keys);
		final Comparator<Integer> order = (a, b) -> heap.first(a, b) ? -1 : heap
			.first(b, a) ? 1 : 0;
		for (int round = 0; round < 200; round++) {
			final List<Integer> popped = new ArrayList<>();
			for (int i = 0; i < 1 + random.nextInt(8); i++)
				popped.add(heap.pop());
			for (final int b : popped) {
				keys[b] -= random.nextInt(3);
				heap.push(b);
			}
			final List<Integer> all = new ArrayList<>();
			for (int b = 0; b < keys.length; b++)
				all.add(b);
			all.sort(order);
			assertEquals(all.get(0), heap.peek(), "round " + round);
		}
	}
}
