package io.github.tailedcore.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ij.IJ;
import ij.ImagePlus;

import io.github.tailedcore.ij.FolderScoring;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batch macros in a real ImageJ 1.x ({@code ij.ImageJ -batch}) on a
 * virtual display (Xvfb), as a user runs them: {@code fit_folder.ijm} fits a
 * model, {@code score_folder.ijm} scores the example images with it. ImageJ
 * exits 0 even when a macro fails, so the outputs are checked. Skipped where
 * {@code xvfb-run} is missing ({@code .ci/run} installs it).
 */
class MacroBatchTest {

	@TempDir
	Path dir;

	private static boolean onPath(final String program) {
		for (final String d : System.getenv().getOrDefault("PATH", "").split(
			File.pathSeparator))
			if (Files.isExecutable(Paths.get(d, program))) return true;
		return false;
	}

	/** Runs one macro with its argument; returns what ImageJ printed. */
	private String runMacro(final String macro, final String argument)
		throws IOException, InterruptedException
	{
		final List<String> command = new ArrayList<>(List.of("xvfb-run", "-a",
			Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
			"-Djava.awt.headless=false", "--add-modules", "jdk.incubator.vector",
			"-Dtailedcore.shared=" + System.getProperty("tailedcore.shared",
				"../shared"), "-cp", System.getProperty("java.class.path"),
			"ij.ImageJ", "-ijpath", dir.toString(), "-batch", Paths.get("macros",
				macro).toAbsolutePath().toString(), argument));
		final Process p = new ProcessBuilder(command).redirectErrorStream(true)
			.start();
		if (!p.waitFor(300, TimeUnit.SECONDS)) {
			p.destroyForcibly();
			throw new AssertionError(macro + " did not finish in 300 s (a macro " +
				"error dialog, probably).");
		}
		return new String(p.getInputStream().readAllBytes());
	}

	@Test
	void fitAndScoreMacrosRunInImageJ() throws Exception {
		assumeTrue(onPath("xvfb-run"),
			"xvfb-run is not installed (apt-get install -y xvfb xauth)");
		final Path model = dir.resolve("dotted.tailedcore");
		final String fit = runMacro("fit_folder.ijm", Paths.get("test-images",
			"dotted", "train", "good").toAbsolutePath() + "," + model + ",PatchCore");
		assertTrue(fit.contains("Saved " + model), fit);

		final Path out = dir.resolve("scores");
		final String score = runMacro("score_folder.ijm", model + "," + Paths.get(
			"test-images").toAbsolutePath() + "," + out + ",recursive");
		assertTrue(score.contains("Scored"), score);
		final List<String> csv = Files.readAllLines(out.resolve(
			FolderScoring.SCORES_CSV));
		// every PNG of test-images: 39 train + 20 test images + 12 masks
		try (var files = Files.walk(Paths.get("test-images"))) {
			assertEquals(1 + files.filter(f -> f.toString().endsWith(".png"))
				.count(), csv.size());
		}
		final ImagePlus map = IJ.openImage(out.resolve(
			"dotted_test_scratch_000_map.tif").toString());
		assertEquals(256, map.getWidth());
		assertEquals(32, map.getBitDepth());
	}
}
