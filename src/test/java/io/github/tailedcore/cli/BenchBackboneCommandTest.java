package io.github.tailedcore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * One quick run on the bundled MobileNetV2: a row per batch size with
 * positive timings.
 */
class BenchBackboneCommandTest {

	@Test
	void printsARowPerBatchSize() throws Exception {
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		final BenchBackboneCommand command = new BenchBackboneCommand(
			new PrintStream(bytes, true, StandardCharsets.UTF_8));
		assertEquals("bench-backbone", command.name());
		assertEquals(0, command.run(new Arguments("--backbones",
			"mobilenet_v2_imagenet", "--iterations", "1", "--warmup", "0")));
		final List<String[]> rows = Arrays.stream(bytes.toString(
			StandardCharsets.UTF_8).split("\n")).filter(l -> l.startsWith(
				"mobilenet")).map(l -> l.trim().split("\\s+")).collect(Collectors
					.toList());
		assertEquals(2, rows.size());
		assertEquals("1", rows.get(0)[1]);
		assertEquals("8", rows.get(1)[1]);
		for (final String[] row : rows)
			for (int i = 2; i < row.length; i++)
				assertTrue(Double.parseDouble(row[i]) > 0, String.join(" ", row));
	}

	@Test
	void unknownOptionsAreRefused() {
		assertThrows(IllegalArgumentException.class,
			() -> new BenchBackboneCommand().run(new Arguments("--iteration", "3")));
	}
}
