package io.github.tailedcore.cli;

import io.github.tailedcore.Method;
import io.github.tailedcore.TailedCore;
import io.github.tailedcore.TailedCoreModel;
import io.github.tailedcore.TailedCoreSettings;
import io.github.tailedcore.benchmark.StageClock;
import io.github.tailedcore.benchmark.data.DatasetSubset;
import io.github.tailedcore.benchmark.data.MvtecClass;
import io.github.tailedcore.benchmark.data.MvtecDataset;
import io.github.tailedcore.benchmark.speed.HeapPeak;
import io.github.tailedcore.benchmark.split.Split;
import io.github.tailedcore.benchmark.split.SplitGenerator;
import io.github.tailedcore.benchmark.split.TailShape;
import io.github.tailedcore.feature.BackboneLocator;
import io.github.tailedcore.feature.FeatureExtractor;
import io.github.tailedcore.feature.ImageSource;
import io.github.tailedcore.search.NearestNeighborSearches;
import io.github.tailedcore.tail.TailAugmentation;
import io.github.tailedcore.tail.TailEstimation;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Collectors;

/**
 * {@code bench-fit}: whole fits as a user runs them (streaming from the
 * image files, with the default threshold), timed per stage, with their
 * peak heap, and every method's fit time against the first method's in the
 * same run. Its two standard runs: all training images of the industrial
 * set with TailedCore under {@code -Xmx2g}, and the step-K4 split (seed
 * 101) with TailedCore and PatchCore.
 */
public final class BenchFitCommand implements Subcommand {

	private static final double GB = 1e9;

	private final PrintStream out;

	/** A command that prints to standard output. */
	public BenchFitCommand() {
		this(System.out);
	}

	/** A command that prints to {@code out} (for tests). */
	public BenchFitCommand(final PrintStream out) {
		this.out = out;
	}

	@Override
	public String name() {
		return "bench-fit";
	}

	@Override
	public String summary() {
		return "Time whole fits per stage, their peak heap, TailedCore ÷ PatchCore.";
	}

	@Override
	public String usage() {
		return String.join("\n", //
			"--data DIR              MVTec-layout data set (default ../shared/datasets/industrial)",
			"--split SHAPE           all (every train/good image; default), step-k4, step-k1,",
			"                        pareto: a long-tailed noisy split as the benchmark draws it",
			"--seed N                data seed of the split (default 101)",
			"--noise R               noise ratio of the split (default 0.1)",
			"--per-class N           at most N random train/good images per class (default all)",
			"--methods LIST          methods to fit, in order (default tailedcore,patchcore);",
			"                        each fit's time is compared with the first's",
			"--coreset-ratio R       coreset fraction (default 0.1)",
			"--tail-estimate E       robust (default), separation or paper (the",
			"                        authors' estimate)",
			"--tail-augmentation A   rot15flip (default), rot30flip, rot45flip, rotflip, none",
			"--backbone NAME|FILE    backbone (default " +
				BackboneLocator.DEFAULT_BACKBONE + ")",
			"--threads N             run each fit's Java stages on N threads (default: the",
			"                        common fork-join pool); the backbone runs on as many",
			"                        threads as Java sees CPUs (java -XX:ActiveProcessorCount=N)",
			"Run under the heap to be shown, e.g. java -Xmx2g. Each stage prints its wall and",
			"process CPU time; the fit prints the load average before and after it.");
	}

	@Override
	public int run(final Arguments args) throws Exception {
		final MvtecDataset full = MvtecDataset.read(args.path("data", Path.of("..",
			"shared", "datasets", "industrial")));
		final int perClass = args.integer("per-class", 0);
		final MvtecDataset data = perClass > 0 ? DatasetSubset.of(full, List.of(),
			perClass, 0, 0) : full;
		final String split = args.get("split", "all");
		final long seed = args.integer("seed", 101);
		final double noise = args.real("noise", 0.1);
		final List<Method> methods = Arrays.stream(args.get("methods",
			"tailedcore,patchcore").split(",")).map(String::trim).map(Method::parse)
			.collect(Collectors.toList());
		final TailedCoreSettings.Builder settings = TailedCoreSettings.builder() //
			.coresetRatio(args.real("coreset-ratio",
				TailedCoreSettings.DEFAULT_CORESET_RATIO)) //
			.tailEstimation(TailEstimation.parse(args.get("tail-estimate",
				TailedCoreSettings.DEFAULT_TAIL_ESTIMATION.label()))) //
			.tailAugmentation(TailAugmentation.parse(args.get("tail-augmentation",
				TailedCoreSettings.DEFAULT_TAIL_AUGMENTATION.name())));
		final String backbone = args.get("backbone",
			BackboneLocator.DEFAULT_BACKBONE);
		final int threads = args.integer("threads", 0);
		args.rejectUnknown();
		final List<ImageSource> images = trainingImages(data, split, seed, noise);
		out.printf(Locale.ROOT, "%d CPUs, %s, max heap %.2f GB; %s%n", Runtime
			.getRuntime().availableProcessors(), threads > 0 ? threads +
				" threads for the Java stages" : "fork-join parallelism " + ForkJoinPool
					.getCommonPoolParallelism(), Runtime.getRuntime().maxMemory() / GB,
			NearestNeighborSearches.describe());
		out.printf(Locale.ROOT, "Training set: %s, %s%s, %d images%n", data
			.root(), split.equals("all") ? "every train/good image" : split +
				" seed " + seed + " noise " + noise, perClass > 0 ? ", at most " +
					perClass + " per class" : "", images.size());
		final List<double[]> fits = new ArrayList<>();
		try (FeatureExtractor extractor = FeatureExtractor.open(BackboneLocator
			.standard().resolve(backbone)))
		{
			for (final Method method : methods) {
				final TailedCore detector = new TailedCore(settings.method(method)
					.build());
				final double[] fit = threads > 0 ? onThreads(threads, () -> fit(
					detector, images, extractor)) : fit(detector, images, extractor);
				fits.add(fit);
				if (fits.size() > 1) out.printf(Locale.ROOT,
					"%s fit ÷ %s fit (same run): %.2f in wall time, %.2f in CPU " +
						"time%n", methods.get(0).displayName(), method.displayName(), fits
							.get(0)[0] / fit[0], fits.get(0)[1] / fit[1]);
			}
		}
		return 0;
	}

