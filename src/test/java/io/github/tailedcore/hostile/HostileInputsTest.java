package io.github.tailedcore.hostile;

import static io.github.tailedcore.hostile.HostileFiles.features;
import static io.github.tailedcore.hostile.HostileFiles.floats;
import static io.github.tailedcore.hostile.HostileFiles.npy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.github.tailedcore.ErrorMessage;
import io.github.tailedcore.Method;
import io.github.tailedcore.Progress;
import io.github.tailedcore.TailViewSource;
import io.github.tailedcore.TailedCore;
import io.github.tailedcore.TailedCoreModel;
import io.github.tailedcore.TailedCoreSettings;
import io.github.tailedcore.Threshold;
import io.github.tailedcore.feature.BackboneDownloader;
import io.github.tailedcore.feature.BackboneLocator;
import io.github.tailedcore.feature.BackboneManifest;
import io.github.tailedcore.feature.FeatureExtractor;
import io.github.tailedcore.feature.ImageSource;
import io.github.tailedcore.ij.FolderScoring;
import io.github.tailedcore.ij.HeatmapOverlay;
import io.github.tailedcore.ij.ImagePlusScoring;
import io.github.tailedcore.ij.TrainingImages;
import io.github.tailedcore.image.ImageFolder;
import io.github.tailedcore.io.AtomicWrite;
import io.github.tailedcore.io.ModelFile;
import io.github.tailedcore.io.RunLock;
import io.github.tailedcore.plugin.TailedCoreMacro;
import io.github.tailedcore.preprocess.Preprocessing;
import io.github.tailedcore.scoring.ImageScorer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and careless input against the command line, the macro API and
 * the file layer (issue 17). Each case does what a user might, asserts the
 * message (or outcome) and that no user file changed, and becomes a row of
 * the table {@code target/hostile-inputs.md} (kept in
 * {@code docs/hostile-inputs.md}).
 * <p>
 * The "before" column says what the code did before these fixes (commit
 * 448d569), as reported in issue 17, read from that code or, for the
 * command-line cases, run against it: {@code refused} (a clear
 * message already), {@code unclear} (refused with an unclear or late
 * message), {@code crash} (a stack trace), {@code accepted} (a silent wrong
 * answer or a loss).
 * </p>
 */
class HostileInputsTest {

	/** What the code did before the fixes. */
	enum Before {
			REFUSED, UNCLEAR, CRASH, ACCEPTED
	}

	/** One row of the table. */
	record Row(String area, String input, Before before, String was,
		String now)
	{}

	/** What a case does; returns the message or outcome to record. */
	@FunctionalInterface
	interface Action {

		String run() throws Exception;
	}

	/**
	 * The persisted inputs a macro call must give (SciJava fills left-out
	 * keys from the preferences, issue 18), with their defaults.
	 */
	private static final String KEEP = " file_pattern=[" +
		ImageFolder.DEFAULT_PATTERN + "] recursive=false threshold=0 " +
		"overlay_opacity=" + HeatmapOverlay.DEFAULT_OPACITY + " overwrite=false";

	private static final Map<String, Row> TABLE = new TreeMap<>();
	private static final AtomicInteger CASES = new AtomicInteger();

	@TempDir
	static Path base;

	private static Path featureModel;
	private static Path softModel;
	private static Path imageModel;

	// -- the command line's words

	@TestFactory
	Stream<DynamicTest> commandLine() throws Exception {
		final Path f = trainingFeatures();
		final String npy = Cli.path(f);
		final String model = Cli.path(base.resolve("cli-never.tailedcore"));
		Files.writeString(Files.createDirectories(base.resolve("cli-user")).resolve(
			"notes.txt"), "the user's notes");
		return Stream.of( //
			cli("an option used as the value of --model", Before.ACCEPTED,
				"(fitted and saved the model as ./true)", "--model needs a value, " +
					"but the next word is --overwrite", 2, "fit", "--features", npy,
				"--method", "patchcore", "--model", "--overwrite"), //
			cli("an option used as the value of --output", Before.ACCEPTED,
				"(wrote ./true/scores.csv)", "--output needs a value", 2, "score",
				"--model", model, "--features", npy, "--output", "--overwrite"), //
			cli("--train \"\" (an empty path)", Before.ACCEPTED,
				"(fitted on the current folder)", "--train has an empty value", 2,
				"fit", "--train", "", "--model", model), //
			cli("--model given twice", Before.ACCEPTED, "(the second was used)",
				"--model is given twice", 2, "fit", "--features", npy, "--method",
				"patchcore", "--model", model, "--model", model + "2"), //
			cli("a stray word after the options", Before.ACCEPTED, "(ignored)",
				"Unexpected word 'extra'", 2, "fit", "--features", npy, "--method",
				"patchcore", "--model", model, "extra"), //
			cli("a switch followed by a word (--recursive maybe)", Before.ACCEPTED,
				"(taken as on)", "--recursive is a switch and takes no value", 2,
				"fit", "--train", npy, "--recursive", "maybe", "--model", model), //
			cli("--threshold NaN", Before.UNCLEAR, "(refused, then the whole usage)",
				"--threshold needs a finite number, got 'NaN'", 2, "score", "--model",
				model, "--features", npy, "--threshold", "NaN"), //
			cli("--threshold -1", Before.ACCEPTED, "(every image anomalous)",
				"A threshold must be at least 0", 2, "score", "--model", model,
				"--features", npy, "--threshold", "-1"), //
			cli("--threshold 3e38", Before.ACCEPTED, "(every image normal)",
				"A threshold must be at most 1.0E30", 2, "score", "--model", model,
				"--features", npy, "--threshold", "3e38"), //
			cli("--threshold Infinity", Before.UNCLEAR,
				"(refused, then the whole usage)", "needs a finite number", 2, "score",
				"--model", model, "--features", npy, "--threshold", "Infinity"), //
			cli("--seed abc", Before.REFUSED, "", "--seed needs a whole number, " +
				"got 'abc'", 2, "fit", "--features", npy, "--seed", "abc", "--model",
				model), //
			cli("--coreset-ratio 5", Before.UNCLEAR, "(then the whole usage)",
				"coreset_ratio must be in (0, 1]", 2, "fit", "--features", npy,
				"--method", "patchcore", "--coreset-ratio", "5", "--model", model), //
			cli("a misspelt option (--methd)", Before.REFUSED, "",
				"Unknown option --methd", 2, "fit", "--features", npy, "--methd",
				"patchcore", "--model", model), //
			cli("an unknown subcommand", Before.REFUSED, "",
				"unknown subcommand 'frobnicate'", 2, "frobnicate"), //
			cli("fit without --model", Before.REFUSED, "", "Missing option --model",
				2, "fit", "--features", npy), //
			cli("TailedCore on features without embeddings", Before.REFUSED, "",
				"TailedCore needs image embeddings", 2, "fit", "--features", npy,
				"--model", model));
	}

