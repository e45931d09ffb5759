package io.github.tailedcore.ij;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.ImageRoi;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.io.FileSaver;
import ij.plugin.LutLoader;
import ij.plugin.frame.RoiManager;
import ij.process.ByteProcessor;
import ij.process.ImageProcessor;

import io.github.tailedcore.preprocess.MapGeometry;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Overlay contents for small synthetic maps, and one flattened picture. */
class HeatmapOverlayTest {

	private static final int W = 40;
	private static final int H = 30;

	private static final HeatmapOverlay OVERLAY = HeatmapOverlay.builder()
		.displayRange(0, 4).opacity(0.3).threshold(1).build();

	@Test
	void twoBlobsGiveAHeatmapAndTwoNamedOutlines() {
		final ImagePlus imp = IJ.createImage("two blobs", "8-bit ramp", W, H, 1);
		final HeatmapOverlay.Result r = OVERLAY.apply(imp, twoBlobs());
		final Overlay overlay = imp.getOverlay();
		assertEquals(3, overlay.size());
		final ImageRoi heatmap = (ImageRoi) overlay.get(0);
		assertEquals(HeatmapOverlay.HEATMAP_NAME, heatmap.getName());
		assertEquals(0.3, heatmap.getOpacity(), 1e-12);
		assertEquals(List.of(heatmap), r.heatmaps());

		assertEquals(2, r.anomalies().size());
		final Roi first = r.anomalies().get(0);
		final Roi second = r.anomalies().get(1);
		assertEquals("anomaly 1", first.getName());
		assertEquals("anomaly 2", second.getName());
		// the higher peak (3.5) comes first
		assertEquals(new Rectangle(25, 12, 4, 3), first.getBounds());
		assertEquals(new Rectangle(4, 5, 3, 3), second.getBounds());
		assertEquals(HeatmapOverlay.DEFAULT_OUTLINE_COLOR, first
			.getStrokeColor());
		for (final Roi roi : overlay.toArray())
			assertEquals(0, roi.getPosition(), "single image: shown everywhere");
	}

	@Test
	void heatmapIsFireColouredAndTransparentWithoutAScore() {
		final ImagePlus imp = IJ.createImage("nan", "8-bit black", 2, 1, 1);
		final HeatmapOverlay.Result r = OVERLAY.apply(imp, new float[] {
			Float.NaN, 2 });
		final ImageProcessor ip = r.heatmaps().get(0).getProcessor();
		assertEquals(0, ip.get(0, 0), "NaN: no colour, alpha 0");
		// 2 on [0, 4]: LUT index (int) (2 · 255 / 4 + 0.5) = 128, opaque
		final IndexColorModel fire = LutLoader.getLut("fire");
		assertEquals(0xff000000 | fire.getRGB(128) & 0xffffff | 0x020202, ip.get(
			1, 0));
	}

	@Test
	void mapImageIsThirtyTwoBitWithFireLutAndRange() {
		final ImagePlus imp = IJ.createImage("img", "8-bit black", W, H, 1);
		final float[] map = twoBlobs();
		final ImagePlus m = OVERLAY.apply(imp, map).map();
		assertEquals("img anomaly map", m.getTitle());
		assertEquals(32, m.getBitDepth());
		assertArrayEquals(map, (float[]) m.getProcessor().getPixels());
		assertEquals(0, m.getDisplayRangeMin());
		assertEquals(4, m.getDisplayRangeMax());
		final IndexColorModel fire = LutLoader.getLut("fire");
		final IndexColorModel lut = (IndexColorModel) m.getProcessor()
			.getColorModel();
		for (int i = 0; i < 256; i += 51)
			assertEquals(fire.getRGB(i), lut.getRGB(i), "LUT entry " + i);
	}

