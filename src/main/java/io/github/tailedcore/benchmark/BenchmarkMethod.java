package io.github.tailedcore.benchmark;

import io.github.tailedcore.Method;
import io.github.tailedcore.TailedCoreSettings;
import io.github.tailedcore.importance.ImportanceWeighting;
import io.github.tailedcore.noise.NoiseThreshold;
import io.github.tailedcore.scoring.Scoring;
import io.github.tailedcore.tail.TailEstimation;

import java.util.Locale;

/**
 * One compared method of a benchmark: a {@link Method} with an importance
 * weighting and, for TailedCore, a tail estimate and a noise threshold, so
 * that a run can compare each variant on the same splits. Written
 * {@code patchcore}, {@code patchcore+iw} (weighted coreset),
 * {@code patchcore+iw-score} (coreset and scores), {@code tailedcore} (the
 * defaults: robust tail estimate, adaptive noise threshold),
 * {@code tailedcore-paper} (the paper's tail estimate),
 * {@code tailedcore-separation} (the robust estimate without its check on
 * patches),
 * {@code tailedcore-fixed-drop} (the paper's fixed noise share), and
 * combinations such as {@code tailedcore-paper-fixed-drop} (the paper's
 * TailedCore exactly) or {@code tailedcore-paper+iw}.
 * <p>
 * A last part after {@code @} chooses the scoring: {@code @global},
 * {@code @class-aware} (with the default K), {@code @class-aware-k10} (at
 * least 10 nearest training images), or {@code @oracle}: one model per
 * class, fitted on that class's training images of the split (the labels
 * build it; it is the bound label-free scoring aims at). Without it the
 * product's default scoring is used. Variants that differ only in scoring
 * share one fit.
 * </p>
 *
 * @param method the method
 * @param weighting its importance weighting
 * @param tailEstimation its tail estimate (only TailedCore has a tail)
 * @param noiseThreshold its head branch's noise threshold (SoftPatch always
 *          drops the fixed share)
 * @param scoring the scoring, or {@code null} for the default (and for the
 *          oracle)
 * @param scoringNeighbors K of class-aware scoring; 0 for the default
 * @param oracle whether this is one model per class
 */
