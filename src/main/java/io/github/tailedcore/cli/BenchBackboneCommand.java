package io.github.tailedcore.cli;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import io.github.tailedcore.feature.BackboneLocator;
import io.github.tailedcore.feature.FeatureExtractor;
import io.github.tailedcore.image.RasterImage;

import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * {@code bench-backbone}: milliseconds per image of feature extraction for
 * each backbone at batch 1 and 8, next to the same network run directly
 * through ONNX Runtime's Java API on the same input tensor.
 * <p>
 * Three timings per row, each the median of two blocks of
 * {@code --iterations} runs, each block after {@code --warmup} runs:
 * {@code extract} (resize, crop, normalise, network through DJL, patch
 * aggregation), {@code djl} (the network alone through DJL, outputs copied
 * to Java arrays) and {@code ort} (the network alone through
 * {@link OrtSession} with the input already in native memory, outputs
 * copied likewise). {@code djl/ort} is the engine overhead (goal ≤ 1.2);
 * {@code extract/ort} the whole cost of a patch feature relative to the
 * bare network.
 * </p>
 */
public final class BenchBackboneCommand implements Subcommand {

	private static final int[] BATCHES = { 1, 8 };

	private final PrintStream out;

	/** A command that prints to standard output. */
	public BenchBackboneCommand() {
		this(System.out);
	}

	/** A command that prints to {@code out} (for tests). */
	public BenchBackboneCommand(final PrintStream out) {
		this.out = out;
	}

	@Override
	public String name() {
		return "bench-backbone";
	}

	@Override
	public String summary() {
		return "Time feature extraction per image against bare ONNX Runtime.";
	}

	@Override
	public String usage() {
		return "[--backbones mobilenet_v2_imagenet,squeezenet1_1_imagenet]" +
			" [--iterations 10] [--warmup 10]";
	}

	@Override
	public int run(final Arguments args) throws Exception {
		final String[] names = args.get("backbones",
			"mobilenet_v2_imagenet,squeezenet1_1_imagenet").split(",");
		final int iterations = args.integer("iterations", 10);
		final int warmup = args.integer("warmup", 10);
		args.rejectUnknown();
		if (iterations < 1 || warmup < 0) throw new IllegalArgumentException(
			"--iterations must be at least 1 and --warmup at least 0.");
		final BackboneLocator locator = BackboneLocator.standard();
		out.printf(Locale.ROOT, "%-24s %5s %10s %10s %10s %8s %12s%n", "backbone", "batch",
			"extract", "djl", "ort", "djl/ort", "extract/ort");
		for (final String name : names) {
			final BackboneLocator.Located found = locator.resolve(name.trim());
			try (FeatureExtractor fx = FeatureExtractor.open(found);
					OrtSession.SessionOptions options = new OrtSession.SessionOptions())
			{
				// the same options as OnnxBackbone: defaults, errors-only logging
				options.setSessionLogLevel(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
				try (OrtSession session = OrtEnvironment.getEnvironment().createSession(
					found.onnxFile().toString(), options))
				{
					for (final int batch : BATCHES)
						benchmark(fx, session, batch, iterations, warmup);
				}
			}
		}
		out.println("Times are milliseconds per image (median of " + 2 *
			iterations + " runs).");
		return 0;
	}

	private void benchmark(final FeatureExtractor fx, final OrtSession session,
		final int batch, final int iterations, final int warmup)
		throws OrtException
	{
		final List<RasterImage> images = syntheticImages(batch);
		final int size = fx.backbone().manifest().inputSize();
		final float[] tensor = new float[batch * 3 * size * size];
		for (int i = 0; i < batch; i++)
			fx.backbone().manifest().normalization().write(fx.preprocessor().crop(
				images.get(i)), tensor, i * 3 * size * size);
		final String input = fx.backbone().manifest().inputName();
		final long[] shape = { batch, 3, size, size };
		final OrtEnvironment env = OrtEnvironment.getEnvironment();
		// the best case for direct use: the input already in native memory
		final FloatBuffer direct = ByteBuffer.allocateDirect(4 * tensor.length)
			.order(ByteOrder.nativeOrder()).asFloatBuffer().put(tensor);
		direct.rewind();
		final double[] ms = blockMedians(iterations, warmup, () -> fx
			.extract(images), () -> fx.backbone().run(tensor, batch), () -> {
				try (OnnxTensor x = OnnxTensor.createTensor(env, direct, shape);
						OrtSession.Result r = session.run(Map.of(input, x)))
				{
					for (final Map.Entry<String, OnnxValue> e : r)
						((OnnxTensor) e.getValue()).getFloatBuffer();
				}
				catch (final OrtException e) {
					throw new IllegalStateException(e);
				}
			});
		final double extract = ms[0];
		final double djl = ms[1];
		final double ort = ms[2];
		out.printf(Locale.ROOT, "%-24s %5d %10.2f %10.2f %10.2f %8.2f %12.2f%n", fx
			.backboneId().name(), batch, extract / batch, djl / batch, ort / batch,
			djl / ort, extract / ort);
	}

	/**
	 * Median wall time of each task in milliseconds. Each task runs in a block
	 * of {@code warmup} unmeasured and {@code iterations} measured runs, and
	 * the blocks run twice, forwards and then backwards, so that a drift of
	 * machine load affects all tasks alike. Blocks rather than alternating
	 * single runs, because ONNX Runtime's threads keep spinning for a moment
	 * after a run and would slow down the next run of another session.
	 */
	private static double[] blockMedians(final int iterations,
		final int warmup, final Runnable... tasks)
	{
		final double[][] ms = new double[tasks.length][2 * iterations];
		for (int pass = 0; pass < 2; pass++)
			for (int i = 0; i < tasks.length; i++) {
				final int t = pass == 0 ? i : tasks.length - 1 - i;
				for (int w = 0; w < warmup; w++)
					tasks[t].run();
				for (int r = 0; r < iterations; r++) {
					final long start = System.nanoTime();
					tasks[t].run();
					ms[t][pass * iterations + r] = (System.nanoTime() - start) / 1e6;
				}
			}
		final double[] medians = new double[tasks.length];
		for (int t = 0; t < tasks.length; t++) {
			Arrays.sort(ms[t]);
			medians[t] = ms[t][iterations];
		}
		return medians;
	}

	/** Seeded random 8-bit RGB images of 400 × 300 pixels, like photos. */
	private static List<RasterImage> syntheticImages(final int n) {
		final Random random = new Random(42);
		final List<RasterImage> images = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			final float[][] rgb = new float[3][400 * 300];
			for (final float[] plane : rgb)
				for (int p = 0; p < plane.length; p++)
					plane[p] = random.nextInt(256);
			images.add(new RasterImage(400, 300, rgb));
		}
		return images;
	}
}
