package io.github.tailedcore;

/**
 * A decision threshold on image (and pixel) anomaly scores, with a sentence
 * saying how it was chosen, since users must be able to judge it. It is a
 * finite number from 0 to {@value #MAX}, as scores are squared distances.
 */
public final class Threshold {

	/**
	 * The largest threshold accepted: far above any squared distance of real
	 * features, and far enough below float32's maximum (3.4e38) that a typo
	 * like 3e38 ("never anomalous") is caught.
	 */
	public static final double MAX = 1e30;

	private final double value;
	private final String method;

	/**
	 * @param value scores at or above it are called anomalous
	 * @param method how it was chosen, e.g. "0.99 quantile of leave-one-out
	 *          scores of 120 training images"
	 */
	public Threshold(final double value, final String method) {
		if (!Double.isFinite(value)) throw new IllegalArgumentException(
			"A threshold must be a finite number, got " + value + ".");
		if (value < 0) throw new IllegalArgumentException("A threshold must be " +
			"at least 0, got " + value + ": scores are squared distances (≥ 0), " +
			"so every image would be called anomalous.");
		if (value > MAX) throw new IllegalArgumentException("A threshold must be " +
			"at most " + MAX + ", got " + value + ": no squared distance of float32 " +
			"features comes near it, so every image would be called normal.");
		this.value = value;
		this.method = method == null ? "" : method;
	}

	public double value() {
		return value;
	}

	/** How it was chosen. */
	public String method() {
		return method;
	}

	/** Whether {@code score} is called anomalous. */
	public boolean isAnomalous(final double score) {
		return score >= value;
	}

	@Override
	public String toString() {
		return value + (method.isEmpty() ? "" : " (" + method + ")");
	}
}