	/**
	 * Runs {@code work} in a fork-join pool of {@code threads} threads: the
	 * parallel streams of every stage then use that pool, not the common one.
	 */
	private static double[] onThreads(final int threads,
		final Callable<double[]> work) throws Exception
	{
		final ForkJoinPool pool = new ForkJoinPool(threads);
		try {
			return pool.submit(work).get();
		}
		catch (final ExecutionException e) {
			if (e.getCause() instanceof Exception) throw (Exception) e.getCause();
			throw e;
		}
		finally {
			pool.shutdown();
		}
	}

	/**
	 * Fits once; prints the stages (wall and process CPU time), the load
	 * average, the peak heap and the model's size, and returns the fit's wall
	 * and CPU seconds.
	 */
	private double[] fit(final TailedCore detector, final List<ImageSource> images,
		final FeatureExtractor extractor) throws Exception
	{
		final StageClock clock = new StageClock(new ConsoleProgress(out));
		final TailedCoreModel model;
		final double loadBefore = loadAverage();
		final long start = System.nanoTime();
		final long cpuStart = StageClock.processCpuNanos();
		final double seconds, cpuSeconds;
		try (HeapPeak heap = new HeapPeak()) {
			model = detector.fit(images, extractor, clock);
			seconds = (System.nanoTime() - start) / 1e9;
			cpuSeconds = (StageClock.processCpuNanos() - cpuStart) / 1e9;
			clock.stop();
			out.printf(Locale.ROOT, "%s: fit %.1f s wall, %.1f s process CPU " +
				"(%.2f cores busy), load average %.1f before, %.1f after; peak heap " +
				"%.2f GB in use (sampled), %.2f GB after a collection, %.2f GB sum " +
				"of pool peaks (max %.2f GB); memory %d vectors (tail %d)%n", detector
					.settings().method().displayName(), seconds, cpuSeconds, cpuSeconds /
						seconds, loadBefore, loadAverage(), heap.used() / GB, heap
							.afterCollection() / GB, heap.poolPeaks() / GB, Runtime
								.getRuntime().maxMemory() / GB, model.memory().size(), model
									.memory().tailSize());
		}
		out.printf(Locale.ROOT, "  %-50s %8s %8s %6s%n", "stage", "wall s",
			"CPU s", "cores");
		final Map<String, Double> cpu = clock.cpuSeconds();
		for (final Map.Entry<String, Double> stage : clock.seconds().entrySet())
			out.printf(Locale.ROOT, "  %-50s %8.1f %8.1f %6.2f%n", stage.getKey(),
				stage.getValue(), cpu.get(stage.getKey()), cpu.get(stage.getKey()) /
					stage.getValue());
		out.println("  " + model.summary());
		return new double[] { seconds, cpuSeconds };
	}

	/** The system load average of the last minute, or −1 where unknown. */
	private static double loadAverage() {
		return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
	}

	/** Every train/good image, or a split's training set, as image files. */
	private static List<ImageSource> trainingImages(final MvtecDataset data,
		final String split, final long seed, final double noise)
	{
		if (split.equals("all")) return data.classes().stream().map(
			MvtecClass::trainGood).flatMap(List::stream).map(ImageSource::of)
			.collect(Collectors.toList());
		final Split s = SplitGenerator.generate(data, TailShape.parse(split),
			noise, seed);
		return s.trainingSet().stream().map(t -> ImageSource.of(data.resolve(t
			.source()))).collect(Collectors.toList());
	}
}
