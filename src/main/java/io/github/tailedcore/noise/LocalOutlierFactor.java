package io.github.tailedcore.noise;

import io.github.tailedcore.linalg.FeatureMatrix;
import io.github.tailedcore.linalg.SquaredDistance;

import java.util.Arrays;

/**
 * The local outlier factor of every training point, exactly as scikit-learn's
 * {@code LocalOutlierFactor(n_neighbors=k, metric="l2")} computes
 * {@code -negative_outlier_factor_} after {@code fit} (Breunig et al., 2000;
 * spec §4). About 1 for inliers, well above 1 for outliers.
 * <p>
 * With Euclidean distances d (not squared) and kNN(p) the k nearest other
 * points of p (a point is never its own neighbour):
 * </p>
 * <ul>
 * <li>k-distance(o) = d(o, k-th nearest neighbour of o);</li>
 * <li>reach(p, o) = max(k-distance(o), d(p, o));</li>
 * <li>lrd(p) = 1 / (mean<sub>o∈kNN(p)</sub> reach(p, o) + 10<sup>−10</sup>);</li>
 * <li>LOF(p) = mean<sub>o∈kNN(p)</sub> lrd(o) / lrd(p).</li>
 * </ul>
 * <p>
 * As in scikit-learn, N ≤ k points use k = N − 1 neighbours. For N = 1 (where
 * scikit-learn fails) the LOF is 1 by definition: a lone point is as dense as
 * its neighbourhood.
 * </p>
 * <p>
 * <b>Precision.</b> Distances are computed by {@link SquaredDistance}
 * (float differences, double sums), square-rooted and kept in double, as
 * everything else is. Stored as float they would round neighbours about
 * 10<sup>−8</sup> apart to the same value, and the tie rule below would then
 * pick another neighbour than scikit-learn does (in a comparison with
 * scikit-learn on projected real patches, two neighbours 1.6·10<sup>−8</sup>
 * apart tied so and changed nine LOF scores by up to 4.7·10<sup>−3</sup>).
 * </p>
 * <p>
 * <b>Ties.</b> Among neighbours at exactly the same distance the smaller row
 * index comes first. scikit-learn defines no order here: for more than 15
 * dimensions (the 128-d projections) it searches by brute force, computing
 * squared distances in float64 as ‖x‖² − 2x·y + ‖y‖², so distances that are
 * equal in exact arithmetic may differ there by rounding (about
 * 10<sup>−16</sup> of ‖x‖²) and are then ordered by that rounding; only
 * values that come out exactly equal keep the earlier index (its heap admits
 * a candidate only if strictly nearer). Tree searches (≤ 15 dimensions)
 * order exact ties by their traversal. Exact ties are therefore the one
 * case in which the two may pick different neighbours. Neighbour distances,
 * and so k-distances, do not depend on how ties are broken, only which
 * neighbours' lrd enter the mean.
 * </p>
 * <p>
 * One fit holds an N × N {@code double} matrix (20 MB for N = 1,600
 * images) and runs on the calling thread (the noise filter runs many fits in
 * parallel).
 * </p>
 */
public final class LocalOutlierFactor {

	/** scikit-learn's guard against division by zero in lrd. */
	private static final double LRD_EPSILON = 1e-10;

	private final int neighbors;

	/**
	 * @param neighbors k, scikit-learn's {@code n_neighbors} (6 in the paper)
	 * @throws IllegalArgumentException if k &lt; 1
	 */
	public LocalOutlierFactor(final int neighbors) {
		if (neighbors < 1) throw new IllegalArgumentException(
			"LOF needs at least 1 neighbour, got " + neighbors + ".");
		this.neighbors = neighbors;
	}

	/** k as configured. */
	public int neighbors() {
		return neighbors;
	}

	/** The k actually used for N points: min(k, N − 1), at least 1. */
	public int effectiveNeighbors(final int pointCount) {
		return Math.max(1, Math.min(neighbors, pointCount - 1));
	}

	/**
	 * LOF(p) of every row of {@code points} among all rows.
	 *
	 * @return one score per row, in row order
	 */
	public double[] scores(final FeatureMatrix points) {
		final int n = points.rows();
		if (n == 1) return new double[] { 1 };
		if (n == 0) return new double[0];
		final int k = effectiveNeighbors(n);
		final double[] distances = distanceMatrix(points);
		final int[] knn = new int[n * k];
		final double[] kDistance = new double[n];
		for (int p = 0; p < n; p++) {
			nearestNeighbors(distances, n, p, k, knn);
			kDistance[p] = distances[p * n + knn[p * k + k - 1]];
		}
		final double[] lrd = new double[n];
		for (int p = 0; p < n; p++) {
			double sum = 0;
			for (int m = 0; m < k; m++) {
				final int o = knn[p * k + m];
				sum += Math.max(kDistance[o], distances[p * n + o]);
			}
			lrd[p] = 1 / (sum / k + LRD_EPSILON);
		}
		final double[] lof = new double[n];
		for (int p = 0; p < n; p++) {
			double sum = 0;
			for (int m = 0; m < k; m++)
				sum += lrd[knn[p * k + m]] / lrd[p];
			lof[p] = sum / k;
		}
		return lof;
	}

	/** The symmetric N × N Euclidean distances, in double. */
	private static double[] distanceMatrix(final FeatureMatrix points) {
		final int n = points.rows();
		if ((long) n * n > Integer.MAX_VALUE - 8) throw new IllegalArgumentException(
			"LOF on " + n + " points needs an N × N distance matrix larger than " +
				"one Java array holds; use at most 46340 points (training images).");
		final double[] distances = new double[n * n];
		for (int i = 0; i < n; i++)
			for (int j = i + 1; j < n; j++) {
				final double d = Math.sqrt(SquaredDistance.betweenRows(points, i, j));
				distances[i * n + j] = d;
				distances[j * n + i] = d;
			}
		return distances;
	}

	/**
	 * Writes the k nearest other rows of {@code p}, by distance and then
	 * index, into {@code knn[p·k, (p+1)·k)}: an insertion list that admits a
	 * row only if strictly nearer than its current last entry, so that among
	 * equal distances the earlier (smaller) index stays.
	 */
	private static void nearestNeighbors(final double[] distances, final int n,
		final int p, final int k, final int[] knn)
	{
		final int base = p * k;
		final double[] best = new double[k];
		Arrays.fill(best, Double.POSITIVE_INFINITY);
		int filled = 0;
		for (int o = 0; o < n; o++) {
			if (o == p) continue;
			final double d = distances[p * n + o];
			if (filled == k && !(d < best[k - 1])) continue;
			int slot = filled < k ? filled++ : k - 1;
			while (slot > 0 && d < best[slot - 1]) {
				best[slot] = best[slot - 1];
				knn[base + slot] = knn[base + slot - 1];
				slot--;
			}
			best[slot] = d;
			knn[base + slot] = o;
		}
	}
}
