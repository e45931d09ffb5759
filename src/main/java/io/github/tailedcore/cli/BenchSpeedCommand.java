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
import io.github.tailedcore.linalg.VectorApi;
import io.github.tailedcore.noise.LofNoiseFilter;
import io.github.tailedcore.noise.NoiseFilterResult;
import io.github.tailedcore.sampling.CoresetFraction;
import io.github.tailedcore.sampling.CoresetSampler;
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
 * (784 queries × 1024 dims, random data) for two memory sizes, the fastest
 * exact coreset ({@link CoresetSampler#fastest()}) against
 * {@link GreedyCoresetSampler} on real projected patch
 * features (from the industrial data set's training images through the
 * standard backbone, tiled with jitter where more points are asked for;
 * both samplers make the same first {@code --max-picks} picks, so that the
 * large sizes finish in minutes), a small fit and score, and the peak heap
 * of an MVTec-size fit. The NN kernel is warmed up on a small bank first,
 * so that the JIT has compiled it before it is timed.
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
			" [--max-picks 300]";
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
		final int maxPicks = args.integer("max-picks", quick ? 100 : 300);
		args.rejectUnknown();
		final int threads = ForkJoinPool.getCommonPoolParallelism() + 1;
		out.println("Nearest-neighbour path: " + NearestNeighborSearches
			.describe());
		final double peak = ModuleLayer.boot().findModule("jdk.incubator.vector")
			.isPresent() ? FmaPeak.gflops(threads, quick ? 50_000_000
				: 200_000_000) : Double.NaN;
		out.printf(Locale.ROOT, "FMA peak: %.1f GFLOP/s on %d threads (%s)%n",
			peak, threads, Double.isNaN(peak) ? "no Vector API" : FmaPeak.species());
		for (final int m : nnSizes)
			searchThroughput(m, peak);
		final PatchFeatures features = extract(data, images);
		final FeatureMatrix projected = new RandomProjection(DIMS, PROJECTION,
			SEED).apply(features);
		warmUpCoresets(projected);
		for (final int n : coresetSizes)
			coreset(projected, n, maxPicks);
		fitAndScore(features, projected);
		out.println("Peak heap, MVTec-size fit: " + MemoryEstimate.forFit(1600,
			QUERIES, DIMS, PROJECTION, RATIO, threads));
		return 0;
	}

	/** NN GFLOP/s of the fastest search (and the portable one at ≤ 20k). */
	private void searchThroughput(final int m, final double peak) {
		final FeatureMatrix queries = uniform(QUERIES, DIMS, 2);
		warmUp(NearestNeighborSearches.fastest(uniform(4096, DIMS, 3)), queries);
		final FeatureMatrix memory = uniform(m, DIMS, 1);
		final double fast = gflops(NearestNeighborSearches.fastest(memory),
			queries, 3);
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

	/** Runs enough searches for the JIT to compile the kernel fully. */
	private static void warmUp(final NearestNeighborSearch search,
		final FeatureMatrix queries)
	{
		for (int r = 0; r < 20; r++)
			search.search(queries, new float[queries.rows()], new int[queries
				.rows()]);
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

	/** Runs each sampler on a small set, so that the JIT has compiled them. */
	private static void warmUpCoresets(final FeatureMatrix real) {
		final FeatureMatrix points = CoresetPoints.of(real, Math.min(real.rows(),
			20000), SEED);
		for (final CoresetSampler sampler : new CoresetSampler[] {
			new GreedyCoresetSampler(), CoresetSampler.fastest() })
			sampler.select(points, 200, 0, Progress.none());
	}

	/**
	 * The accelerated coreset against the reference at one size, both for
	 * the same first {@code maxPicks} picks (all picks if fewer).
	 */
	private void coreset(final FeatureMatrix real, final int n,
		final int maxPicks)
	{
		final FeatureMatrix points = CoresetPoints.of(real, n, SEED);
		final int count = CoresetFraction.size(n, RATIO);
		final int k = Math.min(count, maxPicks);
		final int start = CoresetFraction.randomStart(n, SEED);
		final int[][] picks = new int[2][];
		final double reference = seconds(() -> picks[0] = new GreedyCoresetSampler()
			.select(points, k, start, Progress.none()));
		final double fastest = seconds(() -> picks[1] = CoresetSampler.fastest()
			.select(points, k, start, Progress.none()));
		out.printf(Locale.ROOT,
			"Coreset N = %d%s, %s: reference %.1f s; fastest (%s) %.1f s, " +
				"speedup %.2f×; identical picks: %s%n", n, CoresetPoints.tiled(real, n)
					? " (real features tiled with 1 % jitter)" : " (real features)",
			k == count ? "all " + count + " picks" : "first " + k + " of " + count +
				" picks", reference, VectorApi.usable()
					? "float tile bounds, late passes" : "the reference", fastest,
			reference / fastest, Arrays.equals(picks[0], picks[1]) ? "yes" : "NO");
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
				CoresetSampler.fastest(), projected.selectRows(keptRows),
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
