package io.github.tailedcore.benchmark;

import io.github.tailedcore.Method;
import io.github.tailedcore.TailedCoreSettings;
import io.github.tailedcore.importance.ImportanceWeighting;
import io.github.tailedcore.tail.TailEstimation;

import java.util.Locale;

/**
 * One compared method of a benchmark: a {@link Method} with an importance
 * weighting and, for TailedCore, a tail estimate, so that a run can compare
 * each variant on the same splits. Written {@code patchcore},
 * {@code patchcore+iw} (weighted coreset), {@code patchcore+iw-score}
 * (coreset and scores), {@code tailedcore} (the default, robust tail
 * estimate) or {@code tailedcore-paper} (the paper's), and combinations such
 * as {@code tailedcore-paper+iw}.
 *
 * @param method the method
 * @param weighting its importance weighting
 * @param tailEstimation its tail estimate (only TailedCore has a tail)
 */
public record BenchmarkMethod(Method method, ImportanceWeighting weighting,
	TailEstimation tailEstimation)
{

	private static final String CORESET_SUFFIX = "+iw";
	private static final String SCORE_SUFFIX = "+iw-score";
	private static final String PAPER_TAIL_SUFFIX = "-paper";

	/** A method with the default tail estimate. */
	public BenchmarkMethod(final Method method,
		final ImportanceWeighting weighting)
	{
		this(method, weighting, TailedCoreSettings.DEFAULT_TAIL_ESTIMATION);
	}

	/** The method with its defaults, without weighting. */
	public static BenchmarkMethod plain(final Method method) {
		return new BenchmarkMethod(method, ImportanceWeighting.NONE);
	}

	/**
	 * Parses {@code tailedcore}, {@code tailedcore-paper},
	 * {@code tailedcore+iw}, {@code patchcore+iw-score}, …
	 *
	 * @throws IllegalArgumentException for an unknown name, or a tail
	 *           estimate on a method without a tail
	 */
	public static BenchmarkMethod parse(final String name) {
		String key = name.trim().toLowerCase(Locale.ROOT);
		ImportanceWeighting weighting = ImportanceWeighting.NONE;
		if (key.endsWith(SCORE_SUFFIX)) {
			weighting = ImportanceWeighting.CORESET_AND_SCORE;
			key = key.substring(0, key.length() - SCORE_SUFFIX.length());
		}
		else if (key.endsWith(CORESET_SUFFIX)) {
			weighting = ImportanceWeighting.CORESET;
			key = key.substring(0, key.length() - CORESET_SUFFIX.length());
		}
		if (!key.endsWith(PAPER_TAIL_SUFFIX)) return new BenchmarkMethod(Method
			.parse(key), weighting);
		final Method method = Method.parse(key.substring(0, key.length() -
			PAPER_TAIL_SUFFIX.length()));
		if (method != Method.TAILEDCORE) throw new IllegalArgumentException(
			"Only TailedCore has a tail estimate to choose, not " + method
				.displayName() + " ('" + name + "').");
		return new BenchmarkMethod(method, weighting, TailEstimation.PAPER);
	}

	/**
	 * {@code PatchCore}, {@code PatchCore+IW}, {@code PatchCore+IW-score},
	 * {@code TailedCore}, {@code TailedCore-paper}, …
	 */
	public String displayName() {
		final String name = method.displayName() + (method == Method.TAILEDCORE &&
			tailEstimation == TailEstimation.PAPER ? PAPER_TAIL_SUFFIX : "");
		switch (weighting) {
			case CORESET: return name + "+IW";
			case CORESET_AND_SCORE: return name + "+IW-score";
			default: return name;
		}
	}
}
