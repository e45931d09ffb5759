package io.github.tailedcore.sampling;

import io.github.tailedcore.Progress;
import io.github.tailedcore.linalg.FeatureMatrix;
import io.github.tailedcore.linalg.SquaredDistance;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Exact greedy k-center selection that returns the same picks as
 * {@link GreedyCoresetSampler}, the brute-force reference, but skips the
 * distances the triangle inequality proves cannot lower any δ.
 * <p>
 * Every point belongs to the cell of the pick it is nearest to: δ(x) is
 * its distance to that cell's centre c. A cell keeps its members, its
 * radius² R = max δ over them, and its first point reaching R. When a new
 * pick s arrives, a cell with ‖c − s‖ ≥ 2√R cannot have a point that gets
 * closer to s than to c (‖x − s‖ ≥ ‖c − s‖ − ‖x − c‖ ≥ √R ≥ √δ(x)), so it
 * is skipped after one centre-to-pick distance; the other cells compute
 * the exact distance of each member to s with {@link SquaredDistance}, in
 * the reference's argument order, and hand the members that got closer to
 * the new cell of s. The bound only ever skips work: it is widened by
 * 10⁻⁴ relative, far more than the float rounding of the computed
 * distances, so that every δ is bit for bit the reference's and so is
 * every argmax. The next pick is read off an {@link ArgmaxTree} over the
 * cells' maxima (the first index on ties, as in the reference).
 * </p>
 * <p>
 * As the picks spread out the cells shrink with them, so late picks touch
 * only a few small cells near s: the cost per pick falls from N distances to
 * (picks so far) centre distances plus the members of the touched cells.
 * Centre distances and touched cells are spread over the common fork-join
 * pool; the result does not depend on the number of threads. Points must be
 * finite. Memory: δ (8 bytes per point), the member lists (4 bytes per
 * point) and a copy of the picked rows.
 * </p>
 */
public final class BoundedGreedyCoresetSampler implements CoresetSampler {

	/** Widening of the skip bound, relative: rounding is below 10⁻⁶. */
	private static final double SAFETY = 1 + 1e-4;
	/** Cells per parallel task of the centre scan. */
	private static final int SCAN_CHUNK = 4096;
	/** Pivots (the first picks) whose distances bound centre distances. */
	private static final int PIVOTS = 8;
	/** Absolute slack of a pivot bound, relative to the pivot distances. */
	private static final double PIVOT_SLACK = 1e-6;
	/** Picks after which the points are copied in cell order. */
	private static final int REORDER_AFTER = 1024;
	/** Members below which touched cells are relaxed on one thread. */
	private static final int PARALLEL_MEMBERS = 2048;

	/**
	 * {@inheritDoc}
	 * <p>
	 * Reports {@code progress.update(picks made, count)} after every pick and
	 * checks for cancellation before each.
	 * </p>
	 *
	 * @throws IllegalArgumentException if {@code count} is outside
	 *           [0, rows] or {@code start} is not a row
	 * @throws java.util.concurrent.CancellationException if canceled
	 */
	@Override
	public int[] select(final FeatureMatrix points, final int count,
		final int start, final Progress progress)
	{
		final int n = points.rows();
		if (count < 0 || count > n) throw new IllegalArgumentException(
			"Cannot pick " + count + " coreset points from " + n + " points.");
		if (count == 0) return new int[0];
		if (start < 0 || start >= n) throw new IllegalArgumentException(
			"The first coreset pick " + start + " is not one of the " + n +
				" points.");
		final Cells cells = new Cells(points, count);
		final int[] picks = new int[count];
		picks[0] = start;
		progress.update(1, count);
		for (int k = 1; k < count; k++) {
			progress.checkCanceled();
			cells.add(picks[k - 1]);
			picks[k] = cells.tree.bestIndex();
			progress.update(k + 1, count);
		}
		return picks;
	}

	/** The state of one selection: δ, the cells and their maxima. */
	private static final class Cells {

