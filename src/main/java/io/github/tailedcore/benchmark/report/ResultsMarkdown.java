package io.github.tailedcore.benchmark.report;

import io.github.tailedcore.benchmark.BenchmarkConfig;
import io.github.tailedcore.benchmark.BenchmarkMethod;
import io.github.tailedcore.benchmark.BenchmarkResults;
import io.github.tailedcore.benchmark.MethodRun;
import io.github.tailedcore.benchmark.TailReport;
import io.github.tailedcore.benchmark.metrics.BenchmarkSummary;
import io.github.tailedcore.benchmark.metrics.ClassScores;
import io.github.tailedcore.benchmark.metrics.ClassScores.Group;
import io.github.tailedcore.benchmark.metrics.ClassScores.Metric;
import io.github.tailedcore.benchmark.split.TailShape;
import io.github.tailedcore.preprocess.Framing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code results.md}: the paper's table (Table 1: per method, the mean over
 * tail classes C<sub>t</sub>, head classes C<sub>h</sub> and all classes of
 * each tail shape, × 100, per-seed class means averaged over the seeds)
 * for each measure (and the image AUROC of the defects at the image's
 * border), followed by per-seed and per-class detail, what
 * TailSampler found in each TailedCore fit (κ, K<sub>max</sub>, the images
 * taken as tail), and the time per stage. The best value of each column is
 * bold.
 */
public final class ResultsMarkdown {

	/** The file name. */
	public static final String FILE_NAME = "results.md";

	private static final String NONE = "–";

	private ResultsMarkdown() {}

	/**
	 * The file's text.
	 *
	 * @param commandLine the command that produced the results, quoted at
	 *          the top
	 */
	public static String format(final BenchmarkResults results,
		final String commandLine)
	{
		final BenchmarkConfig config = results.config();
		final StringBuilder out = new StringBuilder();
		out.append("# Long-tail noisy benchmark on ").append(results.dataName())
			.append("\n\n");
		out.append("Command:\n\n```\n").append(commandLine).append("\n```\n\n");
		out.append("Classes (").append(results.classes().size()).append("): ")
			.append(String.join(", ", results.classes())).append(". Backbone: ")
			.append(results.backbone()).append(".\n");
		out.append(String.format(Locale.ROOT,
			"Noise ratio %s (%s), seeds %s, coreset ratio %s, model seed %d; tail " +
				"views: ", config.noiseRatio(), config.noiseProtocol().label(), config
					.seeds(), config.coresetRatio(), config.modelSeed()));
		final List<String> views = new ArrayList<>();
		for (final TailShape shape : config.shapes())
			views.add(shape + " " + config.augmentation(shape).name().toLowerCase(
				Locale.ROOT));
		out.append(String.join(", ", views)).append(String.format(Locale.ROOT,
			". Preprocessing: %s (pixel measures on the %s). Total time %.0f s.%n%n",
			config.preprocessing(), config.preprocessing().framing() == Framing.CROP
				? "crop's map against the masks cropped alike"
				: "image's own pixels against the masks", results.totalSeconds()));
		out.append("Values × 100: per seed the mean over the tail classes (C_t), " +
			"head classes (C_h) and all classes, then the mean over seeds (spec §9).\n\n");
		meanTable(out, results, Metric.IMAGE_AUROC, "Image AUROC");
		meanTable(out, results, Metric.PIXEL_AUROC,
			"Pixel AUROC (classes with masks)");
		meanTable(out, results, Metric.AUPRO, "AUPRO up to 30 % FPR (classes " +
			"with masks)");
		meanTable(out, results, Metric.EDGE_AUROC, "Image AUROC of edge defects " +
			"(defect-free test images against the defective ones whose defect " +
			"reaches into the frame the paper's crop cuts; classes with masks)");
		seedTable(out, results);
		for (final TailShape shape : config.shapes())
			classTable(out, results, shape);
		tailTable(out, results);
		out.append("## Time per stage\n\n| stage | seconds |\n|---|---:|\n");
		for (final Map.Entry<String, Double> e : results.stageSeconds().entrySet())
			out.append("| ").append(e.getKey()).append(" | ").append(String.format(
				Locale.ROOT, "%.1f", e.getValue())).append(" |\n");
		return out.toString();
	}

	/** The paper's table for one measure. */
	static void meanTable(final StringBuilder out,
		final BenchmarkResults results, final Metric metric, final String title)
	{
		final List<TailShape> shapes = results.config().shapes();
		final List<BenchmarkMethod> methods = results.config().methods();
		final double[][] values = new double[methods.size()][3 * shapes.size()];
		for (int m = 0; m < methods.size(); m++)
			for (int s = 0; s < shapes.size(); s++) {
				final BenchmarkSummary summary = results.summary(shapes.get(s), methods
					.get(m));
				for (final Group g : Group.values())
					values[m][3 * s + g.ordinal()] = summary.mean(metric, g);
			}
		out.append("## ").append(title).append("\n\n| Method |");
		for (final TailShape shape : shapes)
			out.append(' ').append(shape).append(" C_t | C_h | all |");
		out.append("\n|---|").append("---:|".repeat(3 * shapes.size())).append(
			'\n');
		rows(out, methods, values);
		out.append('\n');
	}