	// -- where a fit saves its model

	@TestFactory
	Stream<DynamicTest> modelToWrite() throws Exception {
		final String npy = Cli.path(trainingFeatures());
		final Path dir = base.resolve("model-to-write");
		final Path existing = Files.writeString(Files.createDirectories(dir)
			.resolve("precious.tailedcore"), "the user's model");
		final Path aFile = Files.writeString(dir.resolve("a-file"), "x");
		return Stream.of( //
			check("model file to write", "an existing model without --overwrite",
				Before.UNCLEAR, "(refused only after the whole fit)", dir,
				() -> noFitStarted(Cli.run("fit", "--features", npy, "--method",
					"patchcore", "--model", Cli.path(existing))), "[exit 1]",
				"already exists", "Choose another name, or allow overwriting it"), //
			check("model file to write", "--model naming a folder", Before.UNCLEAR,
				"(refused only after the whole fit)", dir, () -> noFitStarted(Cli.run(
					"fit", "--features", npy, "--method", "patchcore", "--model", Cli
						.path(dir))), "[exit 1]", "is a folder; give the model a file name"), //
			check("model file to write", "--model in a folder that cannot be made " +
				"(under a file)", Before.UNCLEAR, "(refused only after the whole fit)",
				dir, () -> noFitStarted(Cli.run("fit", "--features", npy, "--method",
					"patchcore", "--model", Cli.path(aFile.resolve("m.tailedcore")))),
				"[exit 1]", "its folder cannot be written to", "nothing was fitted"));
	}

	// -- NumPy feature arrays

	@TestFactory
	Stream<DynamicTest> featureArrays() throws Exception {
		final Path dir = Files.createDirectories(base.resolve("npy"));
		final String model = Cli.path(base.resolve("npy-never.tailedcore"));
		final byte[] small = floats(features(72, 1));
		final List<DynamicTest> t = new ArrayList<>();
		t.add(npyCase(dir, "a header claiming 1 GB over 400 bytes", Before.CRASH,
			"(allocated first: OutOfMemoryError)", npy(dir.resolve("claims-1gb.npy"),
				1, "<f4", "False", "262144, 1024", new byte[400]), model,
			"declares shape [262144, 1024]", "but 400 bytes follow its header: it " +
				"is truncated"));
		t.add(npyCase(dir, "a negative dimension", Before.UNCLEAR,
			"(\"Error: -1440\")", npy(dir.resolve("negative.npy"), 1, "<f4", "False",
				"-5, 3, 3, 8", small), model, "holds the dimension -5"));
		t.add(npyCase(dir, "a dimension that is not a number", Before.UNCLEAR,
			"(\"Error: For input string\", then the usage)", npy(dir.resolve(
				"word.npy"), 1, "<f4", "False", "'a', 3, 3, 8", small), model,
			"holds ''a'', not a whole number"));
		t.add(npyCase(dir, "dimensions whose product overflows", Before.UNCLEAR,
			"(NegativeArraySizeException)", npy(dir.resolve("overflow.npy"), 1,
				"<f4", "False", "2147483647, 2147483647, 4, 1", small), model,
			"whose size overflows"));
		t.add(npyCase(dir, "a header length of 2 GB", Before.CRASH,
			"(OutOfMemoryError)", headerLength(dir.resolve("header.npy")), model,
			"damaged .npy header", "header bytes in a file of"));
		t.add(npyCase(dir, "not a .npy file", Before.REFUSED, "", Files
			.writeString(dir.resolve("text.npy"), "id,value\n1,2\n"), model,
			"is not a NumPy .npy file"));
		t.add(npyCase(dir, "float64 values", Before.REFUSED, "", npy(dir.resolve(
			"f8.npy"), 1, "<f8", "False", "1, 3, 3, 8", new byte[576]), model,
			"holds '<f8' values"));
		t.add(npyCase(dir, "Fortran order", Before.REFUSED, "", npy(dir.resolve(
			"fortran.npy"), 1, "<f4", "True", "1, 3, 3, 8", small), model,
			"is in Fortran order"));
		final float[] nan = features(720, 2);
		nan[100] = Float.NaN;
		t.add(npyCase(dir, "a NaN among the patch features", Before.UNCLEAR,
			"(\"Error: Index 23040 out of bounds for length 23037\")", npy(dir.resolve("nan.npy"), 1, "<f4",
				"False", "10, 3, 3, 8", floats(nan)), model,
			"holds NaN (value 100, row 1)", "every value must be a finite number"));
		final float[] inf = features(40, 3);
		inf[7] = Float.POSITIVE_INFINITY;
		final String f10 = Cli.path(npy(dir.resolve("f10.npy"), 1, "<f4", "False",
			"10, 3, 3, 8", floats(features(720, 4))));
		final String infinite = Cli.path(npy(dir.resolve("inf.npy"), 1, "<f4",
			"False", "10, 4", floats(inf)));
		final String e3 = Cli.path(npy(dir.resolve("e3.npy"), 1, "<f4", "False",
			"3, 4", floats(features(12, 5))));
		final String huge = Cli.path(bigNpy(dir.resolve("huge.npy")));
		t.add(check("feature arrays", "infinity in the embeddings",
			Before.ACCEPTED, "(fitted)", dir, () -> Cli.run("fit", "--features", f10,
				"--embeddings", infinite, "--model", model), "[exit 1]",
			"holds Infinity (value 7, row 1)"));
		t.add(npyCase(dir, "patch features of rank 2", Before.REFUSED, "", npy(dir
			.resolve("rank2.npy"), 1, "<f4", "False", "9, 8", small), model,
			"patch features need (images, height, width, dims)"));
		t.add(npyCase(dir, "zero images", Before.UNCLEAR, "(then the usage)", npy(
			dir.resolve("empty.npy"), 1, "<f4", "False", "0, 3, 3, 8", new byte[0]),
			model, "each at least 1"));
		t.add(check("feature arrays", "embeddings with another image count",
			Before.REFUSED, "", dir, () -> Cli.run("fit", "--features", f10,
				"--embeddings", e3, "--model", model), "[exit 1]",
			"embeddings need (10, dims)"));
		t.add(npyCase(dir, ".npy format version 9", Before.UNCLEAR,
			"(\"has a .npy header without 'descr'\")", npy(dir.resolve("v9.npy"), 9,
				"<f4", "False", "1, 3, 3, 8", small), model, "format version 9"));
		t.add(npyCase(dir, "values cut off at the end", Before.REFUSED, "", npy(
			dir.resolve("cut.npy"), 1, "<f4", "False", "2, 3, 3, 8", small), model,
			"but 288 bytes follow its header: it is truncated"));
		t.add(check("feature arrays", "an 8.6 GB array (sparse file), more " +
			"than the heap", Before.UNCLEAR, "(NegativeArraySizeException)", dir,
			() -> Cli.run("fit", "--features", huge, "--method", "patchcore",
				"--model", model), "[exit 1]",
			"take about 8.6 GB of memory", "Split the array, or give Java more " +
				"memory"));
		return t.stream();
	}