	@Test
	void stackSlicesGetTheirPositionsAndOneNumbering() {
		final ImagePlus imp = IJ.createImage("stack", "8-bit black", W, H, 3);
		final HeatmapOverlay.Result r = OVERLAY.apply(imp, Arrays.asList(null,
			twoBlobs(), twoBlobs()));
		assertEquals(2, r.heatmaps().size());
		assertEquals(2, r.heatmaps().get(0).getPosition());
		assertEquals(3, r.heatmaps().get(1).getPosition());
		assertEquals(4, r.anomalies().size());
		final int[] positions = { 2, 2, 3, 3 };
		for (int i = 0; i < 4; i++) {
			assertEquals("anomaly " + (i + 1), r.anomalies().get(i).getName());
			assertEquals(positions[i], r.anomalies().get(i).getPosition());
		}
		assertEquals(3, r.map().getStackSize());
		assertTrue(Float.isNaN(r.map().getStack().getProcessor(1).getf(0)));
	}

	@Test
	void hyperstackSlicesGetTheirZAndT() {
		final ImagePlus imp = IJ.createImage("zt", "8-bit black", W, H, 1, 2, 2);
		assertTrue(imp.isHyperStack());
		// stack index 3 = (c 1, z 1, t 2)
		final HeatmapOverlay.Result r = OVERLAY.apply(imp, Arrays.asList(null,
			null, twoBlobs(), null));
		for (final Roi roi : imp.getOverlay().toArray()) {
			assertEquals(1, roi.getZPosition(), roi.getName());
			assertEquals(2, roi.getTPosition(), roi.getName());
		}
		assertEquals(2, r.map().getNSlices());
		assertEquals(2, r.map().getNFrames());
	}

	/**
	 * A composite has one map per Z, T position, shown over every channel
	 * (channel position 0); the map image has one slice per position.
	 */
	@Test
	void compositeMapsCoverEveryChannelOfTheirPosition() {
		final ImagePlus imp = IJ.createImage("czt", "16-bit black", W, H, 3, 2,
			1);
		imp.setPosition(2, 1, 1);
		final HeatmapOverlay.Result r = OVERLAY.apply(imp, Arrays.asList(null,
			twoBlobs()));
		assertEquals(1, r.heatmaps().size());
		for (final Roi roi : imp.getOverlay().toArray()) {
			assertEquals(0, roi.getCPosition(), roi.getName());
			assertEquals(2, roi.getZPosition(), roi.getName());
		}
		assertEquals(2, r.map().getStackSize());
		final Exception e = assertThrows(IllegalArgumentException.class,
			() -> OVERLAY.apply(imp, Arrays.asList(null, null, null, null, null,
				twoBlobs())));
		assertTrue(e.getMessage().contains("2 positions of 3 channels"), e
			.getMessage());
		// the current position's map alone: z 1, whatever the channel shown
		OVERLAY.apply(imp, twoBlobs());
		for (final Roi roi : imp.getOverlay().toArray())
			assertEquals(1, roi.getZPosition(), roi.getName());
	}

	@Test
	void applyingAgainReplacesOnlyOurRois() {
		final ImagePlus imp = IJ.createImage("again", "8-bit black", W, H, 1);
		final Overlay overlay = new Overlay(new Roi(1, 1, 2, 2));
		overlay.get(0).setName("user's");
		imp.setOverlay(overlay);
		OVERLAY.apply(imp, twoBlobs());
		OVERLAY.apply(imp, twoBlobs());
		assertEquals(4, imp.getOverlay().size());
		assertEquals("user's", imp.getOverlay().get(0).getName());
		HeatmapOverlay.remove(imp);
		assertEquals(1, imp.getOverlay().size());
	}

	@Test
	void withoutAThresholdThereAreNoOutlines() {
		final ImagePlus imp = IJ.createImage("none", "8-bit black", W, H, 1);
		final HeatmapOverlay.Result r = HeatmapOverlay.builder().displayRange(0, 4)
			.build().apply(imp, twoBlobs());
		assertTrue(r.anomalies().isEmpty());
		assertEquals(1, imp.getOverlay().size());
	}

	@Test
	void roiManagerIsLeftAloneWhenHeadless() {
		final ImagePlus imp = IJ.createImage("rm", "8-bit black", W, H, 1);
		HeatmapOverlay.builder().displayRange(0, 4).threshold(1).roiManager(true)
			.build().apply(imp, twoBlobs());
		assertNull(RoiManager.getInstance());
	}

