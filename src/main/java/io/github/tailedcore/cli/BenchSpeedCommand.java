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
import io.github.tailedcore.search.OnnxNearestNeighborSearch;

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
 * active nearest-neighbour path, the FMA peak, and for two memory sizes
 * (784 queries × 1024 dims, random data) the GFLOP/s of the NN search that
 * needs no JVM flag (ONNX Runtime), of the Vector API search and their ratio
 * (the goal: ≥ 0.8), and of the portable Java search; then the fastest
 * exact coreset ({@link CoresetSampler#fastest()}) against
 * {@link GreedyCoresetSampler} on real projected patch
 * features (from the industrial data set's training images through the
 * standard backbone, tiled with jitter where more points are asked for;
 * both samplers make the same first {@code --max-picks} picks, so that the
 * large sizes finish in minutes), a small fit and score, and the peak heap
 * of an MVTec-size fit ({@code --nn-only} stops after the NN searches).
 * Each NN search is warmed up on a small bank first, so that the JIT has
 * compiled it before it is timed.
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
			" [--max-picks 300] [--nn-only]";
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
		final boolean nnOnly = args.flag("nn-only");
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
			searchThroughput(m, peak, quick ? 3 : 20);
		if (nnOnly) return 0;
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

	/**
	 * NN GFLOP/s at {@code m} memory rows of the search that needs no JVM flag
	 * (ONNX Runtime), of the Vector API search (which needs
	 * {@code --add-modules=jdk.incubator.vector}) and their ratio, both timed
	 * in alternation, best of 3, after {@code warmUps} searches each of a
	 * small bank; and
	 * of the portable Java search on at most 20k rows.
	 */
	private void searchThroughput(final int m, final double peak,
		final int warmUps)
	{
		final FeatureMatrix queries = uniform(QUERIES, DIMS, 2);
		final FeatureMatrix warm = uniform(4096, DIMS, 3);
		final FeatureMatrix memory = uniform(m, DIMS, 1);
		final boolean onnxUsable = NearestNeighborSearches.onnxUsable();
		final NearestNeighborSearch vector = NearestNeighborSearches.vectorApi(
			memory);
		if (vector != null) warmUp(NearestNeighborSearches.vectorApi(warm),
			queries, warmUps);
		if (onnxUsable) warmUp(new OnnxNearestNeighborSearch(warm), queries,
			warmUps);
		final NearestNeighborSearch onnx = onnxUsable
			? new OnnxNearestNeighborSearch(memory) : null;
		final double[] best = gflops(queries, 3, onnx, vector);
		out.printf(Locale.ROOT, "NN search M = %d: no flag (ONNX Runtime) %s; " +
			"Vector API %s; no-flag ÷ Vector API = %s (goal ≥ 0.8)%n", m,
			onnx == null ? "cannot run here" : throughput(best[0], peak, m),
			vector == null ? "not loaded (start Java with --add-modules=" +
				VectorApi.MODULE + ")" : throughput(best[1], peak, m), onnx == null ||
					vector == null ? "n/a" : String.format(Locale.ROOT, "%.2f",
						best[0] / best[1]));
		final FeatureMatrix small = m > 20000 ? new FeatureMatrix(20000, DIMS,
			Arrays.copyOf(memory.data(), 20000 * DIMS)) : memory;
		final double portable = gflops(queries, 1, new BlockedNearestNeighborSearch(
			small))[0];
		out.printf(Locale.ROOT, "  portable Java search, M = %d: %.1f GFLOP/s%n",
			small.rows(), portable);
	}

	private static String throughput(final double gflops, final double peak,
		final int m)
	{
		return String.format(Locale.ROOT,
			"%.1f GFLOP/s, %.2f of peak, %.2f s per image", gflops, gflops / peak,
			2.0 * QUERIES * m * DIMS / gflops / 1e9);
	}

	/** Runs enough searches for the JIT to compile the kernel fully. */
	private static void warmUp(final NearestNeighborSearch search,
		final FeatureMatrix queries, final int searches)
	{
		for (int r = 0; r < searches; r++)
			search.search(queries, new float[queries.rows()], new int[queries
				.rows()]);
	}

	/**
	 * Best GFLOP/s of each search (NaN for a {@code null} one) over
	 * {@code rounds} rounds, the searches in alternation within a round, so
	 * that other work on the machine slows them alike; one untimed search
	 * each first.
	 */
	private static double[] gflops(final FeatureMatrix queries,
		final int rounds, final NearestNeighborSearch... searches)
	{
		final float[] d = new float[queries.rows()];
		final int[] i = new int[queries.rows()];
		final double[] best = new double[searches.length];
		Arrays.fill(best, Double.NaN);
		for (final NearestNeighborSearch s : searches)
			if (s != null) s.search(queries, d, i);
		for (int r = 0; r < rounds; r++)
			for (int k = 0; k < searches.length; k++) {
				final NearestNeighborSearch s = searches[k];
				if (s == null) continue;
				final double seconds = seconds(() -> {
					s.search(queries, d, i);
					return null;
				});
				final double g = 2.0 * queries.rows() * s.size() * s.dims() /
					seconds / 1e9;
				if (!(g <= best[k])) best[k] = g;
			}
		return best;
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