	// -- model files to read

	@TestFactory
	Stream<DynamicTest> modelToRead() throws Exception {
		final Path dir = Files.createDirectories(base.resolve("models"));
		final Path good = featureModel();
		final String npy = Cli.path(trainingFeatures());
		final List<DynamicTest> t = new ArrayList<>();
		t.add(modelCase(dir, "a manifest and zip directory claiming a 3.2 GB " +
			"bank", Before.CRASH, "(allocated first: OutOfMemoryError)",
			lyingZipSize(good, dir.resolve("lying.tailedcore")), npy,
			"memory.bin holds", "is truncated or damaged"));
		t.add(modelCase(dir, "a manifest claiming 2^31 vectors", Before.REFUSED,
			"", HostileFiles.rewrite(good, dir.resolve("huge.tailedcore"),
				"manifest.json", HostileFiles.manifestValue("size", "2147483647")),
			npy, "larger than one Java array can hold"));
		t.add(modelCase(dir, "a NaN in the memory bank", Before.ACCEPTED,
			"(NaN scores, called normal)", HostileFiles.rewrite(good, dir.resolve(
				"nan.tailedcore"), "memory.bin", HostileFiles.floatAt(3, Float.NaN)),
			npy, "a value that is not a finite number", "Fit the model again"));
		t.add(modelCase(dir, "infinity in the SoftPatch weights", Before.ACCEPTED,
			"(infinite scores)", HostileFiles.rewrite(softModel(), dir.resolve(
				"inf.tailedcore"), "weights.bin", HostileFiles.floatAt(0,
					Float.POSITIVE_INFINITY)), npy, "memory weights hold a value that is " +
						"not a finite number"));
		t.add(modelCase(dir, "threshold NaN in the manifest", Before.REFUSED, "",
			HostileFiles.rewrite(good, dir.resolve("t-nan.tailedcore"),
				"manifest.json", HostileFiles.manifestValue("value", "NaN")), npy,
			"gives 'threshold.value' a value that is not a finite number"));
		t.add(modelCase(dir, "a negative threshold in the manifest",
			Before.ACCEPTED, "(every image anomalous)", HostileFiles.rewrite(good, dir
				.resolve("t-neg.tailedcore"), "manifest.json", HostileFiles
					.manifestValue("value", "-1")), npy, "A threshold must be at least 0"));
		t.add(modelCase(dir, "threshold 3e38 in the manifest", Before.ACCEPTED,
			"(every image normal)", HostileFiles.rewrite(good, dir.resolve(
				"t-big.tailedcore"), "manifest.json", HostileFiles.manifestValue(
					"value", "3e38")), npy, "A threshold must be at most"));
		t.add(modelCase(dir, "σ = Infinity in the manifest's settings",
			Before.UNCLEAR, "(refused, then the whole usage text)", HostileFiles.rewrite(good, dir.resolve(
				"sigma.tailedcore"), "manifest.json", HostileFiles.manifestValue(
					"gaussianSigma", "Infinity")), npy,
			"gives 'settings.gaussianSigma' a value that is not a finite number"));
		t.add(modelCase(dir, "a negative memory size", Before.REFUSED, "",
			HostileFiles.rewrite(good, dir.resolve("neg.tailedcore"),
				"manifest.json", HostileFiles.manifestValue("size", "-5")), npy,
			"declares a memory bank of -5 vectors"));
		t.add(modelCase(dir, "a file that is not a zip", Before.REFUSED, "", Files
			.writeString(dir.resolve("text.tailedcore"), "model"), npy,
			"is not a TailedCore model file"));
		t.add(modelCase(dir, "a folder as the model", Before.REFUSED, "", Files
			.createDirectories(dir.resolve("folder.tailedcore")), npy,
			"is not a file"));
		t.add(modelCase(dir, "a model that does not exist", Before.REFUSED, "", dir
			.resolve("missing.tailedcore"), npy, "does not exist"));
		return t.stream();
	}

	// -- Java's memory and native libraries, in JVMs of their own

	@TestFactory
	Stream<DynamicTest> memoryAndLibraries() throws Exception {
		final Path dir = Files.createDirectories(base.resolve("jvm"));
		final String big = Cli.path(bigModel(dir.resolve("big.tailedcore")));
		final String features51mb = Cli.path(npy(dir.resolve("51mb.npy"), 1,
			"<f4", "False", "12500, 1, 1, 1024", new byte[12500 * 1024 * 4]));
		return Stream.of( //
			check("memory", "a 64 MB model with a 48 MB heap", Before.CRASH,
				"(OutOfMemoryError)", dir, () -> Cli.fork(List.of("-Xmx48m"), "score",
					"--model", big, "--features", Cli.path(trainingFeatures())),
				"[exit 1]", "take about", "Give Java more memory"), //
			check("memory", "a fit that runs out of a 96 MB heap (51 MB of " +
				"features)", Before.CRASH, "(stack trace)", dir, () -> Cli.fork(List.of(
					"-Xmx96m"), "fit", "--features", features51mb, "--method",
					"patchcore", "--model", Cli.path(dir.resolve("oom.tailedcore"))),
				"[exit 3]", "Java ran out of memory (its maximum heap is",
				"while running fit --features", "or give Java more memory"), //
			check("native library", "ONNX Runtime cannot unpack its native library " +
				"(no temporary folder)", Before.CRASH,
				"(ExceptionInInitializerError)", dir, () -> Cli.fork(List.of(
					"-Djava.io.tmpdir=" + dir.resolve("no-such-tmp")), "fit", "--train",
					"test-images/grid/train/good", "--method", "patchcore", "--model", Cli
						.path(dir.resolve("onnx.tailedcore"))), "[exit 4]",
				"ONNX Runtime's native library could not be loaded",
				"-Djava.io.tmpdir=DIR"));
	}

	// -- images: one batch over a folder of bad files, one row per file

