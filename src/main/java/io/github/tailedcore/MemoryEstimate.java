package io.github.tailedcore;

import io.github.tailedcore.noise.NoiseThreshold;

import java.util.Locale;

/**
 * The Java heap a fit needs, estimated from its sizes before any work
 * starts, so that a fit too large for {@code -Xmx} fails at once with a
 * message saying how much it needs instead of running out of memory an
 * hour later.
 * <p>
 * The fit streams ({@link TailedCore}): the full-dimensional features go to
 * a temporary file, and the heap holds the patches' d-dimensional
 * projections and the memory bank. For N images of L patch locations with
 * D-dimensional features, projection dimension d, coreset ratio r, the
 * fraction k of patches the noise filter keeps (1 without it, and under
 * the adaptive noise threshold, which may keep every patch), T threads
 * and batches of B = 8 images, the stages hold at their peaks:
 * </p>
 * <pre>
 * features   = m · 4 N L d + 3 B · 4 L D        (m projections: 2 with LOF, 1 without)
 * LOF        = 2 · 4 N L d + T (4 N² + 8 N d)   (one distance matrix per thread)
 * coreset    = 4 N L d                          (the projection)
 *            + k N L (4 d + 20)                 (the candidates in blocks, δ², limit, norm)
 *            + r k N L (4 d + 4)                (the picks' values and limits)
 * bank       = 2 · 4 r k N L D                  (memory bank and its search layout)
 * importance = 4 N L d + N L (32 + d) + 2 · 4 r N L D   (when weighting)
 * </pre>
 * <p>
 * With the tail branch ({@link #withTail}), the pool of Q = |T| (1 + V) L
 * patches (V views per tail image) adds (the head's picks wait as indices,
 * and both branches' rows are gathered into one bank at the end):
 * </p>
 * <pre>
 * tail       = 2 · 4 Q d + Q · 20 + r Q (4 d + 4) + V · 4 L D
 *              (its projection and the coreset's blocks of it, δ², limits and
 *              norms, the picks, one image's views)
 * bank       = 2 · 4 r (k N L + Q) D
 * </pre>
 * <p>
 * peak = 1.1 · the largest stage; the factor covers the JVM's own use and
 * garbage-collection slack. For 1,600 MVTec images (28 × 28, D = 1024,
 * d = 128) that is about 1.5 GB, where holding the features alone took
 * 5.1 GB.
 * </p>
 */
public final class MemoryEstimate {

	private static final double OVERHEAD = 1.1;
	private static final double GB = 1e9;
	private static final int BATCH = 8;

	private final Sizes sizes;
	/** |T| and V, or 0 before the tail is known. */
	private final int tailImages;
	private final int views;

	private MemoryEstimate(final Sizes sizes, final int tailImages,
		final int views)
	{
		this.sizes = sizes;
		this.tailImages = tailImages;
		this.views = views;
	}

	/** The sizes of one fit, from which every stage's figure follows. */
	private static final class Sizes {

		final double n;
		final double patches;
		final double locations;
		final double dims;
		final double d;
		final double r;
		final double keep;
		final int threads;
		final boolean lof;
		final boolean importance;

		Sizes(final int images, final int locations, final int dims,
			final TailedCoreSettings settings, final int threads)
		{
			n = images;
			this.locations = locations;
			patches = (double) images * locations;
			this.dims = dims;
			d = settings.projectionDim();
			r = settings.coresetRatio();
			lof = settings.method() != Method.PATCHCORE;
			// the adaptive rule may drop nothing
			keep = lof && settings.effectiveNoiseThreshold() == NoiseThreshold.FIXED
				? 1 - settings.noiseDropFraction() : 1;
			importance = settings.importanceWeighting().weighsCoreset();
			this.threads = threads;
		}

		double projection() {
			return 4 * patches * d;
		}

		/** The coreset's own state for p candidates. */
		double sampler(final double p) {
			return p * (4 * d + 20) + r * p * (4 * d + 4);
		}

		double bank(final double rows) {
			return 4 * rows * dims;
		}

		double headBankRows() {
			return r * keep * patches;
		}

		double headPeak() {
			final double features = (lof ? 2 : 1) * projection() + 3 * BATCH * 4 *
				locations * dims;
			final double noise = lof ? 2 * projection() + threads * (4 * n * n + 8 *
				n * d) : 0;
			final double coreset = projection() + sampler(keep * patches);
			final double banks = 2 * bank(headBankRows()) + 2 * 16 * 4 * locations *
				dims;
			final double weighting = importance ? projection() + sampler(patches) +
				2 * bank(r * patches) : 0;
			return Math.max(Math.max(features, noise), Math.max(Math.max(coreset,
				banks), weighting));
		}
	}