	@Test
	void refusesBadSettingsAndSizes() {
		assertThrows(IllegalArgumentException.class, () -> HeatmapOverlay
			.builder().build());
		assertThrows(IllegalArgumentException.class, () -> HeatmapOverlay
			.builder().displayRange(1, 1).build());
		assertThrows(IllegalArgumentException.class, () -> HeatmapOverlay
			.builder().displayRange(0, 1).opacity(1.5).build());
		final ImagePlus imp = IJ.createImage("size", "8-bit black", W, H, 1);
		assertThrows(IllegalArgumentException.class, () -> OVERLAY.apply(imp,
			new float[3]));
	}

	/**
	 * A picture to look at: a textured image with a bright disc, scored by a
	 * Gaussian bump around the disc in the detector's crop space and brought
	 * back with {@link MapGeometry} (NaN outside the crop, left and right).
	 * Written to target/heatmap-overlay.png.
	 */
	@Test
	void flattenedOverlayHighlightsTheBrightDisc() throws IOException {
		final int w = 160;
		final int h = 120;
		final int cx = 100;
		final int cy = 50;
		final ByteProcessor bp = new ByteProcessor(w, h);
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				bp.set(x, y, (x - cx) * (x - cx) + (y - cy) * (y - cy) < 100 ? 230
					: 70 + 30 * ((x / 8 + y / 8) % 2));
		final ImagePlus imp = new ImagePlus("disc", bp);
		final MapGeometry g = MapGeometry.standard(w, h);
		final float[] crop = new float[224 * 224];
		for (int j = 0; j < 224; j++)
			for (int i = 0; i < 224; i++) {
				// the original coordinates of crop pixel (i, j)
				final double x = (g.cropX() + i + 0.5) * w / g.resizedWidth() - 0.5;
				final double y = (g.cropY() + j + 0.5) * h / g.resizedHeight() - 0.5;
				final double d2 = (x - cx) * (x - cx) + (y - cy) * (y - cy);
				crop[j * 224 + i] = (float) (0.3 + 3.7 * Math.exp(-d2 / 128));
			}
		final HeatmapOverlay.Result r = HeatmapOverlay.builder().displayRange(0,
			5).opacity(0.5).threshold(2).build().apply(imp, g.toImage(crop));
		assertEquals(1, r.anomalies().size());
		final Rectangle b = r.anomalies().get(0).getBounds();
		assertTrue(b.contains(cx, cy), "outline around the disc: " + b);

		final ImagePlus flat = imp.flatten();
		final Path png = Path.of("target", "heatmap-overlay.png");
		Files.createDirectories(png.getParent());
		// FileSaver, not IJ.saveAs: the latter builds menus, which fails headless
		assertTrue(new FileSaver(flat).saveAsPng(png.toString()));
		final int[] outside = flat.getPixel(5, 60);
		assertArrayEquals(new int[] { bp.get(5, 60), bp.get(5, 60), bp.get(5,
			60) }, Arrays.copyOf(outside, 3), "no score: image unchanged");
		final int[] centre = flat.getPixel(cx, cy);
		assertTrue(centre[0] > 200 && centre[0] > centre[2], "hot: " + Arrays
			.toString(centre));
		final int[] cool = flat.getPixel(60, 90);
		assertTrue(cool[0] < bp.get(60, 90), "low scores darken: " + Arrays
			.toString(cool));
		assertTrue(hasOutlinePixel(flat, b.x, cy), "cyan outline near x=" + b.x);
	}

	private static boolean hasOutlinePixel(final ImagePlus flat, final int x,
		final int y)
	{
		for (int dx = -1; dx <= 1; dx++) {
			final int[] p = flat.getPixel(x + dx, y);
			final Color c = new Color(p[0], p[1], p[2]);
			if (c.getRed() < 80 && c.getGreen() > 200 && c.getBlue() > 200)
				return true;
		}
		return false;
	}

	/** Zeros with a 3 x 3 blob of 2 at (4, 5) and a 4 x 3 blob peaking at 3.5. */
	private static float[] twoBlobs() {
		final float[] map = new float[W * H];
		for (int y = 5; y < 8; y++)
			for (int x = 4; x < 7; x++)
				map[y * W + x] = 2;
		for (int y = 12; y < 15; y++)
			for (int x = 25; x < 29; x++)
				map[y * W + x] = y == 13 && x == 26 ? 3.5f : 1.5f;
		return map;
	}
}