	@TestFactory
	Stream<DynamicTest> images() throws Exception {
		final Path in = Files.createDirectories(base.resolve("images/in"));
		final Path out = base.resolve("images/out");
		HostileFiles.png(in.resolve("a.png"), HostileFiles.noise("a", 64, 64, 1));
		HostileFiles.tiff(in.resolve("a.tif"), HostileFiles.noise("a", 64, 64, 2));
		HostileFiles.tiff(in.resolve("stack.tif"), HostileFiles.stack(64, 64, 3,
			3));
		HostileFiles.truncate(HostileFiles.jpeg(in.resolve("cut.jpg"), HostileFiles
			.noise("cut", 256, 256, 4)), 0.6);
		HostileFiles.truncate(HostileFiles.tiff(in.resolve("cut.tif"), HostileFiles
			.noise("cut", 128, 128, 5)), 0.6);
		HostileFiles.truncate(HostileFiles.png(in.resolve("cut.png"), HostileFiles
			.noise("cut", 128, 128, 6)), 0.6);
		HostileFiles.pngOfSize(in.resolve("one-pixel.png"), 1, 1, 7);
		HostileFiles.pngOfSize(in.resolve("eight-pixels.png"), 8, 8, 8);
		HostileFiles.png(in.resolve("blank.png"), HostileFiles.blank(64, 64, 0));
		HostileFiles.pngClaiming(in.resolve("bomb.png"), 40000, 40000);
		HostileFiles.pngOfSize(in.resolve("strip.png"), 1000, 20, 9);
		HostileFiles.tiff(in.resolve("unit.tif"), HostileFiles.floats(64, 64, 0, 1,
			10));
		HostileFiles.tiff(in.resolve("signed.tif"), HostileFiles.floats(64, 64, -5,
			5, 11));
		final ij.ImagePlus nan = HostileFiles.floats(64, 64, 0, 255, 12);
		((float[]) nan.getProcessor().getPixels())[5] = Float.NaN;
		HostileFiles.tiff(in.resolve("nan.tif"), nan);
		Files.writeString(in.resolve("text.png"), "not an image");
		Files.write(in.resolve("empty.png"), new byte[0]);
		HostileFiles.tiff(in.resolve("composite.tif"), HostileFiles.composite(64,
			64));
		final UserFiles before = UserFiles.of(in);
		final Memo<String> run = new Memo<>(() -> Cli.run("score", "--model", Cli
			.path(imageModel()), "--input", Cli.path(in), "--output", Cli.path(out)));
		final Memo<Map<String, String>> skipped = new Memo<>(() -> {
			run.get();
			return Files.readAllLines(out.resolve(FolderScoring.SKIPPED_CSV)).stream()
				.skip(1).collect(Collectors.toMap(l -> l.substring(0, l.indexOf(',')),
					l -> unquote(l.substring(l.indexOf(',') + 1))));
		});
		final List<DynamicTest> t = new ArrayList<>();
		t.add(check("images", "a score run over the folder below", Before.CRASH,
			"(the bomb: OutOfMemoryError, no CSV)", in, () -> {
				assertEquals(before, UserFiles.of(in), "the input folder changed");
				return run.get();
			}, "[exit 0]"));
		for (final String[] c : new String[][] { //
			{ "cut.jpg", "a truncated JPEG", "ACCEPTED", "(scored, grey below the cut)",
				"it is damaged or truncated (the JPEG decoder says:" }, //
			{ "cut.tif", "a truncated TIFF", "ACCEPTED", "(scored, black below the cut)",
				"it is damaged or truncated" }, //
			{ "cut.png", "a truncated PNG", "REFUSED", "", "it is damaged" }, //
			{ "one-pixel.png", "a 1 × 1 image", "ACCEPTED", "(scored like an image)",
				"it is 1 × 1 pixels, smaller than the 16 × 16 pixels" }, //
			{ "eight-pixels.png", "an 8 × 8 image", "ACCEPTED", "(scored like an image)",
				"smaller than the 16 × 16 pixels" }, //
			{ "blank.png", "a blank image", "ACCEPTED", "(scored like an image)",
				"it is blank (every pixel is 0)" }, //
			{ "bomb.png", "a 1 KB PNG claiming 40000 × 40000 pixels", "CRASH",
				"(OutOfMemoryError, the batch died)", "it is 40000 × 40000 pixels",
				"scale it down" }, //
			{ "strip.png", "a 1000 × 20 strip", "UNCLEAR", "(\"Image 9 of 9: ...\" in a fit)",
				"more than 32 times longer than wide" }, //
			{ "unit.tif", "a 32-bit image in 0–1", "ACCEPTED", "(scored as black, normal)",
				"is 32-bit with values from", "on the 0–255 scale" }, //
			{ "signed.tif", "a 32-bit image with negative values", "ACCEPTED", "(scored)",
				"is 32-bit with values from -" }, //
			{ "text.png", "a text file named .png", "REFUSED", "",
				"not an image in a format this reader knows" }, //
			{ "empty.png", "an empty file", "REFUSED", "",
				"not an image in a format this reader knows" }, //
			{ "composite.tif", "a two-channel composite", "REFUSED", "",
				"has 2 channels" } })
		{
			final String file = c[0];
			t.add(check("images", c[1] + " (" + file + ")", Before.valueOf(c[2]),
				c[3], in, () -> skipped.get().get(file), java.util.Arrays.copyOfRange(
					c, 4, c.length)));
		}
		t.add(check("images", "a 32-bit image with a NaN pixel (nan.tif)",
			Before.REFUSED, "", in, () -> {
				run.get();
				assertNull(skipped.get().get("nan.tif"));
				return Files.readAllLines(out.resolve(FolderScoring.SCORES_CSV))
					.stream().filter(l -> l.startsWith("nan.tif,")).findFirst().orElse(
						"no score row");
			}, "nan.tif,1,"));
		t.add(check("images", "a.png and a.tif in one folder", Before.ACCEPTED,
			"(one map a_map.tif: a.tif skipped as \"exists already\")", in, () -> {
				run.get();
				assertTrue(Files.exists(out.resolve("a.png_map.tif")));
				assertTrue(Files.exists(out.resolve("a.tif_map.tif")));
				return "maps a.png_map.tif and a.tif_map.tif";
			}, "a.png_map.tif", "a.tif_map.tif"));
		t.add(check("images", "skipped images and the scores", Before.ACCEPTED,
			"(the skipped a.tif still had a score row)", in, () -> {
				run.get();
				final List<String> rows = Files.readAllLines(out.resolve(
					FolderScoring.SCORES_CSV));
				return rows.size() - 1 + " score rows (a.png, a.tif, 3 slices of " +
					"stack.tif, nan.tif), " + skipped.get().size() +
					" files in skipped.csv";
			}, "6 score rows", "13 files in skipped.csv"));
		return t.stream();
	}

	// -- a fit's training images