	/** Image AUROC over all classes, one column per (shape, seed). */
	private static void seedTable(final StringBuilder out,
		final BenchmarkResults results)
	{
		final BenchmarkConfig config = results.config();
		final List<BenchmarkMethod> methods = config.methods();
		final int columns = config.shapes().size() * config.seeds().size();
		final double[][] values = new double[methods.size()][columns];
		out.append("## Image AUROC per seed (all classes)\n\n| Method |");
		for (final TailShape shape : config.shapes())
			for (final long seed : config.seeds())
				out.append(' ').append(shape).append(" s").append(seed).append(" |");
		out.append("\n|---|").append("---:|".repeat(columns)).append('\n');
		for (int m = 0; m < methods.size(); m++)
			for (int s = 0; s < config.shapes().size(); s++)
				for (int k = 0; k < config.seeds().size(); k++)
					values[m][s * config.seeds().size() + k] = results.summary(config
						.shapes().get(s), methods.get(m)).seedMean(config.seeds().get(k),
							Metric.IMAGE_AUROC, Group.ALL);
		rows(out, methods, values);
		out.append('\n');
	}

	/** Image AUROC per class on one shape, mean over seeds. */
	private static void classTable(final StringBuilder out,
		final BenchmarkResults results, final TailShape shape)
	{
		final List<BenchmarkMethod> methods = results.config().methods();
		out.append("## Image AUROC per class, ").append(shape).append(
			" (mean over seeds; tail = seeds in which the class was tail)\n\n" +
				"| Class | tail |");
		methods.forEach(m -> out.append(' ').append(m.displayName()).append(" |"));
		out.append("\n|---|---:|").append("---:|".repeat(methods.size())).append(
			'\n');
		for (final String name : results.classes()) {
			int tail = 0;
			int seeds = 0;
			out.append("| ").append(name).append(" | ");
			final StringBuilder cells = new StringBuilder();
			for (final BenchmarkMethod m : methods) {
				double sum = 0;
				int n = 0;
				for (final MethodRun r : results.runs())
					if (r.shape().equals(shape) && r.method().equals(m)) for (final ClassScores s : r
						.scores())
						if (s.className().equals(name)) {
							sum += s.imageAuroc();
							n++;
							if (m == methods.get(0)) {
								seeds++;
								if (s.tail()) tail++;
							}
						}
				cells.append(' ').append(percent(n == 0 ? Double.NaN : sum / n))
					.append(" |");
			}
			out.append(tail).append('/').append(seeds).append(" |").append(cells)
				.append('\n');
		}
		out.append('\n');
	}

	/** What TailSampler found in each TailedCore fit. */
	private static void tailTable(final StringBuilder out,
		final BenchmarkResults results)
	{
		out.append("## TailSampler in the TailedCore fits\n\nPer class: median " +
			"κ of its training images, and images taken as tail / training images " +
			"(noise among those taken in brackets); * = tail class of the split. " +
			"Tail share: images taken as tail / all training images.\n\n" +
			"| split | method | K_elbow | K_cap | K_max | tail share | η | per class |\n" +
			"|---|---|---:|---:|---:|---:|---|---|\n");
		for (final MethodRun r : results.runs()) {
			final TailReport t = r.tail();
			if (t == null) continue;
			final List<String> classes = new ArrayList<>();
			for (final TailReport.ClassTail c : t.classes())
				classes.add(String.format(Locale.ROOT, "%s%s κ=%s %d/%d%s", c.name(), c
					.tail() ? "*" : "", trim(c.medianKappa()), c.taken(), c.clean() + c
						.noise(), c.noiseTaken() > 0 ? " (" + c.noiseTaken() + ")" : ""));
			out.append(String.format(Locale.ROOT,
				"| %s s%d | %s | %d | %d | %d | %.1f %% | %s | %s |%n", r.shape(), r
					.seed(), r.method().displayName(), t.kElbow(), t.kCap(), t.kMax(),
				100 * t.tailShare(), Arrays.toString(t.classSizes()), String.join(", ",
					classes)));
		}
		out.append('\n');
	}

	/** One row per method, the best value of each column bold. */
	private static void rows(final StringBuilder out,
		final List<BenchmarkMethod> methods, final double[][] values)
	{
		for (int m = 0; m < methods.size(); m++) {
			out.append("| ").append(methods.get(m).displayName()).append(" |");
			for (int c = 0; c < values[m].length; c++) {
				boolean best = !Double.isNaN(values[m][c]) && methods.size() > 1;
				for (final double[] other : values)
					if (other[c] > values[m][c]) best = false;
				final String v = percent(values[m][c]);
				out.append(' ').append(best ? "**" + v + "**" : v).append(" |");
			}
			out.append('\n');
		}
	}

	/** A fraction × 100 with two decimals, or a dash for NaN. */
	static String percent(final double v) {
		return Double.isNaN(v) ? NONE : String.format(Locale.ROOT, "%.2f", 100 *
			v);
	}

	private static String trim(final double v) {
		return v == Math.rint(v) ? Long.toString((long) v) : String.format(
			Locale.ROOT, "%.1f", v);
	}
}
