package io.github.tailedcore;

/**
 * A decision threshold on image (and pixel) anomaly scores, with a sentence
 * saying how it was chosen, since users must be able to judge it.
 */
public final class Threshold {

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