	@TestFactory
	Stream<DynamicTest> trainingImages() throws Exception {
		final Path in = Files.createDirectories(base.resolve("train/in"));
		HostileFiles.png(in.resolve("good.png"), HostileFiles.noise("g", 64, 64,
			21));
		HostileFiles.tiff(in.resolve("stack.tif"), HostileFiles.stack(64, 64, 3,
			22));
		HostileFiles.png(in.resolve("blank.png"), HostileFiles.blank(64, 64,
			255));
		HostileFiles.truncate(HostileFiles.jpeg(in.resolve("cut.jpg"), HostileFiles
			.noise("cut", 256, 256, 23)), 0.6);
		HostileFiles.pngOfSize(in.resolve("strip.png"), 1000, 20, 24);
		final Path bad = Files.createDirectories(base.resolve("train/bad"));
		HostileFiles.png(bad.resolve("blank.png"), HostileFiles.blank(64, 64, 7));
		final Memo<TrainingImages> checked = new Memo<>(() -> TrainingImages.check(
			ImageFolder.scan(in, ImageFolder.DEFAULT_PATTERN, false),
			ImageFolder.DEFAULT_PATTERN, Preprocessing.defaults(), Progress.none()));
		final Path model = base.resolve("train/fitted.tailedcore");
		return Stream.of( //
			check("training images", "a 3-slice stack among the training images",
				Before.ACCEPTED, "(the fit read slice 1, scoring read 3)", in,
				() -> checked.get().sliceCount() + " training images from " + checked
					.get().files().size() + " files (good.png, 3 slices of stack.tif)",
				"4 training images from 2 files"), //
			check("training images", "a blank training image", Before.ACCEPTED,
				"(entered the memory bank)", in, () -> reason(checked.get(),
					"blank.png"), "it is blank (every pixel is 255)"), //
			check("training images", "a truncated training JPEG", Before.ACCEPTED,
				"(entered the bank, grey below the cut)", in, () -> reason(checked
					.get(), "cut.jpg"), "damaged or truncated"), //
			check("training images", "a 1000 × 20 training image", Before.UNCLEAR,
				"(\"Image 9 of 9: ...\" after the features, then the usage)", in,
				() -> reason(checked.get(), "strip.png"),
				"it is 1000 × 20 pixels, more than 32 times longer than wide"), //
			check("training images", "a folder of unusable images only",
				Before.ACCEPTED, "(fitted on a blank image)", bad, () -> {
					try {
						TrainingImages.check(ImageFolder.scan(bad, "*.png", false), "*.png",
							Preprocessing.defaults(), Progress.none());
						return "accepted";
					}
					catch (final IOException e) {
						return e.getMessage();
					}
				}, "No usable training images", "blank"), //
			check("training images", "fit on the folder above (real backbone)",
				Before.ACCEPTED, "(4 images, 1 slice of the stack)", in, () -> {
					final String r = Cli.run("fit", "--train", Cli.path(in), "--method",
						"patchcore", "--model", Cli.path(model));
					return r + "; model of " + ModelFile.load(model).summary()
						.imageCount() + " training images";
				}, "[exit 0]", "model of 4 training images"));
	}

	// -- batch output folders

	@TestFactory
	Stream<DynamicTest> outputFolders() throws Exception {
		final Path dir = base.resolve("outputs");
		final Path in = Files.createDirectories(dir.resolve("in"));
		HostileFiles.png(in.resolve("a.png"), HostileFiles.noise("a", 64, 64, 31));
		HostileFiles.png(in.resolve("b.png"), HostileFiles.noise("b", 64, 64, 32));
		final Path link = Files.createSymbolicLink(dir.resolve("link"), in);
		final Path aFile = Files.writeString(dir.resolve("a-file"), "x");
		final Path locked = Files.createDirectories(dir.resolve("locked"));
		Files.writeString(locked.resolve(RunLock.NAME), "host=" + hostName() +
			" pid=" + ProcessHandle.current().pid() + " started=now run=other\n");
		final Path stale = Files.createDirectories(dir.resolve("stale"));
		Files.writeString(stale.resolve(RunLock.NAME), "host=" + hostName() +
			" pid=" + deadPid() + " started=then run=killed\n");
		final Path done = dir.resolve("done");
		final Path redo = dir.resolve("redo");
		return Stream.of( //
			scoreCase(dir, in, "the output folder is the input folder",
				Before.ACCEPTED, "(a re-run scored the overlays)", in, "[exit 1]",
				"is the input folder", "Choose an output folder outside"), //
			scoreCase(dir, in, "the output folder inside the input folder",
				Before.ACCEPTED, "(a re-run scored the overlays)", in.resolve(
					"scores"), "[exit 1]", "inside the input folder"), //
			scoreCase(dir, in, "the output folder reached through a link into " +
				"the input", Before.ACCEPTED, "(a re-run scored the overlays)", link
					.resolve("out"), "[exit 1]", "inside the input folder"), //
			scoreCase(dir, in, "the output folder is a file", Before.UNCLEAR,
				"(every image skipped, then \"Cannot write the results\")", aFile,
				"[exit 1]", "it is a file, not a folder"), //
			scoreCase(dir, in, "an output folder that cannot be made (under a file)",
				Before.UNCLEAR, "(noticed after every image was run)", aFile.resolve(
					"out"), "[exit 1]", "Cannot write into the output folder",
				"nothing was written"), //
			scoreCase(dir, in, "a second run into a folder another run writes",
				Before.ACCEPTED, "(both exit 0; maps of two models mixed)", locked,
				"[exit 1]", "Another TailedCore run is writing into",
				"delete " + Cli.path(locked.resolve(RunLock.NAME))), //
			scoreCase(dir, in, "the lock of a killed run (dead process)",
				Before.ACCEPTED, "(no lock: the folder looked complete)", stale,
				"[exit 0]"), //
			check("batch outputs", "a second run without --overwrite",
				Before.REFUSED, "", in, () -> {
					Cli.run("score", "--model", Cli.path(imageModel()), "--input", Cli
						.path(in), "--output", Cli.path(done));
					final UserFiles first = UserFiles.of(done);
					final String r = Cli.run("score", "--model", Cli.path(imageModel()),
						"--input", Cli.path(in), "--output", Cli.path(done));
					assertEquals(first, UserFiles.of(done), "the outputs changed");
					return r;
				}, "[exit 1]", "outputs exist already"), //
			check("batch outputs", "an --overwrite run interrupted after one image",
				Before.ACCEPTED, "(old scores.csv beside new maps: looked complete)",
				in, () -> interrupted(in, redo), "no scores.csv",
				"scores.partial.csv with 1 row", "no lock"));
	}

	// -- writing files