public record BenchmarkMethod(Method method, ImportanceWeighting weighting,
	TailEstimation tailEstimation, NoiseThreshold noiseThreshold,
	Scoring scoring, int scoringNeighbors, boolean oracle)
{

	private static final String SCORING_MARK = "@";
	private static final String ORACLE = "oracle";
	private static final String NEIGHBORS_MARK = "-k";

	/**
	 * A method with this tail estimate, the default noise threshold and
	 * scoring.
	 */
	public BenchmarkMethod(final Method method,
		final ImportanceWeighting weighting, final TailEstimation tailEstimation)
	{
		this(method, weighting, tailEstimation,
			TailedCoreSettings.DEFAULT_NOISE_THRESHOLD, null, 0, false);
	}

	private static final String CORESET_SUFFIX = "+iw";
	private static final String SCORE_SUFFIX = "+iw-score";
	private static final String TAIL_MARK = "-";
	private static final String FIXED_DROP_SUFFIX = "-fixed-drop";

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
	 * {@code tailedcore-separation}, {@code tailedcore-paper-fixed-drop},
	 * {@code tailedcore+iw},
	 * {@code patchcore+iw-score}, …
	 *
	 * @throws IllegalArgumentException for an unknown name, or a tail
	 *           estimate or noise threshold on a method without one to choose
	 */
	public static BenchmarkMethod parse(final String name) {
		String key = name.trim().toLowerCase(Locale.ROOT);
		final int at = key.indexOf(SCORING_MARK);
		if (at >= 0) {
			final BenchmarkMethod fit = parse(key.substring(0, at));
			return fit.scored(key.substring(at + 1), name);
		}
		ImportanceWeighting weighting = ImportanceWeighting.NONE;
		if (key.endsWith(SCORE_SUFFIX)) {
			weighting = ImportanceWeighting.CORESET_AND_SCORE;
			key = key.substring(0, key.length() - SCORE_SUFFIX.length());
		}
		else if (key.endsWith(CORESET_SUFFIX)) {
			weighting = ImportanceWeighting.CORESET;
			key = key.substring(0, key.length() - CORESET_SUFFIX.length());
		}
		final boolean fixedDrop = key.endsWith(FIXED_DROP_SUFFIX);
		if (fixedDrop) key = key.substring(0, key.length() - FIXED_DROP_SUFFIX
			.length());
		TailEstimation tail = TailedCoreSettings.DEFAULT_TAIL_ESTIMATION;
		for (final TailEstimation t : TailEstimation.values())
			if (t != tail && key.endsWith(TAIL_MARK + t.label())) {
				tail = t;
				key = key.substring(0, key.length() - t.label().length() - 1);
				break;
			}
		final boolean otherTail = tail !=
			TailedCoreSettings.DEFAULT_TAIL_ESTIMATION;
		final Method method = Method.parse(key);
		if ((fixedDrop || otherTail) && method != Method.TAILEDCORE)
			throw new IllegalArgumentException("Only TailedCore has a tail " +
				"estimate and a noise threshold to choose, not " + method
					.displayName() + " ('" + name + "').");
		final NoiseThreshold noise = fixedDrop ? NoiseThreshold.FIXED
			: TailedCoreSettings.DEFAULT_NOISE_THRESHOLD;
		return new BenchmarkMethod(method, weighting, tail, noise, null, 0,
			false);
	}

	/** This fit with the scoring written after {@code @}. */
	private BenchmarkMethod scored(final String scoringName, final String name) {
		if (scoringName.equals(ORACLE)) return new BenchmarkMethod(method,
			weighting, tailEstimation, noiseThreshold, null, 0, true);
		final int k = scoringName.lastIndexOf(NEIGHBORS_MARK);
		if (k < 0) return new BenchmarkMethod(method, weighting, tailEstimation,
			noiseThreshold, Scoring.parse(scoringName), 0, false);
		final Scoring s = Scoring.parse(scoringName.substring(0, k));
		final int neighbors;
		try {
			neighbors = Integer.parseInt(scoringName.substring(k + NEIGHBORS_MARK
				.length()));
		}
		catch (final NumberFormatException e) {
			throw new IllegalArgumentException("Not a number of neighbours in '" +
				name + "'.");
		}
		if (!s.conditions() || neighbors < 1)
			throw new IllegalArgumentException("Only class-aware scoring takes a " +
				"number of neighbours (at least 1): '" + name + "'.");
		return new BenchmarkMethod(method, weighting, tailEstimation,
			noiseThreshold, s, neighbors, false);
	}

	/** The method of the fit, with the default scoring. */
	public BenchmarkMethod fit() {
		return new BenchmarkMethod(method, weighting, tailEstimation,
			noiseThreshold, null, 0, false);
	}

	/**
	 * {@code PatchCore}, {@code PatchCore+IW}, {@code PatchCore+IW-score},
	 * {@code TailedCore}, {@code TailedCore-paper},
	 * {@code TailedCore-paper-fixed-drop}, …, followed by
	 * {@code  global}, {@code  class-aware}, {@code  class-aware k≥10} or
	 * {@code  oracle} when chosen.
	 */
	public String displayName() {
		final boolean tailed = method == Method.TAILEDCORE;
		final String name = method.displayName() + (tailed &&
			tailEstimation != TailedCoreSettings.DEFAULT_TAIL_ESTIMATION
				? TAIL_MARK + tailEstimation.label() : "") +
			(tailed && noiseThreshold == NoiseThreshold.FIXED ? FIXED_DROP_SUFFIX
				: "");
		final String weighted;
		switch (weighting) {
			case CORESET:
				weighted = name + "+IW";
				break;
			case CORESET_AND_SCORE:
				weighted = name + "+IW-score";
				break;
			default:
				weighted = name;
		}
		if (oracle) return weighted + " oracle";
		if (scoring == null) return weighted;
		return weighted + " " + scoring.label() + (scoringNeighbors > 0 ? " k≥" +
			scoringNeighbors : "");
	}
}
