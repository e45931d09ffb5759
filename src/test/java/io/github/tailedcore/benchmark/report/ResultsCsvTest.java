package io.github.tailedcore.benchmark.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** One row per (shape, seed, method, class); empty cells for NaN. */
class ResultsCsvTest {

	@Test
	void rowsAndColumns() {
		final List<String> lines = List.of(ResultsCsv.format(HandResults
			.twoSeeds()).split("\n"));
		assertEquals(String.join(",", ResultsCsv.COLUMNS), lines.get(0));
		assertEquals(1 + 2 * 2 * 3, lines.size());
		assertEquals("step-k1,101,TailedCore,a,true,1,0,0.800000,,,,0,100,1.00000," +
			"1,1,1.50000,0.500000", lines.get(1));
		assertEquals("step-k1,101,TailedCore,b,false,3,1,0.900000,0.900000," +
			"0.800000,0.750000,2,100,2.50000,1,1,1.50000,0.500000", lines.get(2));
		assertEquals("step-k1,101,PatchCore,a,true,1,0,0.400000,,,,0,100,,,," +
			"1.50000,0.500000", lines.get(4));
		for (final String line : lines)
			assertEquals(ResultsCsv.COLUMNS.size(), line.split(",", -1).length, line);
	}
}
