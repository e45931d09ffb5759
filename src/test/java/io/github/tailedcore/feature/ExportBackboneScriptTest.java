package io.github.tailedcore.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.tailedcore.Prerequisite;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code scripts/export_backbone.py} on resnet18 with random weights
 * and loads the result through {@link OnnxBackbone}. Needs a Python with
 * torch and torchvision: the system property {@code tailedcore.python}, else
 * {@code python3}, else {@code /usr/bin/python3} (Debian's
 * {@code python3-torch}); skipped without one, failed under CI
 * ({@link Prerequisite}).
 */
class ExportBackboneScriptTest {

	@Test
	void exportedResNet18LoadsWithItsManifest(@TempDir final Path dir)
		throws Exception
	{
		final String python = findPythonWithTorch();
		Prerequisite.require(python != null, "needs a python3 with torch and " +
			"torchvision (Debian: apt-get install -y python3-torch " +
			"python3-torchvision python3-onnx, as .ci/install-test-deps.sh does)");
		final Path script = Paths.get("scripts", "export_backbone.py");
		final Run export = run(python, script.toString(), "--arch", "resnet18",
			"--weights", "none", "--out", dir.toString());
		assertEquals(0, export.code, export.output);
		final Path json = dir.resolve("resnet18_random.json");
		final BackboneManifest m = BackboneManifest.read(json);
		assertEquals(Sha256.of(m.onnxFile()), m.sha256());
		try (OnnxBackbone b = OnnxBackbone.load(m)) {
			assertEquals(new MapShape(128, 28, 28), b.layer2Shape());
			assertEquals(new MapShape(256, 14, 14), b.layer3Shape());
			final BackboneOutput out = b.run(new float[2 * 3 * 224 * 224], 2);
			assertEquals(2, out.count());
			assertEquals(512, out.embeddings().cols());
			assertEquals(1000, out.logits().cols());
		}
	}

	private static String findPythonWithTorch() throws InterruptedException {
		final List<String> candidates = new ArrayList<>();
		final String configured = System.getProperty("tailedcore.python");
		if (configured != null) candidates.add(configured);
		candidates.add("python3");
		candidates.add("/usr/bin/python3");
		for (final String python : candidates) {
			try {
				if (run(python, "-c", "import torch, torchvision").code == 0)
					return python;
			}
			catch (final IOException e) {
				// not installed: try the next one
			}
		}
		return null;
	}

	private record Run(int code, String output) {}

	private static Run run(final String... command) throws IOException,
		InterruptedException
	{
		final Process p = new ProcessBuilder(command).redirectErrorStream(true)
			.start();
		final byte[] out = p.getInputStream().readAllBytes();
		if (!p.waitFor(5, TimeUnit.MINUTES)) p.destroyForcibly();
		return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
	}
}
