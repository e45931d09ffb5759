package io.github.tailedcore.noise;

import io.github.tailedcore.Labelled;

/**
 * Which patches the head branch's noise filter drops, given the LOF scores
 * and the drop fraction f (0.15 in the paper): always the share f, as the
 * paper does, or only those LOF calls outliers, at most the share f.
 * <p>
 * A fixed share removes the rarest normal patches of a clean class (fine
 * tire tread, grain of polycrystalline cells, tile texture) as readily as
 * defects: fitted alone, TailedCore and SoftPatch fell 1.3–8.2 image AUROC
 * points behind PatchCore that way ({@code benchmarks/single-class}).
 * Measured on MobileNetV2 patches of each industrial class alone
 * (k = 6, 128-d projections, 195–250 images): LOF exceeds
 * {@value #OUTLIER_LOF} for 0–0.07 % of the patches of clean tire, magnetic
 * tile and solar cell images (at most 1.8 % of any one image's), and for
 * 4–26 % of those of each defective monocrystalline cell among them (15 % of
 * all their patches). Defects that LOF does not see (tire, polycrystalline
 * cells: their defective images score like clean ones) are left alone,
 * where PatchCore, which drops nothing, scored best. PCB, a diverse kind,
 * puts 8.9 % of its clean patches above it.
 * </p>
 */
public enum NoiseThreshold implements Labelled {

	/**
	 * The paper's rule (spec §4): τ = the (1 − f)-quantile of all N · L
	 * scores, patches scoring strictly below τ are kept, so about the share
	 * f is dropped whatever the data.
	 */
	FIXED("fixed"),

	/**
	 * Ours: a patch is dropped only if it is an outlier by LOF's own scale,
	 * LOF &gt; {@value #OUTLIER_LOF}, and among the share f the paper's rule
	 * drops. Data without outliers keeps
	 * (nearly) every patch; data with more than the share f of outlying
	 * patches loses exactly what the fixed rule would.
	 */
	ADAPTIVE("adaptive");

	/**
	 * The LOF above which the adaptive rule calls a patch an outlier: its
	 * local density is less than half that of its neighbours. Inliers score
	 * about 1; scikit-learn's {@code contamination='auto'} calls LOF &gt; 1.5
	 * an outlier, which on clean single kinds dropped 0.07–1.3 % of the
	 * patches (up to 11 % of one clean solar cell's, 27 % of one
	 * polycrystalline cell's) and cost 2.4 image AUROC points on solar_poly
	 * against LOF &gt; 2 ({@code benchmarks/single-class}).
	 */
	public static final double OUTLIER_LOF = 2;

	private final String label;

	NoiseThreshold(final String label) {
		this.label = label;
	}

	/** The name users type: {@code adaptive} or {@code fixed}. */
	@Override
	public String label() {
		return label;
	}

	/** Parses {@link #label()} (case-insensitive). */
	public static NoiseThreshold parse(final String name) {
		return Labelled.parse(values(), name, "noise threshold",
			"adaptive or fixed");
	}

	/**
	 * Whether a patch with this score is kept.
	 *
	 * @param score the patch's LOF
	 * @param quantile τ, the (1 − f)-quantile of all scores
	 */
	boolean keeps(final float score, final double quantile) {
		return score < quantile || this == ADAPTIVE && score <= OUTLIER_LOF;
	}

	/**
	 * The threshold to report: τ for the fixed rule; for the adaptive one
	 * max(τ, {@value #OUTLIER_LOF}), the score from which patches are dropped.
	 */
	double threshold(final double quantile) {
		return this == ADAPTIVE ? Math.max(quantile, OUTLIER_LOF) : quantile;
	}
}
