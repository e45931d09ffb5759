package io.github.tailedcore.benchmark.report;

import io.github.tailedcore.benchmark.BenchmarkMethod;
import io.github.tailedcore.benchmark.BenchmarkResults;
import io.github.tailedcore.benchmark.metrics.ClassScores.Group;
import io.github.tailedcore.benchmark.metrics.ClassScores.Metric;
import io.github.tailedcore.benchmark.split.TailShape;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

/**
 * A bar chart of the paper's table for one measure, drawn with Java2D
 * (headless): one panel per tail shape, in each the groups C<sub>t</sub>,
 * C<sub>h</sub> and all, one bar per method with its value × 100 on top.
 * The value axis starts at the lowest value rounded down to ten, so that
 * differences of a few points stay visible.
 */
public final class ResultsChart {

	private static final int PANEL_WIDTH = 420;
	private static final int HEIGHT = 420;
	private static final int TOP = 80;
	private static final int BOTTOM = 60;
	private static final int LEFT = 50;
	private static final Color[] COLORS = { new Color(0xd62728), new Color(
		0x1f77b4), new Color(0x2ca02c), new Color(0x9467bd) };

	private ResultsChart() {}

	/** Draws the chart of {@code metric} into a PNG file. */
	public static void write(final BenchmarkResults results,
		final Metric metric, final String title, final Path file)
		throws IOException
	{
		final Path parent = file.toAbsolutePath().getParent();
		if (parent != null) Files.createDirectories(parent);
		if (!ImageIO.write(draw(results, metric, title), "png", file.toFile()))
			throw new IOException("Java has no PNG writer to write " + file + ".");
	}

	/** The chart of {@code metric} as an image. */
	public static BufferedImage draw(final BenchmarkResults results,
		final Metric metric, final String title)
	{
		final List<TailShape> shapes = results.config().shapes();
		final List<BenchmarkMethod> methods = results.config().methods();
		final double[][][] v = new double[shapes.size()][3][methods.size()];
		double low = 100;
		for (int s = 0; s < shapes.size(); s++)
			for (int m = 0; m < methods.size(); m++)
				for (final Group g : Group.values()) {
					v[s][g.ordinal()][m] = 100 * results.summary(shapes.get(s), methods
						.get(m)).mean(metric, g);
					if (!Double.isNaN(v[s][g.ordinal()][m])) low = Math.min(low,
						v[s][g.ordinal()][m]);
				}
		final double floor = Math.max(0, Math.floor(low / 10) * 10 - (low % 10 <
			2 ? 10 : 0));
		final int width = LEFT + PANEL_WIDTH * shapes.size() + 20;
		final BufferedImage image = new BufferedImage(width, HEIGHT,
			BufferedImage.TYPE_INT_RGB);
		final Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING,
			RenderingHints.VALUE_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
			RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, width, HEIGHT);
		g.setColor(Color.BLACK);
		g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
		g.drawString(title + " (× 100), " + results.dataName(), LEFT, 24);
		legend(g, methods, LEFT, 44);
		final int plotHeight = HEIGHT - TOP - BOTTOM;
		axis(g, floor, plotHeight, width);
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
		for (int s = 0; s < shapes.size(); s++) {
			final int x0 = LEFT + s * PANEL_WIDTH;
			final int groupWidth = PANEL_WIDTH / 3;
			final int bar = (groupWidth - 20) / methods.size();
			for (final Group group : Group.values()) {
				final int gx = x0 + group.ordinal() * groupWidth + 10;
				for (int m = 0; m < methods.size(); m++) {
					final double value = v[s][group.ordinal()][m];
					if (Double.isNaN(value)) continue;
					final int h = (int) Math.round(plotHeight * (value - floor) / (100 -
						floor));
					g.setColor(COLORS[m % COLORS.length]);
					g.fillRect(gx + m * bar, TOP + plotHeight - h, bar - 2, h);
					g.setColor(Color.BLACK);
					g.drawString(String.format(Locale.ROOT, "%.1f", value), gx + m * bar,
						TOP + plotHeight - h - 3);
				}
				g.drawString(group == Group.TAIL ? "C_t" : group == Group.HEAD ? "C_h"
					: "all", gx + groupWidth / 2 - 20, TOP + plotHeight + 16);
			}
			g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
			g.drawString(shapes.get(s).toString(), x0 + PANEL_WIDTH / 2 - 30, TOP +
				plotHeight + 40);
			g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
		}
		g.dispose();
		return image;
	}

	private static void legend(final Graphics2D g,
		final List<BenchmarkMethod> methods, final int x, final int y)
	{
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
		for (int m = 0; m < methods.size(); m++) {
			g.setColor(COLORS[m % COLORS.length]);
			g.fillRect(x + m * 120, y - 10, 12, 12);
			g.setColor(Color.BLACK);
			g.drawString(methods.get(m).displayName(), x + m * 120 + 16, y);
		}
	}

	/** The value axis with a line and label every ten (or five) points. */
	private static void axis(final Graphics2D g, final double floor,
		final int plotHeight, final int width)
	{
		final int step = 100 - floor > 30 ? 10 : 5;
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
		for (int t = (int) floor; t <= 100; t += step) {
			final int y = TOP + plotHeight - (int) Math.round(plotHeight * (t -
				floor) / (100 - floor));
			g.setColor(new Color(0xdddddd));
			g.setStroke(new BasicStroke(1));
			g.drawLine(LEFT, y, width - 20, y);
			g.setColor(Color.BLACK);
			g.drawString(Integer.toString(t), LEFT - 28, y + 4);
		}
	}
}
