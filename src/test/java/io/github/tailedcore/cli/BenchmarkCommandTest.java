package io.github.tailedcore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tailedcore.benchmark.report.BenchmarkReport;
import io.github.tailedcore.benchmark.report.ResultsCsv;
import io.github.tailedcore.benchmark.synthetic.ExampleDataset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny end-to-end run through the real backbone: the example set (four
 * classes, 39 training images at 128 px), one step-k1 split, all three
 * methods, a 1 % coreset and 7 tail views.
 */
class BenchmarkCommandTest {

	@Test
	void writesResultsForEveryMethodAndClass(@TempDir final Path dir)
		throws Exception
	{
		final Path data = dir.resolve("data");
		ExampleDataset.write(data, 3, 128);
		final Path out = dir.resolve("out");
		assertEquals(0, Main.run("benchmark", "--data", data.toString(), "--tail",
			"step-k1", "--seeds", "101", "--coreset-ratio", "0.01",
			"--tail-augmentation", "rotflip", "--output", out.toString()));
		final List<String> csv = Files.readAllLines(out.resolve(
			ResultsCsv.FILE_NAME));
		assertEquals(String.join(",", ResultsCsv.COLUMNS), csv.get(0));
		assertEquals(1 + 3 * 4, csv.size());
		for (final String row : csv.subList(1, csv.size())) {
			final String[] cells = row.split(",", -1);
			assertEquals(ResultsCsv.COLUMNS.size(), cells.length, row);
			final double auroc = Double.parseDouble(cells[7]);
			assertTrue(auroc >= 0 && auroc <= 1, row);
			assertFalse(cells[8].isEmpty(), "the example classes have masks: " + row);
			assertEquals(cells[2].equals("TailedCore"), !cells[14].isEmpty(), row);
		}
		final String md = Files.readString(out.resolve("results.md"));
		assertTrue(md.contains("| Method | step-k1 C_t | C_h | all |"), md);
		assertTrue(Files.size(out.resolve(BenchmarkReport.CHART)) > 0);
		assertTrue(Files.isRegularFile(out.resolve("splits/step-k1-s101/split.csv")));
	}

	@Test
	void refusesBadLists() {
		assertThrows(IllegalArgumentException.class, () -> new BenchmarkCommand()
			.run(new Arguments("--data", "test-images", "--output", "x", "--seeds",
				"1,b")));
		assertThrows(IllegalArgumentException.class, () -> new BenchmarkCommand()
			.run(new Arguments("--data", "test-images", "--output", "x", "--tail",
				"steps")));
	}
}
