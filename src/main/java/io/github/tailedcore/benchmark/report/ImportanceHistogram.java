package io.github.tailedcore.benchmark.report;

import io.github.tailedcore.importance.ImageImportance;
import io.github.tailedcore.importance.ImportanceWeights;
import io.github.tailedcore.importance.TwoPieceGaussian;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import javax.imageio.ImageIO;

/**
 * The histogram of the training images' leave-one-image-out scores
 * s<sub>i</sub> before weighting (grey: each image counts 1) and after
 * (red outline: image i counts w<sub>i</sub>), both as densities over the
 * same bins, with the target q of {@link ImportanceWeights} (blue): the
 * picture of what importance weighting does to the score distribution.
 */
public final class ImportanceHistogram {

	private static final int WIDTH = 640;
	private static final int HEIGHT = 400;
	private static final int LEFT = 50;
	private static final int RIGHT = 20;
	private static final int TOP = 60;
	private static final int BOTTOM = 50;
	private static final int BINS = 30;

	private ImportanceHistogram() {}

	/** Draws the histogram into a PNG file. */
	public static void write(final ImageImportance importance,
		final String title, final Path file) throws IOException
	{
		final Path parent = file.toAbsolutePath().getParent();
		if (parent != null) Files.createDirectories(parent);
		if (!ImageIO.write(draw(importance, title), "png", file.toFile()))
			throw new IOException("Java has no PNG writer to write " + file + ".");
	}

	/** The histogram as an image. */
	public static BufferedImage draw(final ImageImportance importance,
		final String title)
	{
		final double[] s = importance.scores();
		final double[] w = importance.weights();
		final double low = Arrays.stream(s).min().orElse(0);
		final double high = Math.max(low + 1e-12, Arrays.stream(s).max().orElse(
			1));
		final double binWidth = (high - low) / BINS;
		final double[] before = new double[BINS];
		final double[] after = new double[BINS];
		double total = 0;
		for (int i = 0; i < s.length; i++) {
			final int b = Math.min(BINS - 1, (int) ((s[i] - low) / binWidth));
			before[b] += 1.0 / (s.length * binWidth);
			after[b] += w[i];
			total += w[i];
		}
		for (int b = 0; b < BINS; b++)
			after[b] /= total * binWidth;
		final TwoPieceGaussian q = target(s);
		double top = Math.max(Arrays.stream(before).max().orElse(1), Arrays
			.stream(after).max().orElse(1));
		if (q != null) top = Math.max(top, q.density(q.mode()));

		final BufferedImage image = new BufferedImage(WIDTH, HEIGHT,
			BufferedImage.TYPE_INT_RGB);
		final Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING,
			RenderingHints.VALUE_ANTIALIAS_ON);
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, WIDTH, HEIGHT);
		final int plotWidth = WIDTH - LEFT - RIGHT;
		final int plotHeight = HEIGHT - TOP - BOTTOM;
		final double yScale = plotHeight / (1.05 * top);
		final int barWidth = plotWidth / BINS;
		for (int b = 0; b < BINS; b++) {
			final int x = LEFT + b * barWidth;
			final int h = (int) Math.round(before[b] * yScale);
			g.setColor(new Color(0xbbbbbb));
			g.fillRect(x, TOP + plotHeight - h, barWidth - 1, h);
		}
		g.setColor(new Color(0xd62728));
		g.setStroke(new BasicStroke(2));
		for (int b = 0; b < BINS; b++) {
			final int x = LEFT + b * barWidth;
			final int h = (int) Math.round(after[b] * yScale);
			g.drawRect(x, TOP + plotHeight - h, barWidth - 1, h);
		}
		if (q != null) {
			g.setColor(new Color(0x1f77b4));
			int lastX = -1, lastY = -1;
			for (int x = 0; x <= plotWidth; x += 2) {
				final double v = low + (double) x / (barWidth * BINS) * (high - low);
				final int y = TOP + plotHeight - (int) Math.round(q.density(v) *
					yScale);
				if (lastX >= 0) g.drawLine(LEFT + lastX, lastY, LEFT + x, y);
				lastX = x;
				lastY = y;
			}
		}
		g.setStroke(new BasicStroke(1));
		g.setColor(Color.BLACK);
		g.drawLine(LEFT, TOP + plotHeight, LEFT + barWidth * BINS, TOP +
			plotHeight);
		g.drawLine(LEFT, TOP, LEFT, TOP + plotHeight);
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
		for (int k = 0; k <= 4; k++) {
			final double v = low + k * (high - low) / 4;
			final int x = LEFT + k * barWidth * BINS / 4;
			g.drawLine(x, TOP + plotHeight, x, TOP + plotHeight + 4);
			g.drawString(String.format(Locale.ROOT, "%.3g", v), x - 12, TOP +
				plotHeight + 16);
		}
		g.drawString("leave-one-image-out score s (mean squared patch distance)",
			LEFT + 120, HEIGHT - 12);
		g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
		g.drawString(title, LEFT, 22);
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
		legend(g, new Color(0xbbbbbb), "before (each image 1)", LEFT, 44);
		legend(g, new Color(0xd62728), String.format(Locale.ROOT,
			"after (image i counts w_i; w %.2f..%.2f)", Arrays.stream(w).min()
				.orElse(1), Arrays.stream(w).max().orElse(1)), LEFT + 160, 44);
		legend(g, new Color(0x1f77b4), "target q", LEFT + 470, 44);
		g.dispose();
		return image;
	}

	/** q of the scores, or {@code null} if they have no spread. */
	private static TwoPieceGaussian target(final double[] s) {
		if (s.length < 2 || TwoPieceGaussian.medianAbsoluteDeviation(s) == 0)
			return null;
		return ImportanceWeights.defaults().target(s);
	}

	private static void legend(final Graphics2D g, final Color color,
		final String text, final int x, final int y)
	{
		g.setColor(color);
		g.fillRect(x, y - 10, 12, 12);
		g.setColor(Color.BLACK);
		g.drawString(text, x + 16, y);
	}
}
