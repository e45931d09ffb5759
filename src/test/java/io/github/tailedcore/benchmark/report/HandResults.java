package io.github.tailedcore.benchmark.report;

import io.github.tailedcore.Method;
import io.github.tailedcore.benchmark.BenchmarkConfig;
import io.github.tailedcore.benchmark.BenchmarkMethod;
import io.github.tailedcore.benchmark.BenchmarkResults;
import io.github.tailedcore.benchmark.MethodRun;
import io.github.tailedcore.benchmark.TailReport;
import io.github.tailedcore.benchmark.metrics.ClassScores;
import io.github.tailedcore.benchmark.split.ClassSplit;
import io.github.tailedcore.benchmark.split.Split;
import io.github.tailedcore.benchmark.split.NoiseProtocol;
import io.github.tailedcore.benchmark.split.TailShape;
import io.github.tailedcore.benchmark.split.TrainImage;
import io.github.tailedcore.feature.BackboneId;
import io.github.tailedcore.preprocess.Preprocessing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A benchmark result written by hand: classes a (tail in seed 101), b and
 * c (tail in seed 102), two seeds of step-k1, TailedCore and PatchCore,
 * with image AUROCs chosen so that every mean can be done in one's head.
 */
final class HandResults {

	static final double NA = Double.NaN;

	private HandResults() {}

	/**
	 * <pre>
	 * image AUROC   seed 101 (a tail)   seed 102 (b, c tail)
	 * TailedCore    a .8  b .9  c 1.0   a .6  b .7  c .5
	 * PatchCore     a .4  b .9  c 1.0   a .6  b .5  c .3
	 * </pre>
	 * TailedCore: C_t (.8 + .6) / 2 = .7, C_h (.95 + .6) / 2 = .775,
	 * all (.9 + .6) / 2 = .75; PatchCore: C_t (.4 + .4) / 2 = .4,
	 * C_h (.95 + .6) / 2 = .775, all (.7667 + .4667) / 2 = .6167.
	 */
	static BenchmarkResults twoSeeds() {
		final TailShape shape = TailShape.step(1);
		final BenchmarkConfig config = new BenchmarkConfig(List.of(shape), 0.1,
			NoiseProtocol.OVERLAP,
			List.of(101L, 102L), List.of(BenchmarkMethod.plain(Method.TAILEDCORE),
				BenchmarkMethod.plain(Method.PATCHCORE)), 0.1, null, 0,
			Preprocessing.paper());
		final List<MethodRun> runs = new ArrayList<>();
		runs.add(run(101, Method.TAILEDCORE, true, false, false, .8, .9, 1.0));
		runs.add(run(101, Method.PATCHCORE, true, false, false, .4, .9, 1.0));
		runs.add(run(102, Method.TAILEDCORE, false, true, true, .6, .7, .5));
		runs.add(run(102, Method.PATCHCORE, false, true, true, .6, .5, .3));
		final Map<String, Double> stages = new LinkedHashMap<>();
		stages.put("Features", 2.0);
		stages.put("TailedCore: Coreset", 3.5);
		return new BenchmarkResults(config, "hand", List.of("a", "b", "c"),
			new BackboneId("tiny", "00"), List.of(split(shape, 101, true, false,
				false), split(shape, 102, false, true, true)), runs, stages, 12);
	}

	private static MethodRun run(final long seed, final Method method,
		final boolean aTail, final boolean bTail, final boolean cTail,
		final double a, final double b, final double c)
	{
		final List<ClassScores> scores = List.of(new ClassScores("a", aTail, a, NA,
			NA), new ClassScores("b", bTail, b, 0.9, 0.8,
				0.75, 2), new ClassScores("c",
				cTail, c, 0.7, 0.6));
		final TailReport tail = method != Method.TAILEDCORE ? null
			: new TailReport(3, 1, 1, new int[] { 3, 1 }, List.of(
				new TailReport.ClassTail("a", aTail, aTail ? 1 : 3, 0, aTail ? 1 : 3,
					aTail ? 1 : 0, 0), new TailReport.ClassTail("b", bTail, bTail ? 1 : 3,
						bTail ? 0 : 1, 2.5, 1, bTail ? 0 : 1), new TailReport.ClassTail("c",
							cTail, cTail ? 1 : 3, 0, 3, 0, 0)));
		return new MethodRun(TailShape.step(1), seed, BenchmarkMethod.plain(
			method), scores, 100, tail, 1.5, 0.5, null);
	}

	private static Split split(final TailShape shape, final long seed,
		final boolean... tail)
	{
		final List<ClassSplit> classes = new ArrayList<>();
		final String[] names = { "a", "b", "c" };
		for (int i = 0; i < names.length; i++) {
			final List<TrainImage> train = new ArrayList<>();
			for (int k = 0; k < (tail[i] ? 1 : 3); k++)
				train.add(TrainImage.clean(names[i] + "/train/good/" + k + ".png"));
			if (names[i].equals("b") && !tail[i]) train.add(TrainImage.noise(
				"b/test/cut/0.png"));
			classes.add(new ClassSplit(names[i], tail[i], train, List.of(names[i] +
				"/test/good/0.png", names[i] + "/test/cut/0.png")));
		}
		return new Split(shape, 0.1, seed, classes);
	}
}