	@TestFactory
	Stream<DynamicTest> writes() throws Exception {
		final Path dir = Files.createDirectories(base.resolve("writes"));
		return Stream.of( //
			check("writing files", "200 races of two writers for one new file",
				Before.ACCEPTED, "(19 of 200: both succeeded, one file lost)", dir
					.resolve("user"), () -> races(dir.resolve("races"), 200),
				"200 of 200 races: one writer won, the other was refused"), //
			check("writing files", "a write that fails halfway", Before.REFUSED, "",
				dir.resolve("user"), () -> {
					final Path folder = Files.createDirectories(dir.resolve("failing"));
					try {
						AtomicWrite.write(folder.resolve("m.bin"), false, out -> {
							out.write(new byte[1000]);
							throw new IOException("disk full");
						});
					}
					catch (final IOException e) {
						return e.getMessage() + "; files left: " + list(folder);
					}
					return "written";
				}, "disk full; files left: []"), //
			check("writing files", "the temporary file of a killed save",
				Before.ACCEPTED, "(a hidden file the size of the model, forever)", dir
					.resolve("user"), () -> {
						final Path folder = Files.createDirectories(dir.resolve("killed"));
						Files.write(folder.resolve(".m.tailedcore." + hostName() + "-" +
							deadPid() + ".k1.tmp"), new byte[4096]);
						Files.write(folder.resolve(".m.tailedcore." + hostName() + "-" +
							ProcessHandle.current().pid() + ".k2.tmp"), new byte[1]);
						AtomicWrite.write(folder.resolve("other.bin"), false, out -> out
							.write(1));
						return "after the next write: " + list(folder);
					}, "[.m.tailedcore." + hostName() + "-" + ProcessHandle.current().pid() +
						".k2.tmp, other.bin]"), //
			check("writing files", "the mode of a new output", Before.ACCEPTED,
				"(0600 whatever the umask)", dir.resolve("user"), () -> {
					final Path folder = Files.createDirectories(dir.resolve("modes"));
					final Path plain = Files.createFile(folder.resolve("plain"));
					AtomicWrite.write(folder.resolve("written"), false, out -> out.write(
						1));
					return "umask gives " + mode(plain) + ", written " + mode(folder
						.resolve("written"));
				}, "umask gives " + umaskMode(dir) + ", written " + umaskMode(dir)), //
			check("writing files", "Calibrate Threshold's save over a 0644 model",
				Before.ACCEPTED, "(turned it into 0600)", dir.resolve("user"), () -> {
					final Path m = Files.createDirectories(dir.resolve("calibrate"))
						.resolve("m.tailedcore");
					Files.copy(featureModel(), m);
					Files.setPosixFilePermissions(m, PosixFilePermissions.fromString(
						"rw-r--r--"));
					final TailedCoreModel model = ModelFile.load(m);
					model.setThreshold(new Threshold(1.5, "calibrated"));
					ModelFile.save(model, m, true);
					return "mode after saving: " + mode(m);
				}, "mode after saving: rw-r--r--"));
	}

	// -- messages of the error boundary and the macro API

	@TestFactory
	Stream<DynamicTest> errorMessages() throws Exception {
		final Path dir = Files.createDirectories(base.resolve("messages"));
		final Path in = Files.createDirectories(dir.resolve("in"));
		HostileFiles.png(in.resolve("a.png"), HostileFiles.noise("a", 64, 64, 41));
		final Path mine = Files.writeString(Files.createDirectories(dir.resolve(
			"mine")).resolve("m.tailedcore"), "the user's model");
		return Stream.of( //
			check("error messages", "a backbone download that cannot connect",
				Before.UNCLEAR, "(\"Error: null\")", dir.resolve("user"), () -> {
					final Path models = Files.createDirectories(dir.resolve("models"));
					final Path json = Files.writeString(models.resolve("remote.json"),
						Files.readString(Path.of("../shared/models/" +
							BackboneLocator.DEFAULT_BACKBONE + ".json")).replaceFirst(
								"\"file\"\\s*:\\s*\"[^\"]*\"", "\"file\": \"remote.onnx\", " +
									"\"url\": \"http://127.0.0.1:1/remote.onnx\""));
					try {
						new BackboneDownloader().download(BackboneManifest.read(json),
							models);
						return "downloaded";
					}
					catch (final IOException e) {
						return ErrorMessage.of(e, "fitting");
					}
				}, "Could not download the backbone", "ConnectException, no details " +
					"given", "Check the network connection"), //
			check("error messages", "a bare number as the message",
				Before.UNCLEAR, "(\"Error: -200704\")", dir.resolve("user"),
				() -> ErrorMessage.of(new NegativeArraySizeException("-200704"),
					"running fit --features f.npy"), "Internal error " +
						"(NegativeArraySizeException: -200704 at",
				"while running fit --features f.npy", "This is a bug in TailedCore"), //
			check("error messages", "an OutOfMemoryError inside an " +
				"ExecutionException", Before.CRASH, "(stack trace)", dir.resolve(
					"user"), () -> ErrorMessage.of(new ExecutionException(
						new OutOfMemoryError("Java heap space")), "scoring /data"),
				"Java ran out of memory", "while scoring /data"), //
			check("error messages", "an UnsatisfiedLinkError from ONNX Runtime",
				Before.CRASH, "(stack trace)", dir.resolve("user"), () -> ErrorMessage
					.of(new UnsatisfiedLinkError("no onnxruntime in java.library.path"),
						"loading the backbone"), "ONNX Runtime's native library could " +
							"not be loaded", "java.io.tmpdir"), //
			check("macro API", "scoreFolder with output_dir inside input_dir",
				Before.ACCEPTED, "(scored)", in, () -> TailedCoreMacro.scoreFolder(
					"input_dir=[" + in + "] model_file=[" + imageModel() +
						"] output_dir=[" + in.resolve("out") + "]" + KEEP), "Error: The " +
							"output folder", "inside the input folder"), //
			check("macro API", "scoreFolder with output_dir naming a file",
				Before.UNCLEAR, "(every image skipped, then \"Cannot write the " +
					"results\")", mine.getParent(), () -> TailedCoreMacro.scoreFolder(
						"input_dir=[" + in + "] model_file=[" + imageModel() +
							"] output_dir=[" + mine + "]" + KEEP), "Error: Cannot write into " +
								"the output folder", "it is a file, not a folder"), //
			check("macro API", "fit onto an existing model file", Before.REFUSED, "",
				mine.getParent(), () -> TailedCoreMacro.fit("training_dir=[" + in +
					"] model_file=[" + mine + "]"), "Error: Not saving the model",
				"already exists"));
	}

	@AfterAll
	static void writeTable() throws IOException {
		final StringBuilder md = new StringBuilder();
		md.append("| # | area | hostile or careless input | before | now |\n");
		md.append("|---|---|---|---|---|\n");
		int n = 0;
		final Map<Before, Integer> counts = new TreeMap<>();
		int newlyRefused = 0;
		for (final Row r : TABLE.values()) {
			md.append("| ").append(++n).append(" | ").append(r.area()).append(" | ")
				.append(r.input()).append(" | ").append(r.before().name().toLowerCase(
					java.util.Locale.ROOT)).append(r.was().isEmpty() ? "" : " " + r.was())
				.append(" | ").append(r.now().replace("|", "\\|")).append(" |\n");
			counts.merge(r.before(), 1, Integer::sum);
		}
		int handled = 0;
		for (final Row r : TABLE.values())
			if (r.before() == Before.ACCEPTED) {
				if (refusal(r.now())) newlyRefused++;
				else handled++;
			}
		md.append("\n").append(n).append(" cases. Before the fixes: ").append(
			counts).append(". Of the ").append(newlyRefused + handled).append(
				" inputs that were accepted (a silent wrong answer or a loss), ")
			.append(newlyRefused).append(" are now refused with a message and ")
			.append(handled).append(" are now handled correctly.\n");
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target", "hostile-inputs.md"), md.toString());
	}

