package io.github.tailedcore.cli;

import io.github.tailedcore.MemoryEstimate;
import io.github.tailedcore.Progress;
import io.github.tailedcore.benchmark.data.MvtecClass;
import io.github.tailedcore.benchmark.data.MvtecDataset;
import io.github.tailedcore.benchmark.speed.CoresetPoints;
import io.github.tailedcore.benchmark.speed.FmaPeak;
import io.github.tailedcore.feature.BackboneLocator;
import io.github.tailedcore.feature.FeatureExtractor;
import io.github.tailedcore.feature.ImageSource;
import io.github.tailedcore.feature.PatchFeatures;
import io.github.tailedcore.linalg.FeatureMatrix;
import io.github.tailedcore.noise.LofNoiseFilter;
import io.github.tailedcore.noise.NoiseFilterResult;
import io.github.tailedcore.sampling.BoundedGreedyCoresetSampler;
import io.github.tailedcore.sampling.CoresetFraction;
import io.github.tailedcore.sampling.GreedyCoresetSampler;
import io.github.tailedcore.sampling.RandomProjection;
import io.github.tailedcore.search.BlockedNearestNeighborSearch;
import io.github.tailedcore.search.BruteForceSearch;
import io.github.tailedcore.search.NearestNeighborSearch;
import io.github.tailedcore.search.NearestNeighborSearches;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@code bench-speed}: the fast paths against the machine and against the
 * brute-force references, all ratios measured in the same run. Prints the
 * active nearest-neighbour path, the FMA peak and the NN kernel's GFLOP/s
 * (784 queries × 1024 dims, random data) for two memory sizes, the exact
 * coreset against {@link GreedyCoresetSampler} on real projected patch
 * features (from the industrial data set's training images through the
 * standard backbone, tiled with jitter where more points are asked for;
 * the reference is timed on its first picks and extrapolated, since its
 * cost per pick is constant), a small fit and score, and the peak heap of
 * an MVTec-size fit.
 */
public final class BenchSpeedCommand implements Subcommand {

	private static final int QUERIES = 784;
	private static final int DIMS = 1024;
	private static final int PROJECTION = 128;
	private static final double RATIO = 0.1;
	private static final long SEED = 0;

	private final PrintStream out;

	/** A command that prints to standard output. */
	public BenchSpeedCommand() {
		this(System.out);
	}

	/** A command that prints to {@code out} (for tests). */
	public BenchSpeedCommand(final PrintStream out) {
		this.out = out;
	}

	@Override
	public String name() {
		return "bench-speed";
	}

	@Override
	public String summary() {
		return "Time NN search and coreset against the machine peak and the references.";
	}

	@Override
	public String usage() {
		return "[--quick] [--data ../shared/datasets/industrial] [--images 128]" +
			" [--nn-sizes 100000,250000] [--coreset-sizes 100000,300000,1000000]" +
			" [--reference-picks 1000] [--full-reference-up-to 100000]";
	}

	@Override
	public int run(final Arguments args) throws Exception {
		final boolean quick = args.flag("quick");
		final Path data = args.path("data", Path.of("..", "shared", "datasets",
			"industrial"));
		final int images = args.integer("images", quick ? 16 : 128);
		final int[] nnSizes = sizes(args.get("nn-sizes", quick ? "20000,50000"
			: "100000,250000"));
		final int[] coresetSizes = sizes(args.get("coreset-sizes", quick
			? "12544,30000,100000" : "100000,300000,1000000"));
		final int referencePicks = args.integer("reference-picks", quick ? 200
			: 1000);
		final int fullReference = args.integer("full-reference-up-to", quick
			? 12544 : 100000);
		args.rejectUnknown();
		final int threads = ForkJoinPool.getCommonPoolParallelism() + 1;
		out.println("Nearest-neighbour path: " + NearestNeighborSearches
			.describe());
		final double peak = ModuleLayer.boot().findModule("jdk.incubator.vector")
			.isPresent() ? FmaPeak.gflops(threads, quick ? 50_000_000L
				: 200_000_000L) : Double.NaN;
		out.printf(Locale.ROOT, "FMA peak: %.1f GFLOP/s on %d threads%n", peak,
			threads);
		for (final int m : nnSizes)
			searchThroughput(m, peak);
		final PatchFeatures features = extract(data, images);
		final FeatureMatrix projected = new RandomProjection(DIMS, PROJECTION,
			SEED).apply(features);
		for (final int n : coresetSizes)
			coreset(projected, n, referencePicks, n <= fullReference);
		fitAndScore(features, projected);
		out.println("Peak heap, MVTec-size fit: " + MemoryEstimate.forFit(1600,
			QUERIES, DIMS, PROJECTION, RATIO, threads));
		return 0;
	}

	/** NN GFLOP/s of the fastest search (and the portable one at ≤ 20k). */
	private void searchThroughput(final int m, final double peak) {
		final FeatureMatrix memory = uniform(m, DIMS, 1);
		final FeatureMatrix queries = uniform(QUERIES, DIMS, 2);
		final double fast = gflops(NearestNeighborSearches.fastest(memory),
			queries, 2);
		out.printf(Locale.ROOT,
			"NN search M = %d: %.1f GFLOP/s, %.2f of peak, %.2f s per image%n", m,
			fast, fast / peak, 2.0 * QUERIES * m * DIMS / fast / 1e9);
		final FeatureMatrix small = m > 20000 ? new FeatureMatrix(20000, DIMS,
			Arrays.copyOf(memory.data(), 20000 * DIMS)) : memory;
		final double portable = gflops(new BlockedNearestNeighborSearch(small),
			queries, 1);
		out.printf(Locale.ROOT,
			"  portable path, M = %d: %.1f GFLOP/s (Vector API %.1f× faster)%n",
			small.rows(), portable, fast / portable);
	}

