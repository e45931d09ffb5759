package io.github.tailedcore;

/**
 * Which memory bank a fit builds. All three share feature extraction and
 * scoring (squared L2 to the nearest memory patch, image score = max); they
 * differ in which patches enter the memory M.
 */
public enum Method {

	/**
	 * TailedCore (CVPR 2025): M = coreset(LOF-clean patches) ∪ coreset(patches
	 * of TailSampler's tail images and their rotated/flipped views).
	 */
	TAILEDCORE,

	/** PatchCore (CVPR 2022): M = coreset(all patches). */
	PATCHCORE,

	/**
	 * SoftPatch (NeurIPS 2022): M = coreset(LOF-clean patches), each memory
	 * item weighted by its LOF score at test time.
	 */
	SOFTPATCH;

	/** Parses a user-facing name such as {@code "TailedCore"} or {@code "softpatch"}. */
	public static Method parse(final String name) {
		for (final Method m : values())
			if (m.name().equalsIgnoreCase(name.trim())) return m;
		throw new IllegalArgumentException("Unknown method '" + name +
			"': use TailedCore, PatchCore or SoftPatch.");
	}

	/** The name users see: TailedCore, PatchCore, SoftPatch. */
	public String displayName() {
		switch (this) {
			case TAILEDCORE: return "TailedCore";
			case PATCHCORE: return "PatchCore";
			default: return "SoftPatch";
		}
	}
}