	// -- the cases' machinery

	/** An RFC 4180 field as its text. */
	private static String unquote(final String field) {
		return field.startsWith("\"") && field.endsWith("\"") ? field.substring(1,
			field.length() - 1).replace("\"\"", "\"") : field;
	}

	/** Whether a recorded outcome is a refusal (an error, a skip reason). */
	private static boolean refusal(final String now) {
		final String m = now;
		return m.matches("\\[exit [1-9]\\].*") || m.startsWith("Error") || m
			.matches("(it |Image |Cannot |No usable).*");
	}

	/**
	 * A case: runs {@code action}, asserts that its message holds every
	 * {@code expected} part and that nothing under {@code user} changed, and
	 * records the row.
	 */
	private static DynamicTest check(final String area, final String input,
		final Before before, final String was, final Path user,
		final Action action, final String... expected)
	{
		final String key = String.format("%s/%03d", area, CASES.incrementAndGet());
		return dynamicTest(area + ": " + input, () -> {
			final UserFiles snapshot = UserFiles.of(user);
			final String message = action.run();
			assertTrue(message != null, "no message");
			for (final String part : expected)
				assertTrue(message.contains(part), "expected '" + part + "' in: " +
					message);
			assertEquals(snapshot, UserFiles.of(user), "a user file changed");
			assertFalse(Files.exists(Path.of("true")), "wrote ./true");
			TABLE.put(key, new Row(area, input, before, was, normalise(message)));
		});
	}

	/** A command-line case: nothing at all may be written. */
	private DynamicTest cli(final String input, final Before before,
		final String was, final String expected, final int exit,
		final String... args)
	{
		return check("command line", input, before, was, base.resolve("cli-user"),
			() -> Cli.run(args), "[exit " + exit + "]", expected);
	}

	private static DynamicTest npyCase(final Path dir, final String input,
		final Before before, final String was, final Path npy, final String model,
		final String... expected)
	{
		final String[] all = new String[expected.length + 1];
		all[0] = "[exit 1]";
		System.arraycopy(expected, 0, all, 1, expected.length);
		return check("feature arrays", input, before, was, dir, () -> Cli.run(
			"fit", "--features", Cli.path(npy), "--method", "patchcore", "--model",
			model), all);
	}

	private static DynamicTest modelCase(final Path dir, final String input,
		final Before before, final String was, final Path model,
		final String npy, final String... expected)
	{
		final String[] all = new String[expected.length + 1];
		all[0] = "[exit 1]";
		System.arraycopy(expected, 0, all, 1, expected.length);
		return check("model file to read", input, before, was, dir, () -> Cli.run(
			"score", "--model", Cli.path(model), "--features", npy), all);
	}

	/** A score run of {@code in} into {@code out}; {@code in} must not change. */
	private static DynamicTest scoreCase(final Path dir, final Path in,
		final String input, final Before before, final String was,
		final Path out, final String... expected)
	{
		return check("batch outputs", input, before, was, in, () -> Cli.run(
			"score", "--model", Cli.path(imageModel()), "--input", Cli.path(in),
			"--output", Cli.path(out)), expected);
	}

	/** Fails if the fit started (its progress was printed). */
	private static String noFitStarted(final String outcome) {
		assertFalse(outcome.contains("fitted in"), outcome);
		return outcome;
	}

	/** The reason a training image was skipped. */
	private static String reason(final TrainingImages images, final String name) {
		return images.skipped().stream().filter(s -> s.file().getFileName()
			.toString().equals(name)).map(ImageFolder.Skipped::reason).findFirst()
			.orElse("not skipped");
	}

	/**
	 * A completed run into {@code out}, then an {@code --overwrite} run that
	 * is canceled after its first image: what the folder shows.
	 */
	private static String interrupted(final Path in, final Path out)
		throws Exception
	{
		Cli.run("score", "--model", Cli.path(imageModel()), "--input", Cli.path(
			in), "--output", Cli.path(out));
		assertTrue(Files.exists(out.resolve(FolderScoring.SCORES_CSV)));
		final AtomicInteger images = new AtomicInteger();
		final Progress cancelAfterOne = new Progress() {

			@Override
			public void stage(final String name) {}

			@Override
			public void update(final long done, final long total) {
				images.set((int) done);
			}

			@Override
			public boolean isCanceled() {
				return images.get() >= 1;
			}
		};
		try (ImageScorer scorer = ImageScorer.open(imageModel())) {
			new FolderScoring(new ImagePlusScoring(scorer, scorer.model()
				.threshold(), HeatmapOverlay.DEFAULT_OPACITY, true, false),
				cancelAfterOne, s -> {}).score(in, ImageFolder.DEFAULT_PATTERN, false,
					out, true);
			return "not canceled";
		}
		catch (final CancellationException e) {
			final Path partial = out.resolve("scores.partial.csv");
			return (Files.exists(out.resolve(FolderScoring.SCORES_CSV))
				? "scores.csv" : "no scores.csv") + ", " + (Files.exists(partial)
					? "scores.partial.csv with " + (Files.readAllLines(partial).size() -
						1) + " row" : "no partial file") + ", " + (Files.exists(out.resolve(
							RunLock.NAME)) ? "a lock" : "no lock");
		}
	}

	/** Races two no-overwrite writers for one new file, {@code trials} times. */
	private static String races(final Path dir, final int trials)
		throws Exception
	{
		Files.createDirectories(dir);
		int clean = 0;
		String refusal = "";
		for (int i = 0; i < trials; i++) {
			final Path target = dir.resolve("out-" + i + ".bin");
			final CountDownLatch start = new CountDownLatch(1);
			final List<String> outcomes = new java.util.concurrent.CopyOnWriteArrayList<>();
			final List<Thread> writers = new ArrayList<>();
			for (int w = 0; w < 2; w++) {
				final byte[] content = ("writer " + w).getBytes(StandardCharsets.UTF_8);
				final Thread thread = new Thread(() -> {
					try {
						start.await();
						AtomicWrite.write(target, false, out -> out.write(content));
						outcomes.add("won");
					}
					catch (final FileAlreadyExistsException e) {
						outcomes.add("refused: " + e.getMessage());
					}
					catch (final Exception e) {
						outcomes.add("failed: " + e);
					}
				});
				thread.start();
				writers.add(thread);
			}
			start.countDown();
			for (final Thread w : writers)
				w.join();
			final long won = outcomes.stream().filter("won"::equals).count();
			if (won == 1 && outcomes.size() == 2) clean++;
			for (final String o : outcomes)
				if (o.startsWith("refused")) refusal = o;
		}
		return clean + " of " + trials + " races: one writer won, the other was " +
			"refused (" + normalise(refusal) + "); " + list(dir).size() + " files";
	}