	/** Best GFLOP/s of {@code runs} searches after one warm-up search. */
	private static double gflops(final NearestNeighborSearch search,
		final FeatureMatrix queries, final int runs)
	{
		final float[] d = new float[queries.rows()];
		final int[] i = new int[queries.rows()];
		search.search(queries, d, i);
		double best = Double.MAX_VALUE;
		for (int r = 0; r < runs; r++)
			best = Math.min(best, seconds(() -> {
				search.search(queries, d, i);
				return null;
			}));
		return 2.0 * queries.rows() * search.size() * search.dims() / best / 1e9;
	}

	private PatchFeatures extract(final Path data, final int images)
		throws Exception
	{
		final List<ImageSource> sources = MvtecDataset.read(data).classes().stream()
			.map(MvtecClass::trainGood).flatMap(List::stream).limit(images).map(
				ImageSource::of).collect(Collectors.toList());
		try (FeatureExtractor fx = FeatureExtractor.open(BackboneLocator.standard()
			.resolve(BackboneLocator.DEFAULT_BACKBONE)))
		{
			final long start = System.nanoTime();
			final PatchFeatures f = fx.extractAll(sources, Progress.none());
			out.printf(Locale.ROOT,
				"Features: %d training images of %s, %d patches, %.0f ms per image%n",
				f.imageCount(), data, f.patchCount(), (System.nanoTime() - start) /
					1e6 / f.imageCount());
			return f;
		}
	}

	/** The accelerated coreset against the reference at one size. */
	private void coreset(final FeatureMatrix real, final int n,
		final int referencePicks, final boolean fullReference)
	{
		final FeatureMatrix points = CoresetPoints.of(real, n, SEED);
		final int count = CoresetFraction.size(n, RATIO);
		final int start = CoresetFraction.randomStart(n, SEED);
		final int[][] fast = new int[1][];
		final double tFast = seconds(() -> fast[0] = new BoundedGreedyCoresetSampler()
			.select(points, count, start, Progress.none()));
		final int k = fullReference ? count : Math.min(count, referencePicks);
		final int[][] ref = new int[1][];
		final double tRef = seconds(() -> ref[0] = new GreedyCoresetSampler()
			.select(points, k, start, Progress.none()));
		final double tRefAll = k == count ? tRef : tRef * (count - 1) / Math.max(1,
			k - 1);
		final boolean same = Arrays.equals(ref[0], Arrays.copyOf(fast[0], k));
		out.printf(Locale.ROOT,
			"Coreset N = %d%s, %d picks: accelerated %.1f s, reference %.1f s%s; " +
				"speedup %.1f×; first %d picks identical: %s%n", n, CoresetPoints
					.tiled(real, n) ? " (real features tiled with 1 % jitter)" : "",
			count, tFast, tRefAll, k == count ? "" : " (extrapolated from " + k +
				" picks in " + String.format(Locale.ROOT, "%.1f", tRef) + " s)",
			tRefAll / tFast, k, same ? "yes" : "NO");
	}

	/** LOF, coreset and scoring on the extracted images. */
	private void fitAndScore(final PatchFeatures features,
		final FeatureMatrix projected)
	{
		final NoiseFilterResult[] noise = new NoiseFilterResult[1];
		final double tLof = seconds(() -> noise[0] = new LofNoiseFilter(PROJECTION,
			6, 0.15, SEED).filter(features, Progress.none()));
		final long[] kept = noise[0].keptIndices();
		final int[] keptRows = Arrays.stream(kept).mapToInt(g -> (int) g)
			.toArray();
		final FeatureMatrix[] bank = new FeatureMatrix[1];
		final double tCoreset = seconds(() -> {
			final int[] picks = CoresetFraction.select(
				new BoundedGreedyCoresetSampler(), projected.selectRows(keptRows),
				RATIO, SEED, Progress.none());
			bank[0] = features.gather(Arrays.stream(picks).mapToLong(p -> kept[p])
				.toArray());
			return null;
		});
		out.printf(Locale.ROOT,
			"Fit on %d images: LOF noise filter %.1f s, coreset %.1f s → %d memory vectors%n",
			features.imageCount(), tLof, tCoreset, bank[0].rows());
		final FeatureMatrix image = features.patchMatrix(0);
		final double fast = perImage(NearestNeighborSearches.fastest(bank[0]),
			image);
		final double brute = perImage(new BruteForceSearch(bank[0]), image);
		out.printf(Locale.ROOT,
			"Score one image against M = %d: %.0f ms (fastest), %.0f ms (brute " +
				"force), %.1f× faster%n", bank[0].rows(), fast * 1e3, brute * 1e3,
			brute / fast);
	}

	private static double perImage(final NearestNeighborSearch search,
		final FeatureMatrix image)
	{
		final float[] d = new float[image.rows()];
		final int[] i = new int[image.rows()];
		search.search(image, d, i);
		return seconds(() -> {
			search.search(image, d, i);
			return null;
		});
	}

	private static double seconds(final Supplier<?> task) {
		final long start = System.nanoTime();
		task.get();
		return (System.nanoTime() - start) / 1e9;
	}

	private static FeatureMatrix uniform(final int rows, final int cols,
		final long seed)
	{
		final SplittableRandom random = new SplittableRandom(seed);
		final float[] data = new float[Math.multiplyExact(rows, cols)];
		for (int i = 0; i < data.length; i++)
			data[i] = (float) (random.nextDouble() - 0.5);
		return new FeatureMatrix(rows, cols, data);
	}

	private static int[] sizes(final String list) {
		return Arrays.stream(list.split(",")).mapToInt(s -> Integer.parseInt(s
			.trim())).toArray();
	}
}
