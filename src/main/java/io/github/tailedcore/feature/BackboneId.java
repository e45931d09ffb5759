package io.github.tailedcore.feature;

/**
 * Identifies the exact CNN a model's memory bank was computed with: its
 * manifest name and the SHA-256 of its ONNX file. Scoring an image with any
 * other backbone would compare features of different spaces, so model files
 * record this and refuse a mismatch.
 */
public final class BackboneId {

	private final String name;
	private final String sha256;

	public BackboneId(final String name, final String sha256) {
		if (name == null || name.isEmpty()) throw new IllegalArgumentException(
			"A backbone needs a name.");
		this.name = name;
		this.sha256 = sha256 == null ? "" : sha256.toLowerCase();
	}

	/** Manifest name, e.g. {@code mobilenet_v2_imagenet}. */
	public String name() {
		return name;
	}

	/** Lower-case hex SHA-256 of the ONNX file, or empty if unknown. */
	public String sha256() {
		return sha256;
	}

	/** Whether both name the same network file. */
	public boolean matches(final BackboneId other) {
		return name.equals(other.name) && sha256.equals(other.sha256);
	}

	@Override
	public boolean equals(final Object o) {
		return o instanceof BackboneId && matches((BackboneId) o);
	}

	@Override
	public int hashCode() {
		return name.hashCode() * 31 + sha256.hashCode();
	}

	@Override
	public String toString() {
		return name + (sha256.isEmpty() ? "" : " (sha256 " + sha256.substring(0,
			Math.min(12, sha256.length())) + "…)");
	}
}
