package io.github.tailedcore.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tailedcore.Prerequisite;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example macros in a real ImageJ 1.x under Xvfb, run by Maven's
 * integration-test phase (after the jar is packaged):
 * {@code .ci/xvfb-macro-test.sh .ci/macro-batch-test.ijm} with this JVM's
 * class path as the staged jars. The macro fits a model with
 * {@code macros/fit_folder.ijm}, scores {@code test-images/} with
 * {@code macros/score_folder.ijm} and checks its outputs; since ImageJ
 * exits 0 even when a macro fails, the outputs are checked here too.
 * The backbone comes from the plugin jar: ImageJ starts with an empty
 * home folder and an empty {@code TAILEDCORE_MODELS} folder, into which the
 * bundled backbone must be unpacked. Skipped, saying why, where
 * {@code xvfb-run} is missing; under CI that fails ({@link Prerequisite}).
 */
class MacroBatchIT {

	@TempDir
	Path out;

	@Test
	void scoreFolderMacroOverTheExampleImages() throws Exception {
		Prerequisite.require(onPath("xvfb-run"), "needs xvfb-run on the PATH " +
			"(apt-get install -y xvfb xauth, as .ci/install-test-deps.sh does) to " +
			"run ImageJ 1.x");
		final List<String> jars = Arrays.stream(System.getProperty(
			"java.class.path").split(File.pathSeparator)).filter(p -> p.endsWith(
				".jar")).collect(Collectors.toList());
		Prerequisite.require(jars.stream().anyMatch(j -> Path.of(j).getFileName()
			.toString().startsWith("TailedCore_")), "needs the plugin jar on the " +
				"class path (run it through mvn verify)");
		final Path repo = Path.of("").toAbsolutePath();
		final ProcessBuilder pb = new ProcessBuilder("bash", ".ci/xvfb-macro-test.sh",
			".ci/macro-batch-test.ijm", repo + "|" + out).redirectErrorStream(true);
		pb.environment().put("TAILEDCORE_CLASSPATH", String.join(":", jars));
		final Path models = out.resolve("models");
		pb.environment().put("TAILEDCORE_MODELS", models.toString());
		final Process p = pb.start();
		final String log = new String(p.getInputStream().readAllBytes(),
			StandardCharsets.UTF_8);
		assertEquals(0, p.waitFor(), log);

		final List<String> csv = Files.readAllLines(out.resolve(
			"scores/scores.csv"));
		assertEquals(60, csv.size(), log);
		assertTrue(csv.contains(csv.stream().filter(l -> l.startsWith(
			"grid/test/hole/000.png,1,")).findFirst().orElse("missing")), log);
		assertTrue(Files.size(out.resolve(
			"scores/grid/test/hole/000.png_map.tif")) > 256 * 256 * 4,
			"a 256 x 256 float map");
		assertTrue(Files.exists(out.resolve(
			"scores/dotted/train/good/000.png_overlay.png")));
		assertTrue(Files.isRegularFile(models.resolve(
			"mobilenet_v2_imagenet.onnx")), "the backbone was unpacked from the jar");
	}

	private static boolean onPath(final String program) {
		return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(
			File.pathSeparator)).anyMatch(d -> Files.isExecutable(Path.of(d,
				program)));
	}
}
