package io.github.tailedcore.benchmark.report;

import io.github.tailedcore.image.RasterImage;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import javax.imageio.ImageIO;

/**
 * A small PNG for the README: a large grey image (stretched between its 0.1
 * and 99.9 % values) with the true defects outlined in green, next to the
 * same image under its anomaly map (a black–red–yellow ramp from the map's
 * 99.5th percentile to its maximum, blended at 60 %, so that only the hot
 * spots are coloured), both shrunk to {@code side}
 * pixels by taking the maximum of each block, so that small defects and hot
 * spots survive the shrinking.
 */
public final class HeatmapPicture {

	private HeatmapPicture() {}

	/**
	 * @param map the image's anomaly map, width × height
	 * @param truth the defect mask, width × height
	 * @param side output height; the width is twice it
	 */
	public static void write(final Path png, final RasterImage image,
		final float[] map, final boolean[] truth, final int side)
		throws IOException
	{
		final int w = image.width();
		final int h = image.height();
		final float[] grey = image.plane(0);
		final float[] sorted = grey.clone();
		Arrays.sort(sorted);
		final float lo = sorted[(int) (0.001 * (sorted.length - 1))];
		final float hi = sorted[(int) (0.999 * (sorted.length - 1))];
		final float[] m = map.clone();
		Arrays.sort(m);
		final float mLo = m[(int) (0.995 * (m.length - 1))];
		final float mHi = m[m.length - 1];
		final BufferedImage out = new BufferedImage(2 * side, side,
			BufferedImage.TYPE_INT_RGB);
		for (int oy = 0; oy < side; oy++)
			for (int ox = 0; ox < side; ox++) {
				final int x0 = ox * w / side;
				final int x1 = Math.max(x0 + 1, (ox + 1) * w / side);
				final int y0 = oy * h / side;
				final int y1 = Math.max(y0 + 1, (oy + 1) * h / side);
				double g = 0;
				float heat = Float.NEGATIVE_INFINITY;
				boolean defect = false;
				for (int y = y0; y < y1; y++)
					for (int x = x0; x < x1; x++) {
						g += grey[y * w + x];
						heat = Math.max(heat, map[y * w + x]);
						defect |= truth[y * w + x];
					}
				g /= (x1 - x0) * (y1 - y0);
				final int v = (int) Math.max(0, Math.min(255, (g - lo) * 255 / (hi -
					lo)));
				out.setRGB(ox, oy, defect ? 0x00ff00 : v * 0x010101);
				final double t = Math.max(0, Math.min(1, (heat - mLo) / (mHi - mLo)));
				final int r = (int) (0.4 * v + 0.6 * 255 * Math.min(1, 2 * t));
				final int gr = (int) (0.4 * v + 0.6 * 255 * Math.max(0, 2 * t - 1));
				final int b = (int) (0.4 * v);
				out.setRGB(side + ox, oy, (r << 16) | (gr << 8) | b);
			}
		Files.createDirectories(png.toAbsolutePath().getParent());
		ImageIO.write(out, "png", png.toFile());
	}
}
