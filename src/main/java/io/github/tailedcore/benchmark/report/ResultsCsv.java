package io.github.tailedcore.benchmark.report;

import io.github.tailedcore.benchmark.BenchmarkResults;
import io.github.tailedcore.benchmark.MethodRun;
import io.github.tailedcore.benchmark.TailReport;
import io.github.tailedcore.benchmark.metrics.ClassScores;
import io.github.tailedcore.benchmark.split.ClassSplit;
import io.github.tailedcore.benchmark.split.Split;

import java.util.List;
import java.util.Locale;

/**
 * {@code results.csv}: one row per (tail shape, seed, method, class) with
 * the class's measures as fractions, its training images, what TailSampler
 * made of it (TailedCore rows only) and the run's times. Values that do not
 * apply are empty.
 */
public final class ResultsCsv {

	/** The file name. */
	public static final String FILE_NAME = "results.csv";

	/** The columns, in order. */
	public static final List<String> COLUMNS = List.of("tail_shape", "seed",
		"method", "class", "tail_class", "train_clean", "train_noise",
		"image_auroc", "pixel_auroc", "aupro", "edge_auroc", "edge_defects", "memory", "kappa_median",
		"taken_as_tail", "k_max", "fit_s", "score_s");

	private ResultsCsv() {}

	/** The file's text. */
	public static String format(final BenchmarkResults results) {
		final StringBuilder out = new StringBuilder(String.join(",", COLUMNS))
			.append('\n');
		for (final MethodRun run : results.runs()) {
			final Split split = results.split(run.shape(), run.seed());
			for (int c = 0; c < run.scores().size(); c++) {
				final ClassScores s = run.scores().get(c);
				final ClassSplit data = split.get(s.className());
				final TailReport.ClassTail tail = run.tail() == null ? null : run.tail()
					.classes().get(c);
				out.append(String.join(",", run.shape().toString(), Long.toString(run
					.seed()), run.method().displayName(), s.className(), Boolean.toString(
						s.tail()), Integer.toString(data.clean().size()), Integer.toString(
							data.noise().size()), number(s.imageAuroc()), number(s
								.pixelAuroc()), number(s.aupro()), number(s.edgeAuroc()), Integer
									.toString(s.edgeDefects()), Integer.toString(run.memory()),
					tail == null ? "" : number(tail.medianKappa()), tail == null ? ""
						: Integer.toString(tail.taken()), tail == null ? "" : Integer
							.toString(run.tail().kMax()), number(run.fitSeconds()), number(run
								.scoreSeconds()))).append('\n');
			}
		}
		return out.toString();
	}

	private static String number(final double v) {
		return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
	}
}
