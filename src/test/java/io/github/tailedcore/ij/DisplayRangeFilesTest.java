package io.github.tailedcore.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ij.CompositeImage;
import ij.IJ;
import ij.ImagePlus;
import ij.process.ShortProcessor;
import io.github.tailedcore.image.DisplayRange;
import io.github.tailedcore.image.RasterImage;
import io.github.tailedcore.preprocess.Intensity;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The display range a 16-bit file (12 bits used) brings from disk, and what
 * the display-range intensity scaling makes of it: with ImageJ's metadata,
 * the range set in Fiji; without, ImageJ's automatic range, the image's own
 * minimum and maximum.
 */
class DisplayRangeFilesTest {

	/** One 16-bit level on the readers' 0–255 scale. */
	private static final double LEVEL = 255.0 / 65535;

	@TempDir
	Path dir;

	/** A 64 × 32 ramp over 100 … 4000 of 12 bits. */
	private static ShortProcessor ramp() {
		final ShortProcessor sp = new ShortProcessor(64, 32);
		for (int i = 0; i < 64 * 32; i++)
			sp.set(i, 100 + (int) Math.round(i * 3900.0 / (64 * 32 - 1)));
		return sp;
	}

	@Test
	void imageJTiffKeepsTheRangeSetInFiji() throws Exception {
		final ImagePlus imp = new ImagePlus("set", ramp());
		imp.setDisplayRange(500, 3000);
		final Path file = dir.resolve("set.tif");
		IJ.saveAsTiff(imp, file.toString());
		final RasterImage read = ImageFileReader.read(file).get(0);
		assertEquals(new DisplayRange(500 * LEVEL, 3000 * LEVEL), read
			.displayRange(0));
		final float[] out = Intensity.displayRange().apply(read).plane(0);
		final ShortProcessor raw = ramp();
		for (int i = 0; i < out.length; i += 31) {
			final int v = raw.get(i);
			assertEquals(Math.min(255, Math.max(0, (v - 500) * 255.0 / 2500)),
				out[i], 1e-3, "value " + v);
		}
	}

	@Test
	void tiffWithoutMetadataOpensWithItsOwnMinimumAndMaximum()
		throws Exception
	{
		final BufferedImage b = ramp().get16BitBufferedImage();
		final Path file = dir.resolve("plain.tif");
		ImageIO.write(b, "tiff", file.toFile());
		final RasterImage read = ImageFileReader.read(file).get(0);
		assertEquals(new DisplayRange(100 * LEVEL, 4000 * LEVEL), read
			.displayRange(0));
		final float[] out = Intensity.displayRange().apply(read).plane(0);
		assertEquals(0, out[0], 1e-3);
		assertEquals(255, out[out.length - 1], 1e-3);
	}

	@Test
	void compositeTiffKeepsEachChannelsRange() throws Exception {
		final ImagePlus two = IJ.createImage("two", "16-bit ramp", 64, 32, 2, 1,
			1);
		final CompositeImage imp = new CompositeImage(two, IJ.COMPOSITE);
		imp.setPosition(1, 1, 1);
		imp.setDisplayRange(1000, 2000);
		imp.setPosition(2, 1, 1);
		imp.setDisplayRange(0, 40000);
		final Path file = dir.resolve("two.tif");
		IJ.saveAsTiff(imp, file.toString());
		final RasterImage read = ImageFileReader.read(file).get(0);
		assertEquals(2, read.channels());
		assertEquals(new DisplayRange(1000 * LEVEL, 2000 * LEVEL), read
			.displayRange(0));
		assertEquals(new DisplayRange(0, 40000 * LEVEL), read.displayRange(1));
	}
}
