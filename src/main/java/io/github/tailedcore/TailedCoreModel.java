package io.github.tailedcore;

import io.github.tailedcore.feature.BackboneId;
import io.github.tailedcore.feature.FeatureGrid;
import io.github.tailedcore.memory.MemoryBank;
import io.github.tailedcore.preprocess.Preprocessing;
import io.github.tailedcore.scoring.ImageNeighbors;
import io.github.tailedcore.scoring.Scoring;

/**
 * A fitted detector: the memory bank M with everything needed to score new
 * images consistently (the settings it was fitted with, the backbone that
 * made its features, how images were framed and scaled for it, the patch
 * grid) and to explain it (the fit summary, the default threshold), and,
 * for class-aware scoring, the training images' embeddings and the origin
 * of every memory row.
 * <p>
 * Immutable except for the threshold, which can be set after the fit (it is
 * estimated from the fitted model). Saved and loaded by
 * {@code io.ModelFile}.
 * </p>
 */
public final class TailedCoreModel {

	private final TailedCoreSettings settings;
	private final BackboneId backbone;
	private final FeatureGrid grid;
	private final MemoryBank memory;
	private final FitSummary summary;
	private final Preprocessing preprocessing;
	private final ImageNeighbors neighbors;
	private Threshold threshold;

	/**
	 * A model of images prepared as the paper prepares them, without
	 * training embeddings: it can only score globally.
	 */
	public TailedCoreModel(final TailedCoreSettings settings,
		final BackboneId backbone, final FeatureGrid grid, final MemoryBank memory,
		final FitSummary summary, final Threshold threshold)
	{
		this(settings, backbone, grid, memory, summary, threshold, null);
	}

	/**
	 * A model of images prepared as the paper prepares them.
	 *
	 * @param neighbors the training images' embeddings (and κ), which
	 *          class-aware scoring needs beside the memory rows' origins, or
	 *          {@code null}
	 */
	public TailedCoreModel(final TailedCoreSettings settings,
		final BackboneId backbone, final FeatureGrid grid, final MemoryBank memory,
		final FitSummary summary, final Threshold threshold,
		final ImageNeighbors neighbors)
	{
		this(settings, backbone, Preprocessing.paper(), grid, memory, summary,
			threshold, neighbors);
	}

	/**
	 * A model without training embeddings: it can only score globally.
	 *
	 * @param preprocessing how the training images were prepared, with the
	 *          training range measured if it has one
	 */
	public TailedCoreModel(final TailedCoreSettings settings,
		final BackboneId backbone, final Preprocessing preprocessing,
		final FeatureGrid grid, final MemoryBank memory, final FitSummary summary,
		final Threshold threshold)
	{
		this(settings, backbone, preprocessing, grid, memory, summary, threshold,
			null);
	}

	/**
	 * @param preprocessing how the training images were prepared, with the
	 *          training range measured if it has one
	 * @param neighbors the training images' (or tiles') embeddings, which
	 *          class-aware scoring needs beside the memory rows' origins, or
	 *          {@code null}
	 */
	public TailedCoreModel(final TailedCoreSettings settings,
		final BackboneId backbone, final Preprocessing preprocessing,
		final FeatureGrid grid, final MemoryBank memory, final FitSummary summary,
		final Threshold threshold, final ImageNeighbors neighbors)
	{
		if (preprocessing.intensity().needsTraining())
			throw new IllegalArgumentException(
				"A model needs its training intensity range measured.");
		if (memory.dims() != grid.dims()) throw new IllegalArgumentException(
			"Memory vectors of " + memory.dims() + " dims do not fit the " + grid +
				" grid.");
		this.settings = canCondition(settings, memory, neighbors) ? settings
			: settings.toBuilder().scoring(Scoring.GLOBAL).build();
		this.backbone = backbone;
		this.grid = grid;
		this.memory = memory;
		this.summary = summary;
		this.preprocessing = preprocessing;
		this.threshold = threshold;
		this.neighbors = neighbors;
	}

	/**
	 * Whether the settings' scoring can run on this memory: global scoring
	 * always, class-aware scoring with the training embeddings and the rows'
	 * origins. A model without them records global scoring.
	 */
	private static boolean canCondition(final TailedCoreSettings settings,
		final MemoryBank memory, final ImageNeighbors neighbors)
	{
		return !settings.scoring().conditions() || neighbors != null && memory
			.origins() != null;
	}

	/** How images are framed and scaled before the backbone, as in the fit. */
	public Preprocessing preprocessing() {
		return preprocessing;
	}

	/** This model, recorded as fitted on images prepared as {@code p} says. */
	public TailedCoreModel withPreprocessing(final Preprocessing p) {
		return new TailedCoreModel(settings, backbone, p, grid, memory, summary,
			threshold, neighbors);
	}

	public TailedCoreSettings settings() {
		return settings;
	}

	public BackboneId backbone() {
		return backbone;
	}

	public FeatureGrid grid() {
		return grid;
	}

	public MemoryBank memory() {
		return memory;
	}

	public FitSummary summary() {
		return summary;
	}

	/**
	 * The training images' embeddings for class-aware scoring, or
	 * {@code null} if the model does not hold them.
	 */
	public ImageNeighbors neighbors() {
		return neighbors;
	}

	/** The default decision threshold, or {@code null} if none was set. */
	public Threshold threshold() {
		return threshold;
	}

	public void setThreshold(final Threshold threshold) {
		this.threshold = threshold;
	}
}
