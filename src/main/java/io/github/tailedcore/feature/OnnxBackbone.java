package io.github.tailedcore.feature;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession.SessionOptions;
import io.github.tailedcore.ErrorMessage;
import io.github.tailedcore.linalg.FeatureMatrix;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link Backbone} read from an ONNX file and run by DJL's ONNX Runtime
 * engine.
 * <p>
 * Loading checks the file against its manifest: one input named as the
 * manifest says, and outputs {@code layer2}, {@code layer3},
 * {@code embedding} and {@code logits} whose channel counts match. It runs
 * one blank image to learn the feature grids from the output shapes (27 × 27
 * for SqueezeNet, 28 × 28 for ResNets), so any mismatch fails at load time
 * with a message naming the file, not later in the middle of a fit.
 * </p>
 * <p>
 * Thread safety: {@link #run} may be called from any thread; calls are
 * serialised on one DJL {@link Predictor}, since ONNX Runtime already spreads
 * each call over all cores: as many intra-op threads as
 * {@link Runtime#availableProcessors()} (ONNX Runtime's own default counts
 * the machine's cores, ignoring what a cluster task was given; the JVM
 * follows {@code -XX:ActiveProcessorCount} and CPU limits). The outputs do
 * not depend on the thread count. DJL is kept offline ({@code ai.djl.offline=true}
 * unless set otherwise): a backbone never triggers a download by itself.
 * DJL creates the process-wide ONNX Runtime environment itself and fails if
 * other code created one first, so code that also uses ONNX Runtime
 * directly must load a backbone before.
 * </p>
 */
public final class OnnxBackbone implements Backbone {

	static final List<String> OUTPUTS = List.of("layer2", "layer3", "embedding",
		"logits");

	private final BackboneManifest manifest;
	private final Path file;
	private final Model model;
	private final SessionOptions options;
	private final Predictor<Batch, Map<String, Tensor>> predictor;
	private final MapShape layer2;
	private final MapShape layer3;

	private OnnxBackbone(final BackboneManifest manifest, final Path file,
		final Model model, final SessionOptions options)
	{
		this.manifest = manifest;
		this.file = file;
		this.model = model;
		this.options = options;
		this.predictor = model.newPredictor(new TensorTranslator(manifest
			.inputName(), manifest.inputSize()));
		final Map<String, Tensor> probe = runRaw(new float[3 * manifest
			.inputSize() * manifest.inputSize()], 1);
		layer2 = mapShape(probe, "layer2", manifest.layer2Channels());
		layer3 = mapShape(probe, "layer3", manifest.layer3Channels());
		vectorLength(probe, "embedding", manifest.embeddingDims());
		vectorLength(probe, "logits", manifest.logitClasses());
	}

	/** Loads the ONNX file the manifest names, beside the manifest. */
	public static OnnxBackbone load(final BackboneManifest manifest)
		throws IOException
	{
		return load(manifest, manifest.onnxFile());
	}

	/**
	 * Loads {@code onnxFile} and checks it against {@code manifest}.
	 *
	 * @throws IOException naming the file if it is missing, not a valid ONNX
	 *           model, or its input or outputs differ from the manifest
	 */
	public static OnnxBackbone load(final BackboneManifest manifest,
		final Path onnxFile) throws IOException
	{
		return load(manifest, onnxFile, Runtime.getRuntime().availableProcessors());
	}

	/** As {@link #load(BackboneManifest, Path)}, on {@code threads} threads. */
	static OnnxBackbone load(final BackboneManifest manifest,
		final Path onnxFile, final int threads) throws IOException
	{
		if (System.getProperty("ai.djl.offline") == null) System.setProperty(
			"ai.djl.offline", "true");
		if (!Files.isRegularFile(onnxFile)) throw new NoSuchFileException(onnxFile
			.toString(), null, "The backbone ONNX file does not exist.");
		final SessionOptions options;
		final Model model;
		try {
			options = new SessionOptions();
		}
		catch (final LinkageError e) {
			throw nativeLibraryFailure(onnxFile, e);
		}
		try {
			model = Model.newInstance(manifest.name(), "OnnxRuntime");
		}
		catch (final LinkageError e) {
			options.close();
			throw nativeLibraryFailure(onnxFile, e);
		}
		catch (final RuntimeException e) {
			options.close();
			if (e.getCause() instanceof LinkageError) throw nativeLibraryFailure(
				onnxFile, e.getCause());
			throw new IOException("ONNX Runtime could not start (" + rootMessage(
				e) + "). If other code created an ONNX Runtime environment before " +
				"DJL did, load the backbone first.", e);
		}
		try {
			// files with fixed batch sizes in their output shapes make ONNX
			// Runtime warn on every batch; only errors are worth showing
			options.setSessionLogLevel(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
			options.setIntraOpNumThreads(threads);
			model.load(onnxFile.toAbsolutePath(), null, Map.of("sessionOptions",
				options));
			checkInput(model, manifest, onnxFile);
			return new OnnxBackbone(manifest, onnxFile, model, options);
		}
		catch (final MalformedModelException | OrtException e) {
			close(model, options);
			throw new IOException("The backbone file " + onnxFile +
				" is not a valid ONNX model (" + rootMessage(e) +
				"). Download or export it again.", e);
		}
		catch (final InvalidBackbone e) {
			close(model, options);
			throw new IOException(e.getMessage(), e);
		}
		catch (final LinkageError e) {
			close(model, options);
			throw nativeLibraryFailure(onnxFile, e);
		}
		catch (final RuntimeException e) {
			close(model, options);
			throw new IOException("The backbone file " + onnxFile +
				" could not run on a blank " + manifest.inputSize() + " px image (" +
				rootMessage(e) + "). Check that it matches its manifest " + manifest
					.source() + ".", e);
		}
	}

	/**
	 * ONNX Runtime's native library could not be unpacked or loaded (a full
	 * or read-only temporary folder, a missing system library): an
	 * {@link IOException} whose message says where the library is unpacked,
	 * with the {@link LinkageError} as its cause.
	 */
	private static IOException nativeLibraryFailure(final Path onnxFile,
		final Throwable e)
	{
		return new IOException(ErrorMessage.of(e, "loading the backbone " +
			onnxFile), e);
	}

	private static void close(final Model model, final SessionOptions options) {
		model.close();
		options.close();
	}

	@Override
	public BackboneManifest manifest() {
		return manifest;
	}

	/** The ONNX file this backbone was read from. */
	public Path file() {
		return file;
	}

	@Override
	public MapShape layer2Shape() {
		return layer2;
	}

	@Override
	public MapShape layer3Shape() {
		return layer3;
	}

	@Override
	public BackboneOutput run(final float[] input, final int count) {
		final Map<String, Tensor> out = runRaw(input, count);
		return new BackboneOutput(new FeatureMaps(count, layer2, out.get(
			"layer2").data()), new FeatureMaps(count, layer3, out.get("layer3")
				.data()), new FeatureMatrix(count, manifest.embeddingDims(), out.get(
					"embedding").data()), new FeatureMatrix(count, manifest
						.logitClasses(), out.get("logits").data()));
	}

	@Override
	public synchronized void close() {
		predictor.close();
		close(model, options);
	}

	@Override
	public String toString() {
		return manifest.name() + " (" + file + ")";
	}

	private synchronized Map<String, Tensor> runRaw(final float[] input,
		final int count)
	{
		final int size = manifest.inputSize();
		if (count < 1 || (long) count * 3 * size * size > input.length)
			throw new IllegalArgumentException("A batch of " + count +
				" images of 3 × " + size + " × " + size +
				" needs that many values, got " + input.length + ".");
		try {
			return predictor.predict(new Batch(input, count));
		}
		catch (final TranslateException e) {
			throw new IllegalStateException("The backbone " + file +
				" failed on a batch of " + count + " images: " + rootMessage(e), e);
		}
	}

	private static void checkInput(final Model model,
		final BackboneManifest manifest, final Path file)
	{
		final List<String> inputs = model.getBlock().describeInput().keys();
		if (inputs.size() != 1 || !inputs.get(0).equals(manifest.inputName()))
			throw new InvalidBackbone(file, manifest, "its inputs are " + inputs +
				", not the single input '" + manifest.inputName() + "'");
	}

	private MapShape mapShape(final Map<String, Tensor> probe,
		final String name, final int channels)
	{
		final long[] s = output(probe, name).shape();
		if (s.length != 4 || s[0] != 1 || s[1] != channels)
			throw new InvalidBackbone(file, manifest, "its output '" + name +
				"' has shape " + Arrays.toString(s) + " for one image, not [1, " +
				channels + ", H, W]");
		return new MapShape(channels, (int) s[2], (int) s[3]);
	}

	private void vectorLength(final Map<String, Tensor> probe,
		final String name, final int length)
	{
		final Tensor t = output(probe, name);
		if (t.shape().length < 2 || t.shape()[0] != 1 || t.data().length != length)
			throw new InvalidBackbone(file, manifest, "its output '" + name +
				"' has shape " + Arrays.toString(t.shape()) +
				" for one image, not [1, " + length + "]");
	}

	private Tensor output(final Map<String, Tensor> probe, final String name) {
		final Tensor t = probe.get(name);
		if (t == null) throw new InvalidBackbone(file, manifest,
			"it has no output named '" + name + "' (it has " + probe.keySet() +
				"; a backbone needs " + OUTPUTS + ")");
		return t;
	}

	private static String rootMessage(Throwable e) {
		while (e.getCause() != null && e.getCause() != e)
			e = e.getCause();
		return e.getMessage() == null ? e.getClass().getSimpleName() : e
			.getMessage();
	}

	/** The ONNX file disagrees with its manifest. */
	private static final class InvalidBackbone extends RuntimeException {

		InvalidBackbone(final Path file, final BackboneManifest manifest,
			final String why)
		{
			super("The backbone file " + file + " does not match its manifest " +
				manifest.source() + ": " + why + ".");
		}
	}

	/** A batch of {@code count} NCHW images in the first values of data. */
	record Batch(float[] data, int count) {}

	/** One output copied out of native memory. */
	record Tensor(long[] shape, float[] data) {}

	/**
	 * Wraps a batch as the named input tensor and copies every float output
	 * into Java arrays before DJL frees the native memory.
	 */
	private static final class TensorTranslator implements
		Translator<Batch, Map<String, Tensor>>
	{

		private final String inputName;
		private final int size;

		TensorTranslator(final String inputName, final int size) {
			this.inputName = inputName;
			this.size = size;
		}

		@Override
		public NDList processInput(final TranslatorContext ctx,
			final Batch batch)
		{
			final int length = batch.count() * 3 * size * size;
			final NDArray x = ctx.getNDManager().create(FloatBuffer.wrap(batch
				.data(), 0, length).slice(), new Shape(batch.count(), 3, size, size));
			x.setName(inputName);
			return new NDList(x);
		}

		@Override
		public Map<String, Tensor> processOutput(final TranslatorContext ctx,
			final NDList list)
		{
			final Map<String, Tensor> out = new LinkedHashMap<>();
			for (final NDArray a : list)
				out.put(a.getName(), new Tensor(a.getShape().getShape(), a
					.toFloatArray()));
			return out;
		}

		@Override
		public Batchifier getBatchifier() {
			return null;
		}
	}
}
