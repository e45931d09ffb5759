package io.github.tailedcore.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.measure.ResultsTable;
import io.github.tailedcore.Threshold;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rows, verdicts and the exact CSV text. */
class ResultsTablesTest {

	@TempDir
	Path dir;

	private static ResultsTable threeRows() {
		final ResultsTable t = new ResultsTable();
		final Threshold tau = new Threshold(1.0, "test");
		ResultsTables.addScore(t, "a.png", 1, 0.5, tau);
		ResultsTables.addScore(t, "b.tif", 2, 1.0, tau); // s ≥ τ is anomalous
		ResultsTables.addScore(t, "c, \"d\".png", 1, 2.25, null);
		return t;
	}

	@Test
	void oneRowPerImageWithItsVerdict() {
		final ResultsTable t = threeRows();
		assertEquals(3, t.size());
		assertEquals("b.tif", t.getStringValue(ResultsTables.IMAGE, 1));
		assertEquals(2, t.getValue(ResultsTables.SLICE, 1));
		assertEquals(2.25, t.getValue(ResultsTables.SCORE, 2));
		assertEquals(1.0, t.getValue(ResultsTables.THRESHOLD, 0));
		assertTrue(Double.isNaN(t.getValue(ResultsTables.THRESHOLD, 2)));
		assertEquals(ResultsTables.NORMAL, t.getStringValue(ResultsTables.VERDICT,
			0));
		assertEquals(ResultsTables.ANOMALOUS, t.getStringValue(
			ResultsTables.VERDICT, 1));
		assertEquals(ResultsTables.NO_THRESHOLD, t.getStringValue(
			ResultsTables.VERDICT, 2));
	}

	@Test
	void csvIsQuotedAndAtFullPrecision() throws IOException {
		final ResultsTable t = threeRows();
		ResultsTables.addScore(t, "e.png", 3, 1.0 / 3, new Threshold(0.125, ""));
		final Path csv = dir.resolve("out").resolve("scores.csv");
		ResultsTables.writeCsv(t, csv, false);
		assertEquals(List.of( //
			"image,slice,score,threshold,verdict", //
			"a.png,1,0.5,1,normal", //
			"b.tif,2,1,1,anomalous", //
			"\"c, \"\"d\"\".png\",1,2.25,NaN,no threshold", //
			"e.png,3,0.3333333333333333,0.125,anomalous"), Files.readAllLines(csv,
				StandardCharsets.UTF_8));
	}

	@Test
	void csvReplacesTheOldFileAndLeavesNoTemporaryFile() throws IOException {
		final Path csv = Files.writeString(dir.resolve("scores.csv"), "old\n");
		ResultsTables.writeCsv(threeRows(), csv, true);
		assertEquals(4, Files.readAllLines(csv).size());
		try (Stream<Path> files = Files.list(dir)) {
			assertEquals(List.of(csv), files.toList());
		}
	}
}
