package io.github.tailedcore.tail;

import io.github.tailedcore.Progress;
import io.github.tailedcore.linalg.FeatureMatrix;

/**
 * The image-to-image cosine similarity matrix S = Ê Êᵀ with
 * Ê = e / max(‖e‖, 10⁻¹²), in float32 (spec §5.1, the authors'
 * {@code class_size.compute_self_sim}). Everything the TailSampler does
 * afterwards works with these similarities; the "angle" of the paper is
 * arccos S.
 * <p>
 * S is an N × N {@code float} matrix (10 MB for N = 1600 images), computed
 * in 32 × 32 tiles of the upper triangle on all cores and mirrored, so it is
 * exactly symmetric. Each entry is the dot product of two float32 unit rows
 * summed in index order in double precision and rounded once to float; the
 * result is therefore the same for any tiling or thread count, and at least
 * as accurate as the reference's float32 matrix product.
 * </p>
 */
public final class CosineSimilarity {

	/** The smallest norm divided by, as in {@code F.normalize}. */
	public static final float NORM_EPSILON = 1e-12f;

	private static final int TILE = 32;

	private CosineSimilarity() {}

	/**
	 * S for the rows of {@code embeddings}; see
	 * {@link #of(FeatureMatrix, Progress)}.
	 */
	public static FeatureMatrix of(final FeatureMatrix embeddings) {
		return of(embeddings, Progress.none());
	}

	/**
	 * Computes S<sub>ij</sub> = ê<sub>i</sub> · ê<sub>j</sub> for all pairs of
	 * embedding rows.
	 *
	 * @param embeddings one embedding e<sub>i</sub> per row
	 * @param progress receives the rows done; checked for cancellation
	 * @return the N × N similarity matrix, row-major
	 * @throws IllegalArgumentException if an embedding holds NaN or ±∞
	 */
	public static FeatureMatrix of(final FeatureMatrix embeddings,
		final Progress progress)
	{
		final FeatureMatrix unit = normalizedRows(embeddings);
		final int n = unit.rows();
		final FeatureMatrix similarities = FeatureMatrix.zeros(n, n);
		RowBlocks.forEach(n, TILE, progress, (start, end) -> {
			for (int j0 = start; j0 < n; j0 += TILE)
				upperTile(unit, start, end, j0, Math.min(n, j0 + TILE),
					similarities.data());
		});
		return similarities;
	}

	/**
	 * Ê: each row divided by max(‖e<sub>i</sub>‖, 10⁻¹²), the norm taken in
	 * double and rounded to float, the division in float. A zero row stays
	 * zero.
	 *
	 * @throws IllegalArgumentException if a row holds NaN or ±∞
	 */
	public static FeatureMatrix normalizedRows(final FeatureMatrix embeddings) {
		final int d = embeddings.cols();
		final float[] in = embeddings.data();
		final float[] out = new float[in.length];
		for (int r = 0; r < embeddings.rows(); r++) {
			final int offset = embeddings.offset(r);
			double squares = 0;
			for (int c = offset; c < offset + d; c++) {
				if (!Float.isFinite(in[c])) throw new IllegalArgumentException(
					"Embedding " + r + " holds a non-finite value (" + in[c] +
						"); the features are broken, extract them again.");
				squares += (double) in[c] * in[c];
			}
			final float norm = Math.max((float) Math.sqrt(squares), NORM_EPSILON);
			for (int c = offset; c < offset + d; c++)
				out[c] = in[c] / norm;
		}
		return new FeatureMatrix(embeddings.rows(), d, out);
	}

	/**
	 * Fills S for rows {@code [i0, i1)} against columns {@code [j0, j1)},
	 * j ≥ i only, and writes each value also to its mirror (j, i). Four
	 * columns at a time share the loads of row i.
	 */
	private static void upperTile(final FeatureMatrix unit, final int i0,
		final int i1, final int j0, final int j1, final float[] s)
	{
		final float[] x = unit.data();
		final int d = unit.cols();
		final int n = unit.rows();
		for (int i = i0; i < i1; i++) {
			final int a = i * d;
			int j = Math.max(j0, i);
			for (; j + 3 < j1; j += 4) {
				final int b0 = j * d, b1 = b0 + d, b2 = b1 + d, b3 = b2 + d;
				double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
				for (int k = 0; k < d; k++) {
					final double xa = x[a + k];
					s0 += xa * x[b0 + k];
					s1 += xa * x[b1 + k];
					s2 += xa * x[b2 + k];
					s3 += xa * x[b3 + k];
				}
				store(s, n, i, j, s0);
				store(s, n, i, j + 1, s1);
				store(s, n, i, j + 2, s2);
				store(s, n, i, j + 3, s3);
			}
			for (; j < j1; j++) {
				final int b = j * d;
				double sum = 0;
				for (int k = 0; k < d; k++)
					sum += (double) x[a + k] * x[b + k];
				store(s, n, i, j, sum);
			}
		}
	}

	private static void store(final float[] s, final int n, final int i,
		final int j, final double value)
	{
		s[i * n + j] = (float) value;
		s[j * n + i] = (float) value;
	}
}
