package io.github.tailedcore.ij;

import ij.measure.ResultsTable;

import io.github.tailedcore.Threshold;
import io.github.tailedcore.io.AtomicWrite;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;

/**
 * Image scores in an ImageJ {@link ResultsTable}, one row per image or stack
 * slice, with the columns {@value #IMAGE}, {@value #SLICE}, {@value #SCORE},
 * {@value #THRESHOLD} and {@value #VERDICT}; and tables written as CSV.
 * <p>
 * The CSV is written here rather than by {@link ResultsTable#saveAs}, whose
 * output depends on global preferences (row numbers, headers) and which
 * does not escape quotes: here every table gives the same RFC 4180 file,
 * numbers at full precision, and the file appears whole or not at all
 * (written beside the target, then published in one step).
 * </p>
 */
public final class ResultsTables {

	public static final String IMAGE = "image";
	/** 1-based stack index. */
	public static final String SLICE = "slice";
	public static final String SCORE = "score";
	/** τ, or NaN when no threshold is set. */
	public static final String THRESHOLD = "threshold";
	/** {@value #ANOMALOUS}, {@value #NORMAL} or {@value #NO_THRESHOLD}. */
	public static final String VERDICT = "verdict";
	public static final String ANOMALOUS = "anomalous";
	public static final String NORMAL = "normal";
	public static final String NO_THRESHOLD = "no threshold";

	private ResultsTables() {}

	/** The columns {@link #addScore} fills, in order. */
	public static final String[] SCORE_COLUMNS = { IMAGE, SLICE, SCORE,
		THRESHOLD, VERDICT };

	/**
	 * Appends a row: the image, its slice, its score s and the verdict s ≥ τ.
	 *
	 * @param threshold τ, or {@code null} if none is set
	 * @throws IllegalArgumentException if the score is not a finite number,
	 *           which no verdict can be given for (a NaN is never ≥ τ and
	 *           would be called normal)
	 */
	public static void addScore(final ResultsTable table, final String image,
		final int slice, final double score, final Threshold threshold)
	{
		if (!Double.isFinite(score)) throw new IllegalArgumentException("The " +
			"score of " + image + (slice > 1 ? " (slice " + slice + ")" : "") +
			" is " + score + ", not a number a verdict can be given for; the " +
			"model or the image holds values that are not finite. Fit the model " +
			"again, or check the image.");
		table.incrementCounter();
		table.addValue(IMAGE, image);
		table.addValue(SLICE, slice);
		table.addValue(SCORE, score);
		table.addValue(THRESHOLD, threshold == null ? Double.NaN : threshold
			.value());
		table.addValue(VERDICT, threshold == null ? NO_THRESHOLD : threshold
			.isAnomalous(score) ? ANOMALOUS : NORMAL);
	}

	/**
	 * Writes any results table as CSV (UTF-8, header line, row labels as
	 * their column), complete or not at all ({@link AtomicWrite}), creating
	 * its folder if needed.
	 *
	 * @param overwrite whether an existing {@code file} may be replaced
	 * @throws IOException naming the file if it cannot be written or exists
	 */
	public static void writeCsv(final ResultsTable table, final Path file,
		final boolean overwrite) throws IOException
	{
		try {
			AtomicWrite.write(file, overwrite, out -> {
				final Writer writer = new OutputStreamWriter(out,
					StandardCharsets.UTF_8);
				final String[] headings = table.getHeadings();
				writeHeader(headings, writer);
				for (int row = 0; row < table.size(); row++)
					writeRow(table, row, headings, writer);
				writer.flush();
			});
		}
		catch (final FileAlreadyExistsException e) {
			throw new IOException(file + " exists already; choose another output " +
				"folder, or allow overwriting.", e);
		}
		catch (final IOException e) {
			throw new IOException("Cannot write the results to " + file + ": " + e
				.getMessage(), e);
		}
	}

	/** Writes the CSV header line of {@code headings}. */
	static void writeHeader(final String[] headings, final Writer out)
		throws IOException
	{
		for (int c = 0; c < headings.length; c++)
			out.write((c > 0 ? "," : "") + quote(headings[c]));
		out.write('\n');
	}

	/** Writes one row of {@code table} as a CSV line of {@code headings}. */
	static void writeRow(final ResultsTable table, final int row,
		final String[] headings, final Writer out) throws IOException
	{
		for (int c = 0; c < headings.length; c++)
			out.write((c > 0 ? "," : "") + quote(cell(table, headings[c], row)));
		out.write('\n');
	}

	/** A cell as text: a string, a number at full precision, or a row label. */
	private static String cell(final ResultsTable table, final String heading,
		final int row)
	{
		final int column = table.getColumnIndex(heading);
		if (column == ResultsTable.COLUMN_NOT_FOUND) {
			final String label = table.getLabel(row);
			return label == null ? "" : label;
		}
		final double v = table.getValueAsDouble(column, row);
		if (Double.isNaN(v)) {
			final String s = table.getStringValue(column, row);
			return s == null ? "" : s;
		}
		if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString(
			(long) v);
		return Double.toString(v);
	}

	/** RFC 4180: quote a field holding a comma, quote or line break. */
	static String quote(final String field) {
		if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf(
			'\n') < 0 && field.indexOf('\r') < 0) return field;
		return '"' + field.replace("\"", "\"\"") + '"';
	}
}