	/**
	 * The estimate for a fit of {@code images} images with TailedCore's
	 * defaults but these sizes (the tail branch not included).
	 *
	 * @param images N, the training images
	 * @param locations L, patch locations per image (784 for a 28 × 28 grid)
	 * @param dims D, the feature dimension (1024)
	 * @param projectionDim d, the random projection's dimension (128)
	 * @param coresetRatio r, the fraction of patches in the memory bank
	 * @param threads T, the threads running LOF fits at once
	 * @throws IllegalArgumentException if a size is negative or below 1
	 */
	public static MemoryEstimate forFit(final int images, final int locations,
		final int dims, final int projectionDim, final double coresetRatio,
		final int threads)
	{
		if (images < 0 || locations < 1 || dims < 1 || projectionDim < 1 ||
			threads < 1 || !(coresetRatio > 0 && coresetRatio <= 1))
			throw new IllegalArgumentException("A memory estimate needs N ≥ 0, " +
				"L, D, d, T ≥ 1 and a coreset ratio in (0, 1]; got N = " + images +
				", L = " + locations + ", D = " + dims + ", d = " + projectionDim +
				", T = " + threads + ", r = " + coresetRatio + ".");
		return forFit(images, locations, dims, TailedCoreSettings.builder()
			.projectionDim(projectionDim).coresetRatio(coresetRatio).build(),
			threads);
	}

	/**
	 * The estimate for a fit with these settings on this machine (the threads
	 * of the common fork-join pool), the tail branch not included.
	 */
	public static MemoryEstimate forFit(final int images, final int locations,
		final int dims, final TailedCoreSettings settings)
	{
		return forFit(images, locations, dims, settings, Runtime.getRuntime()
			.availableProcessors());
	}

	private static MemoryEstimate forFit(final int images, final int locations,
		final int dims, final TailedCoreSettings settings, final int threads)
	{
		return new MemoryEstimate(new Sizes(images, locations, dims, settings,
			threads), 0, 0);
	}

	/**
	 * This estimate with the tail branch: {@code tailImages} tail images and
	 * {@code views} augmented views of each.
	 */
	public MemoryEstimate withTail(final int tailImages, final int views) {
		if (tailImages < 0 || views < 0) throw new IllegalArgumentException(
			"Tail images and views cannot be negative, got " + tailImages + " and " +
				views + ".");
		return new MemoryEstimate(sizes, tailImages, views);
	}

	/**
	 * Bytes of the full-dimensional patch features of the training images:
	 * what holding them would take, and what the fit writes to its
	 * temporary file instead.
	 */
	public long featureBytes() {
		return (long) (4 * sizes.patches * sizes.dims);
	}

	/** Bytes of the d-dimensional projections the selection stages hold. */
	public long projectionBytes() {
		return (long) ((sizes.lof ? 2 : 1) * sizes.projection());
	}

	/** Bytes of the memory bank (the tail's included once it is known). */
	public long bankBytes() {
		return (long) sizes.bank(sizes.headBankRows() + sizes.r * tailPool());
	}

	/** Q, the tail pool's patches. */
	private double tailPool() {
		return (double) tailImages * (1 + views) * sizes.locations;
	}

	/** Bytes at the peak of the fit, overhead included. */
	public long peakBytes() {
		final Sizes s = sizes;
		double peak = s.headPeak();
		if (tailImages > 0) {
			final double q = tailPool();
			final double pool = 4 * q * s.d + s.sampler(q) + views * 4 *
				s.locations * s.dims;
			final double banks = 2 * s.bank(s.headBankRows() + s.r * q);
			peak = Math.max(peak, Math.max(pool, banks));
		}
		return (long) (OVERHEAD * peak);
	}

	/**
	 * Throws unless {@code maxHeapBytes} (usually
	 * {@code Runtime.getRuntime().maxMemory()}) holds {@link #peakBytes()}.
	 *
	 * @throws IllegalStateException saying how much heap the fit needs and
	 *           how to get it
	 */
	public void requireHeap(final long maxHeapBytes) {
		if (maxHeapBytes >= peakBytes()) return;
		throw new IllegalStateException(String.format(Locale.ROOT,
			"This fit needs about %.1f GB of heap for %d images%s (%.1f GB of " +
				"projected patches, %.1f GB of memory bank), but Java may use at most " +
				"%.1f GB. Start Java or Fiji with -Xmx%dg (in Fiji: Edit > Options > " +
				"Memory & Threads) or use fewer images%s.", peakBytes() / GB,
			(int) sizes.n, tailImages == 0 ? "" : String.format(Locale.ROOT,
				" and their %d tail images with %d views each", tailImages, views),
			projectionBytes() / GB, bankBytes() / GB, maxHeapBytes / GB, (long) Math
				.ceil(peakBytes() / GB), tailImages == 0 || views == 0 ? ""
					: " or a tail augmentation with fewer views (rot45flip: 15, " +
						"rotflip: 7, none)"));
	}

	/** {@link #requireHeap(long)} with this JVM's {@code -Xmx}. */
	public void requireHeap() {
		requireHeap(Runtime.getRuntime().maxMemory());
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT,
			"%d images: %.2f GB patch features (spilled to disk), %.2f GB " +
				"projections, %.2f GB memory bank, %.2f GB peak heap", (int) sizes.n,
			featureBytes() / GB, projectionBytes() / GB, bankBytes() / GB,
			peakBytes() / GB);
	}
}
