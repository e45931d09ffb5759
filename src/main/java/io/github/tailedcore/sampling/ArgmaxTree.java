package io.github.tailedcore.sampling;

import java.util.Arrays;

/**
 * A tournament tree over a fixed number of slots, each holding a value and
 * a point index, that keeps track of the slot with the largest value (the
 * smallest index on ties) under updates in O(log slots).
 * <p>
 * {@link BoundedGreedyCoresetSampler} keeps one slot per coreset cell (the
 * cell's largest distance to its centre and the first point reaching it),
 * so that finding the next pick, the global argmax, costs a look at the root
 * instead of a pass over all cells.
 * </p>
 */
final class ArgmaxTree {

	private final int leaves;
	private final double[] values;
	private final int[] indices;
	/** Winning slot of each node; node 1 is the root, leaves from {@code leaves}. */
	private final int[] winners;

	/** A tree of {@code slots} empty slots (value −∞, never preferred). */
	ArgmaxTree(final int slots) {
		int size = 1;
		while (size < slots)
			size *= 2;
		leaves = size;
		values = new double[size];
		indices = new int[size];
		Arrays.fill(values, Double.NEGATIVE_INFINITY);
		Arrays.fill(indices, Integer.MAX_VALUE);
		winners = new int[2 * size];
		for (int i = 0; i < size; i++)
			winners[size + i] = i;
		for (int node = size - 1; node >= 1; node--)
			winners[node] = winners[2 * node];
	}

	/** Sets slot {@code slot} to {@code value}, reached first at {@code index}. */
	void set(final int slot, final double value, final int index) {
		values[slot] = value;
		indices[slot] = index;
		for (int node = (leaves + slot) / 2; node >= 1; node /= 2) {
			final int a = winners[2 * node];
			final int b = winners[2 * node + 1];
			winners[node] = values[b] > values[a] || values[b] == values[a] &&
				indices[b] < indices[a] ? b : a;
		}
	}

	/** The point index of the best slot. */
	int bestIndex() {
		return indices[winners[1]];
	}
}
