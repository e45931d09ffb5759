package io.github.tailedcore.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a CSV file as its writer wrote them (RFC 4180, each row
 * ending in a line feed, a field with a comma, quote or line break quoted),
 * each kept as its exact text with its first field read out: what a merge
 * needs to order rows by image and copy them unchanged.
 */
final class CsvRows {

	/**
	 * One row.
	 *
	 * @param first its first field, unquoted
	 * @param text the row as written, line feed included
	 */
	record Row(String first, String text) {}

	private CsvRows() {}

	/**
	 * The rows of {@code file}, header first.
	 *
	 * @throws IOException naming the file if it cannot be read, or does not
	 *           end with a complete row (a file cut short)
	 */
	static List<Row> read(final Path file) throws IOException {
		final String text = Files.readString(file, StandardCharsets.UTF_8);
		final List<Row> rows = new ArrayList<>();
		int start = 0;
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			final char c = text.charAt(i);
			if (c == '"') quoted = !quoted;
			else if (c == '\n' && !quoted) {
				final String row = text.substring(start, i + 1);
				rows.add(new Row(first(row), row));
				start = i + 1;
			}
		}
		if (start < text.length()) throw new IOException(file +
			" ends in the middle of a row: it was cut short.");
		return rows;
	}

	/** The first field of a row, unquoted. */
	private static String first(final String row) {
		if (!row.startsWith("\"")) {
			final int comma = row.indexOf(',');
			return row.substring(0, comma >= 0 ? comma : row.length() - 1);
		}
		final StringBuilder s = new StringBuilder();
		for (int i = 1; i < row.length(); i++) {
			final char c = row.charAt(i);
			if (c != '"') s.append(c);
			else if (i + 1 < row.length() && row.charAt(i + 1) == '"') s.append(
				row.charAt(++i));
			else break;
		}
		return s.toString();
	}
}
