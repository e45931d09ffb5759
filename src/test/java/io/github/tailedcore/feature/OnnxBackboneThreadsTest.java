package io.github.tailedcore.feature;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ONNX Runtime runs on as many intra-op threads as the JVM has processors
 * (a SLURM task's {@code --cpus-per-task}); the features, and so every
 * score, must not depend on that number: the bundled backbone on 1 and on 3
 * threads gives the same bits.
 */
class OnnxBackboneThreadsTest {

	@Test
	void featuresDoNotDependOnTheThreadCount(@TempDir final Path dir)
		throws IOException
	{
		final BackboneLocator.Located bundled = BundledBackbones.unpack(
			BackboneLocator.DEFAULT_BACKBONE, dir);
		final int size = bundled.manifest().inputSize();
		final float[] input = new float[2 * 3 * size * size];
		final Random random = new Random(22);
		for (int i = 0; i < input.length; i++)
			input[i] = (float) random.nextGaussian();
		final BackboneOutput one;
		final BackboneOutput three;
		try (OnnxBackbone b = OnnxBackbone.load(bundled.manifest(), bundled
			.onnxFile(), 1))
		{
			one = b.run(input, 2);
		}
		try (OnnxBackbone b = OnnxBackbone.load(bundled.manifest(), bundled
			.onnxFile(), 3))
		{
			three = b.run(input, 2);
		}
		assertArrayEquals(one.layer2().data(), three.layer2().data());
		assertArrayEquals(one.layer3().data(), three.layer3().data());
		assertArrayEquals(one.embeddings().data(), three.embeddings().data());
	}
}
