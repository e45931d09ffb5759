package io.github.tailedcore;

import java.util.Locale;

/**
 * The Java heap a fit needs, estimated from its sizes before any work
 * starts, so that a fit too large for {@code -Xmx} fails at once with a
 * message saying how much it needs instead of running out of memory an
 * hour later.
 * <p>
 * For N images of L patch locations with D-dimensional features,
 * projection dimension d, coreset ratio r and T threads, the peak is
 * reached while the patch features are held and the largest stage runs:
 * </p>
 * <pre>
 * features  = 4 N L D                      (5.1 GB for 1,600 MVTec images)
 * LOF       = T (4 N² + 4 N (D + d))       (one distance matrix per thread)
 * coreset   = 4 N L d                      (the projected patches)
 *           + N L (32 + d)                 (δ, 7-bit codes, their row quantities)
 *           + r N L (2 d + 64)             (the pick quantities of the coreset)
 *           + 2 · 4 r N L D                (memory bank and its search layout)
 * peak      = 1.1 (features + max(LOF, coreset))
 * </pre>
 * <p>
 * The factor 1.1 covers the JVM's own use and garbage-collection slack. The
 * tail branch's augmented views are not included: they are a few percent
 * of the head's patches.
 * </p>
 */
public final class MemoryEstimate {

	private static final double OVERHEAD = 1.1;
	private static final double GB = 1e9;

	private final int images;
	private final long features;
	private final long lof;
	private final long coreset;

	private MemoryEstimate(final int images, final long features,
		final long lof, final long coreset)
	{
		this.images = images;
		this.features = features;
		this.lof = lof;
		this.coreset = coreset;
	}

	/**
	 * The estimate for a fit of {@code images} images.
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
		final double patches = (double) images * locations;
		final double n = images;
		final long features = (long) (4 * patches * dims);
		final long lof = (long) (threads * (4 * n * n + 4 * n * (dims +
			projectionDim)));
		final long coreset = (long) (4 * patches * projectionDim + patches * (32 +
			projectionDim) + coresetRatio * patches * (2 * projectionDim + 64) + 8 *
				coresetRatio * patches * dims);
		return new MemoryEstimate(images, features, lof, coreset);
	}

	/**
	 * The estimate for a fit with these settings on this machine (the threads
	 * of the common fork-join pool).
	 */
	public static MemoryEstimate forFit(final int images, final int locations,
		final int dims, final TailedCoreSettings settings)
	{
		return forFit(images, locations, dims, settings.projectionDim(), settings
			.coresetRatio(), Runtime.getRuntime().availableProcessors());
	}

	/** Bytes of the patch features alone. */
	public long featureBytes() {
		return features;
	}

	/** Bytes at the peak of the fit, overhead included. */
	public long peakBytes() {
		return (long) (OVERHEAD * (features + Math.max(lof, coreset)));
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
			"This fit needs about %.1f GB of heap for %d images (%.1f GB of them " +
				"patch features), but Java may use at most %.1f GB. Start Java or " +
				"Fiji with -Xmx%dg (in Fiji: Edit > Options > Memory & Threads) or " +
				"use fewer images.", peakBytes() / GB, images, features / GB,
			maxHeapBytes / GB, (long) Math.ceil(peakBytes() / GB)));
	}

	/** {@link #requireHeap(long)} with this JVM's {@code -Xmx}. */
	public void requireHeap() {
		requireHeap(Runtime.getRuntime().maxMemory());
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT,
			"%d images: %.2f GB patch features, %.2f GB peak heap", images,
			features / GB, peakBytes() / GB);
	}
}
