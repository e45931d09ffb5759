package io.github.tailedcore.benchmark.report;

import io.github.tailedcore.benchmark.BenchmarkResults;
import io.github.tailedcore.benchmark.MethodRun;
import io.github.tailedcore.benchmark.metrics.ClassScores.Metric;
import io.github.tailedcore.benchmark.split.Split;
import io.github.tailedcore.benchmark.split.SplitFile;
import io.github.tailedcore.io.AtomicWrite;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes every output of a benchmark run into one folder:
 * {@value ResultsCsv#FILE_NAME}, {@value ResultsMarkdown#FILE_NAME},
 * {@value #CHART} (the image AUROC table as a bar chart) and each split's
 * {@code splits/<shape>-s<seed>/split.csv}, so a run can be repeated on
 * exactly the same images; for importance-weighted methods also
 * {@code importance/<shape>-s<seed>-<method>.png}, the histogram of the
 * training scores before and after weighting ({@link ImportanceHistogram}).
 */
public final class BenchmarkReport {

	/** The chart's file name. */
	public static final String CHART = "image-auroc.png";

	private BenchmarkReport() {}

	/**
	 * @param commandLine the command that produced the results
	 * @return the files written
	 */
	public static List<Path> write(final BenchmarkResults results,
		final String commandLine, final Path folder) throws IOException
	{
		final Path csv = folder.resolve(ResultsCsv.FILE_NAME);
		final Path md = folder.resolve(ResultsMarkdown.FILE_NAME);
		final Path chart = folder.resolve(CHART);
		text(csv, ResultsCsv.format(results));
		text(md, ResultsMarkdown.format(results, commandLine));
		ResultsChart.write(results, Metric.IMAGE_AUROC, "Image AUROC", chart);
		for (final Split s : results.splits())
			SplitFile.write(s, folder.resolve("splits").resolve(s.shape() + "-s" + s
				.seed()));
		for (final MethodRun r : results.runs())
			if (r.importance() != null) ImportanceHistogram.write(r.importance(),
				r.shape() + " seed " + r.seed() + ", " + r.method().displayName(),
				folder.resolve("importance").resolve(r.shape() + "-s" + r.seed() +
					"-" + r.method().displayName() + ".png"));
		return List.of(csv, md, chart);
	}

	/** Writes (or replaces) a UTF-8 text file. */
	private static void text(final Path file, final String text)
		throws IOException
	{
		AtomicWrite.write(file, true, out -> out.write(text.getBytes(
			StandardCharsets.UTF_8)));
	}
}
