package io.github.tailedcore.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rows of a CSV kept as written, with their first field read out. */
class CsvRowsTest {

	@TempDir
	Path dir;

	@Test
	void rowsKeepTheirTextAndQuotedNamesAreRead() throws IOException {
		final String text = "image,slice,score\n" + //
			"a.png,1,2.5\n" + //
			"\"b,c.png\",1,3.0\n" + //
			"\"say \"\"hi\"\".png\",2,1.0\n" + //
			"\"two\nlines.png\",1,\"x,y\"\n";
		final Path csv = Files.writeString(dir.resolve("s.csv"), text);
		final List<CsvRows.Row> rows = CsvRows.read(csv);
		assertEquals(List.of("image", "a.png", "b,c.png", "say \"hi\".png",
			"two\nlines.png"), rows.stream().map(CsvRows.Row::first).toList());
		assertEquals(text, rows.stream().map(CsvRows.Row::text).reduce("",
			String::concat));
	}

	@Test
	void aFileCutShortIsRefused() throws IOException {
		final Path csv = Files.writeString(dir.resolve("s.csv"),
			"image,slice\na.png,1\nb.p");
		final IOException e = assertThrows(IOException.class, () -> CsvRows.read(
			csv));
		assertTrue(e.getMessage().contains("cut short"), e.getMessage());
	}
}