		private final float[] source;
		/** The points, in cell order after {@link #reorder()}. */
		private float[] data;
		/** Original index of each row of {@link #data}; null before reordering. */
		private int[] original;
		private final int dims;
		private final double[] delta;
		/** Rows of the cell centres, cell t at {@code t * dims}. */
		private final float[] centres;
		private final int[][] members;
		private final int[] sizes;
		private final double[] radii;
		/** ‖c − p‖ of each cell centre to each pivot, cell t at t · PIVOTS. */
		private final double[] pivotDistances;
		/** Per cell, ‖c − s‖² / (4 · SAFETY) for the current pick s. */
		private final double[] reach;
		private final ArgmaxTree tree;
		private int cellCount;

		Cells(final FeatureMatrix points, final int count) {
			source = points.data();
			data = source;
			dims = points.cols();
			delta = new double[points.rows()];
			Arrays.fill(delta, Double.POSITIVE_INFINITY);
			centres = new float[Math.multiplyExact(count, dims)];
			members = new int[count][];
			sizes = new int[count];
			radii = new double[count];
			reach = new double[count];
			pivotDistances = new double[Math.multiplyExact(count, PIVOTS)];
			tree = new ArgmaxTree(count);
		}

		/** Makes {@code pick} the centre of a new cell and lowers δ with it. */
		void add(final int pick) {
			final int t = cellCount++;
			System.arraycopy(source, pick * dims, centres, t * dims, dims);
			placeOnPivots(t);
			final int[][] moved;
			final int[] touched;
			if (t == 0) {
				touched = new int[0];
				final int rows = delta.length;
				moved = new int[(rows + SCAN_CHUNK - 1) / SCAN_CHUNK][];
				IntStream.range(0, moved.length).parallel().forEach(b -> moved[b] =
					relax(IntStream.range(b * SCAN_CHUNK, Math.min(rows, (b + 1) *
						SCAN_CHUNK)).toArray(), t));
			}
			else {
				touched = touchedCells(t, reach);
				moved = new int[touched.length][];
				final long work = Arrays.stream(touched).mapToLong(j -> sizes[j]).sum();
				IntStream range = IntStream.range(0, touched.length);
				if (work >= PARALLEL_MEMBERS) range = range.parallel();
				range.forEach(i -> moved[i] = relaxCell(touched[i], t, reach[touched[
					i]]));
			}
			members[t] = concat(moved);
			sizes[t] = members[t].length;
			for (final int j : touched)
				updateMaximum(j);
			updateMaximum(t);
			if (cellCount == REORDER_AFTER) reorder();
		}

		/**
		 * Copies the points in cell order, so that the members of a cell, close
		 * in space, are close in memory too: the cells of later picks are
		 * parts of these, and their exact distances then read nearby rows
		 * instead of rows scattered over the whole array. Indices and
		 * therefore ties stay those of the original rows.
		 */
		private void reorder() {
			final float[] sorted = new float[data.length];
			final double[] sortedDelta = new double[delta.length];
			original = new int[delta.length];
			int position = 0;
			for (int j = 0; j < cellCount; j++)
				for (int i = 0; i < sizes[j]; i++) {
					final int r = members[j][i];
					System.arraycopy(data, r * dims, sorted, position * dims, dims);
					sortedDelta[position] = delta[r];
					original[position] = r;
					members[j][i] = position++;
				}
			data = sorted;
			System.arraycopy(sortedDelta, 0, delta, 0, delta.length);
		}

		/**
		 * Fills the distances of centre t to the pivots, and while t is itself
		 * one of the first {@link #PIVOTS} picks, those of the earlier centres
		 * to it.
		 */
		private void placeOnPivots(final int t) {
			for (int p = 0; p < Math.min(t + 1, PIVOTS); p++) {
				final double d = Math.sqrt(SquaredDistance.between(centres, t * dims,
					centres, p * dims, dims));
				pivotDistances[t * PIVOTS + p] = d;
				if (t < PIVOTS) pivotDistances[p * PIVOTS + t] = d;
			}
		}

