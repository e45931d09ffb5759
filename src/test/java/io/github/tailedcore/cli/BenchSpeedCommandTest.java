package io.github.tailedcore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The NN part of bench-speed on a small bank: the search without a JVM flag,
 * the Vector API one (the tests run with the module) and their ratio, in
 * one run.
 */
class BenchSpeedCommandTest {

	@Test
	void printsTheNoFlagSearchAgainstTheVectorApiSearch() throws Exception {
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		assertEquals(0, new BenchSpeedCommand(new PrintStream(bytes, true,
			StandardCharsets.UTF_8)).run(new Arguments("--quick", "--nn-sizes",
				"1000", "--nn-only")));
		final String out = bytes.toString(StandardCharsets.UTF_8);
		assertTrue(out.startsWith("Nearest-neighbour path: ONNX Runtime"), out);
		final Matcher m = Pattern.compile("NN search M = 1000: no flag \\(ONNX " +
			"Runtime\\) ([0-9.]+) GFLOP/s.*; Vector API ([0-9.]+) GFLOP/s.*; " +
			"no-flag ÷ Vector API = ([0-9.]+) \\(goal ≥ 0.8\\)").matcher(out);
		assertTrue(m.find(), out);
		final double onnx = Double.parseDouble(m.group(1));
		final double vector = Double.parseDouble(m.group(2));
		assertTrue(onnx > 0 && vector > 0, out);
		assertEquals(onnx / vector, Double.parseDouble(m.group(3)), 0.01, out);
		assertTrue(out.contains("portable Java search, M = 1000: "), out);
	}
}
