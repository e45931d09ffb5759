package io.github.tailedcore.sampling;

/**
 * A max-heap of block indices 0 … n − 1 ordered by a key per block that
 * the owner changes only while the block is out of the heap: the largest
 * key first, the smaller index first on equal keys, so that the top is the
 * block where the greedy coreset's argmax (first index on ties) lies.
 */
final class BlockHeap {

	private final double[] keys;
	private final int[] heap;
	private int size;

	/** A heap of every block, ordered by {@code keys} (shared, not copied). */
	BlockHeap(final double[] keys) {
		this.keys = keys;
		size = keys.length;
		heap = new int[size];
		for (int i = 0; i < size; i++)
			heap[i] = i;
		for (int i = size / 2 - 1; i >= 0; i--)
			siftDown(i);
	}

	boolean isEmpty() {
		return size == 0;
	}

	/** The first block; the heap must not be empty. */
	int peek() {
		return heap[0];
	}

	/** Removes and returns the first block; the heap must not be empty. */
	int pop() {
		final int top = heap[0];
		heap[0] = heap[--size];
		siftDown(0);
		return top;
	}

	/** Adds a block that is not in the heap, at its current key. */
	void push(final int block) {
		int i = size++;
		while (i > 0 && first(block, heap[(i - 1) / 2])) {
			heap[i] = heap[(i - 1) / 2];
			i = (i - 1) / 2;
		}
		heap[i] = block;
	}

	/** Whether block a comes before block b. */
	boolean first(final int a, final int b) {
		return keys[a] > keys[b] || keys[a] == keys[b] && a < b;
	}

	private void siftDown(int i) {
		final int block = heap[i];
		while (2 * i + 1 < size) {
			int child = 2 * i + 1;
			if (child + 1 < size && first(heap[child + 1], heap[child])) child++;
			if (!first(heap[child], block)) break;
			heap[i] = heap[child];
			i = child;
		}
		heap[i] = block;
	}
}