		/**
		 * Whether the pivots prove ‖c<sub>j</sub> − c<sub>t</sub>‖² ≥ 4R
		 * (widened) without reading the centres: ‖c − s‖ ≥ |‖c − p‖ −
		 * ‖s − p‖| for every pivot p, less a slack for their rounding.
		 */
		private boolean outOfReachByPivots(final int j, final int t) {
			double bound = 0;
			for (int p = 0; p < Math.min(t + 1, PIVOTS); p++) {
				final double a = pivotDistances[j * PIVOTS + p];
				final double b = pivotDistances[t * PIVOTS + p];
				bound = Math.max(bound, Math.abs(a - b) - PIVOT_SLACK * (a + b));
			}
			return bound * bound / (4 * SAFETY) >= radii[j];
		}

		/**
		 * The earlier cells that {@code pick} may take points from, those not
		 * proven out of reach by ‖c − s‖² ≥ 4R (widened by {@link #SAFETY}),
		 * in cell order; {@code reach[j]} receives ‖c − s‖² / (4 · SAFETY) of
		 * each.
		 */
		private int[] touchedCells(final int t, final double[] reach)
		{
			final int chunks = (t + SCAN_CHUNK - 1) / SCAN_CHUNK;
			IntStream range = IntStream.range(0, chunks);
			if (chunks > 1) range = range.parallel();
			return range.mapToObj(c -> {
				final int end = Math.min(t, (c + 1) * SCAN_CHUNK);
				final int[] found = new int[end - c * SCAN_CHUNK];
				int k = 0;
				for (int j = c * SCAN_CHUNK; j < end; j++) {
					if (sizes[j] == 0 || outOfReachByPivots(j, t)) continue;
					final double d = SquaredDistance.between(centres, j * dims, centres,
						t * dims, dims) / (4 * SAFETY);
					if (d < radii[j]) {
						reach[j] = d;
						found[k++] = j;
					}
				}
				return Arrays.copyOf(found, k);
			}).flatMapToInt(Arrays::stream).toArray();
		}

		/**
		 * Lowers δ of the members of cell {@code j} with their distance to
		 * {@code pick}, keeps the others in place and returns the moved ones.
		 * A member with δ(x) ≤ {@code reach} = ‖c − s‖² / 4 (widened) cannot
		 * get closer to s and is not computed.
		 */
		private int[] relaxCell(final int j, final int t, final double reach) {
			final int[] cell = members[j];
			final int[] candidates = new int[sizes[j]];
			int count = 0;
			for (int i = 0; i < sizes[j]; i++)
				if (delta[cell[i]] > reach) candidates[count++] = cell[i];
			final int[] moved = relax(Arrays.copyOf(candidates, count), t);
			if (moved.length == 0) return moved;
			int kept = 0, m = 0;
			for (int i = 0; i < sizes[j]; i++) {
				if (m < moved.length && cell[i] == moved[m]) m++;
				else cell[kept++] = cell[i];
			}
			sizes[j] = kept;
			return moved;
		}

		/**
		 * Lowers δ of {@code rows} with their distance to centre t, as the
		 * reference computes it (point first, pick second), and returns those
		 * lowered, in the given order (the array is reused).
		 */
		private int[] relax(final int[] rows, final int t) {
			int moved = 0;
			for (final int r : rows) {
				final double d = SquaredDistance.between(data, r * dims, centres, t *
					dims, dims);
				if (d < delta[r]) {
					delta[r] = d;
					rows[moved++] = r;
				}
			}
			return Arrays.copyOf(rows, moved);
		}

		/** Recomputes the radius² and first argmax of cell {@code j}. */
		private void updateMaximum(final int j) {
			double max = Double.NEGATIVE_INFINITY;
			int argmax = Integer.MAX_VALUE;
			for (int i = 0; i < sizes[j]; i++) {
				final int r = members[j][i];
				final int index = original == null ? r : original[r];
				if (delta[r] > max || delta[r] == max && index < argmax) {
					max = delta[r];
					argmax = index;
				}
			}
			radii[j] = max;
			tree.set(j, max, argmax);
		}

		private static int[] concat(final int[][] parts) {
			return Arrays.stream(parts).flatMapToInt(Arrays::stream).toArray();
		}
	}
}