	// -- fixtures

	/** 20 images of a 3 × 3 grid of 8-d patch features. */
	private static synchronized Path trainingFeatures() throws IOException {
		final Path f = base.resolve("fixtures/train.npy");
		if (!Files.exists(f)) npy(f, 1, "<f4", "False", "20, 3, 3, 8", floats(
			features(20 * 72, 99)));
		return f;
	}

	/** A PatchCore model fitted on {@link #trainingFeatures()}. */
	private static synchronized Path featureModel() throws IOException {
		if (featureModel == null) featureModel = fitFeatures("patchcore",
			"patchcore.tailedcore");
		return featureModel;
	}

	/** A SoftPatch model (with weights) fitted on the same features. */
	private static synchronized Path softModel() throws IOException {
		if (softModel == null) softModel = fitFeatures("softpatch",
			"softpatch.tailedcore");
		return softModel;
	}

	private static Path fitFeatures(final String method, final String name)
		throws IOException
	{
		final Path m = base.resolve("fixtures").resolve(name);
		final String r = Cli.run("fit", "--features", Cli.path(trainingFeatures()),
			"--method", method, "--model", Cli.path(m));
		if (!Files.exists(m)) throw new IOException("Fixture fit failed: " + r);
		return m;
	}

	/**
	 * A small model with the real default backbone: PatchCore on the features
	 * of two grid images, threshold set by hand (no leave-one-out scoring).
	 */
	private static synchronized Path imageModel() throws IOException {
		if (imageModel != null) return imageModel;
		try (FeatureExtractor fx = FeatureExtractor.open(BackboneLocator
			.standard().resolve(BackboneLocator.DEFAULT_BACKBONE)))
		{
			final Path train = Path.of("test-images", "grid", "train", "good");
			final TailedCoreModel model = new TailedCore(TailedCoreSettings.builder()
				.method(Method.PATCHCORE).coresetRatio(0.1).build(), null).fit(fx
					.extractAll(List.of(ImageSource.of(train.resolve("000.png")),
						ImageSource.of(train.resolve("001.png"))), Progress.none()), fx
							.backboneId(), TailViewSource.NONE, Progress.none());
			model.setThreshold(new Threshold(100, "set by the test"));
			imageModel = base.resolve("fixtures/image.tailedcore");
			ModelFile.save(model, imageModel, true);
		}
		return imageModel;
	}

	/** A .npy whose v2 header claims 0x7ffffff0 header bytes. */
	private static Path headerLength(final Path file) throws IOException {
		final byte[] b = new byte[64];
		System.arraycopy(new byte[] { (byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 2, 0,
			(byte) 0xf0, (byte) 0xff, (byte) 0xff, 0x7f }, 0, b, 0, 12);
		return Files.write(file, b);
	}

	/** A sparse .npy of (1, 2147483000) float32: 8.6 GB on paper. */
	private static Path bigNpy(final Path file) throws IOException {
		final Path head = npy(file.resolveSibling("head.npy"), 1, "<f4", "False",
			"1, 2147483000, 1, 1", new byte[0]);
		final byte[] header = Files.readAllBytes(head);
		Files.delete(head);
		return HostileFiles.sparse(file, header, header.length + 2147483000L * 4);
	}

	/**
	 * The feature model with a manifest claiming 10^8 vectors and a zip
	 * directory whose memory.bin size says the same (3.2 GB) over a few
	 * compressed bytes.
	 */
	private static Path lyingZipSize(final Path good, final Path target)
		throws IOException
	{
		final Path forged = HostileFiles.rewrite(good, target, "manifest.json",
			HostileFiles.manifestValue("size", "100000000"));
		final byte[] zip = Files.readAllBytes(forged);
		final byte[] name = "memory.bin".getBytes(StandardCharsets.US_ASCII);
		for (int i = 0; i + 46 + name.length < zip.length; i++) {
			if (zip[i] != 0x50 || zip[i + 1] != 0x4b || zip[i + 2] != 1 ||
				zip[i + 3] != 2) continue;
			if (!java.util.Arrays.equals(java.util.Arrays.copyOfRange(zip, i + 46, i +
				46 + name.length), name)) continue;
			final java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(zip).order(
				java.nio.ByteOrder.LITTLE_ENDIAN);
			b.putInt(i + 24, (int) 3_200_000_000L);
		}
		return Files.write(forged, zip);
	}

	/** The feature model with a bank of 2M vectors (64 MB of zeros). */
	private static Path bigModel(final Path target) throws IOException {
		final int vectors = 2_000_000;
		final Path withSize = HostileFiles.rewrite(featureModel(), target
			.resolveSibling("big-manifest.tailedcore"), "manifest.json",
			HostileFiles.manifestValue("size", String.valueOf(vectors)));
		final byte[] bank = new byte[vectors * 8 * 4];
		bank[5] = 1;
		HostileFiles.rewrite(withSize, target, "memory.bin", b -> bank);
		Files.delete(withSize);
		return target;
	}

	private static List<String> list(final Path folder) throws IOException {
		try (Stream<Path> s = Files.list(folder)) {
			return s.map(p -> p.getFileName().toString()).sorted().toList();
		}
	}

	private static String mode(final Path p) throws IOException {
		return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
	}

	/** The mode a plain new file gets here (the umask's). */
	private static String umaskMode(final Path dir) throws IOException {
		final Path probe = Files.createTempDirectory(Files.createDirectories(dir),
			"umask").resolve("probe");
		Files.createFile(probe);
		return mode(probe);
	}

	/** A process id that runs no process. */
	private static long deadPid() throws IOException, InterruptedException {
		final Process p = new ProcessBuilder("true").start();
		p.waitFor();
		return p.pid();
	}

	/** This host as the lock and temporary files name it. */
	private static String hostName() throws IOException {
		return java.net.InetAddress.getLocalHost().getHostName().replaceAll(
			"[^A-Za-z0-9_]", "_");
	}

	/** Paths of this run's temporary folder and of the repository, shortened. */
	private static String normalise(final String message) {
		return message.replace(base.toString(), "…").replace(Path.of("")
			.toAbsolutePath().toString(), ".");
	}

	/** Computes a value; may throw anything. */
	@FunctionalInterface
	private interface Compute<T> {

		T run() throws Exception;
	}

	/** A value computed once, on first use. */
	private static final class Memo<T> {

		private final Compute<T> compute;
		private T value;

		Memo(final Compute<T> compute) {
			this.compute = compute;
		}

		synchronized T get() throws Exception {
			if (value == null) value = compute.run();
			return value;
		}
	}
}
