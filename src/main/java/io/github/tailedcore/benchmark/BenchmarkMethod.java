package io.github.tailedcore.benchmark;

import io.github.tailedcore.Method;
import io.github.tailedcore.importance.ImportanceWeighting;

import java.util.Locale;

/**
 * One compared method of a benchmark: a {@link Method} with an importance
 * weighting, so that a run can compare each method with and without it on
 * the same splits. Written {@code patchcore}, {@code patchcore+iw}
 * (weighted coreset) or {@code patchcore+iw-score} (coreset and scores).
 *
 * @param method the method
 * @param weighting its importance weighting
 */
public record BenchmarkMethod(Method method, ImportanceWeighting weighting) {

	private static final String CORESET_SUFFIX = "+iw";
	private static final String SCORE_SUFFIX = "+iw-score";

	/** The method as the paper defines it, without weighting. */
	public static BenchmarkMethod plain(final Method method) {
		return new BenchmarkMethod(method, ImportanceWeighting.NONE);
	}

	/** Parses {@code tailedcore}, {@code tailedcore+iw}, {@code tailedcore+iw-score}, … */
	public static BenchmarkMethod parse(final String name) {
		final String key = name.trim().toLowerCase(Locale.ROOT);
		if (key.endsWith(SCORE_SUFFIX)) return new BenchmarkMethod(Method.parse(key
			.substring(0, key.length() - SCORE_SUFFIX.length())),
			ImportanceWeighting.CORESET_AND_SCORE);
		if (key.endsWith(CORESET_SUFFIX)) return new BenchmarkMethod(Method.parse(
			key.substring(0, key.length() - CORESET_SUFFIX.length())),
			ImportanceWeighting.CORESET);
		return plain(Method.parse(key));
	}

	/** {@code PatchCore}, {@code PatchCore+IW}, {@code PatchCore+IW-score}. */
	public String displayName() {
		switch (weighting) {
			case CORESET: return method.displayName() + "+IW";
			case CORESET_AND_SCORE: return method.displayName() + "+IW-score";
			default: return method.displayName();
		}
	}
}
