package io.github.tailedcore.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tailedcore.image.RasterImage;
import io.github.tailedcore.preprocess.FramedImage;
import io.github.tailedcore.preprocess.Framing;
import io.github.tailedcore.preprocess.Intensity;
import io.github.tailedcore.preprocess.Preprocessing;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/**
 * Maps of whole images: the full frame and tiles cover every pixel (no zero
 * or NaN frame, unlike the paper's crop), constant scores stitch to that
 * constant, and a hot patch at the edge shows at the edge.
 */
class ImageMapAssemblyTest {

	private static final int GRID = 28;

	private static FramedImage framed(final Framing framing, final int w,
		final int h)
	{
		return FramedImage.of(new RasterImage(w, h, new float[w * h]),
			new Preprocessing(framing, 1, 32, Intensity.bitDepth()), 256, 224);
	}

	private static float[] constant(final float v) {
		final float[] s = new float[GRID * GRID];
		Arrays.fill(s, v);
		return s;
	}

	private static ImageAnomaly assemble(final FramedImage f, final float v) {
		final ImageMapAssembly a = new ImageMapAssembly(f, 256, 4);
		for (int k = 0; k < f.count(); k++)
			a.add(k, constant(v), GRID, GRID);
		return a.result();
	}

	@Test
	void fullFrameMapCoversEveryPixel() {
		final FramedImage f = framed(Framing.FULL, 300, 200);
		assertEquals(1, f.count());
		assertEquals(224, f.input(0).width());
		final ImageAnomaly r = assemble(f, 3);
		assertEquals(300, r.width());
		assertEquals(200, r.height());
		for (final float v : r.map())
			assertEquals(3, v, 1e-5f);
	}

	@Test
	void tiledMapOfConstantScoresIsThatConstantEverywhere() {
		final FramedImage f = framed(Framing.TILES, 500, 300);
		assertEquals(FramedImage.inputCount(f.preprocessing(), 500, 300, 224), f
			.count());
		assertEquals(6, f.count());
		final ImageAnomaly r = assemble(f, 2);
		assertEquals(2, r.score());
		assertEquals(500 * 300, r.map().length);
		for (final float v : r.map())
			assertEquals(2, v, 1e-5f);
	}

	@Test
	void papersCropLeavesAFrameUnseen() {
		final ImageAnomaly r = assemble(framed(Framing.CROP, 256, 256), 1);
		// 16 px on each side are outside the 224 crop
		assertTrue(Float.isNaN(r.map()[0]));
		assertTrue(Float.isNaN(r.map()[8 * 256 + 128]));
		assertEquals(1, r.map()[128 * 256 + 128], 1e-5f);
	}

	@Test
	void aHotPatchAtTheEdgeShowsAtTheEdge() {
		final FramedImage f = framed(Framing.TILES, 448, 448);
		final ImageMapAssembly a = new ImageMapAssembly(f, 256, 4);
		for (int k = 0; k < f.count(); k++) {
			final float[] s = constant(1);
			// tile 0's patch at row 10, column 0: pixels x 0-7, y 80-87
			if (k == 0) s[10 * GRID] = 50;
			a.add(k, s, GRID, GRID);
		}
		final ImageAnomaly r = a.result();
		assertEquals(50, r.score());
		int best = 0;
		for (int i = 1; i < r.map().length; i++)
			if (r.map()[i] > r.map()[best]) best = i;
		assertTrue(best % 448 < 8, "peak at x = " + best % 448);
		assertTrue(Math.abs(best / 448 - 84) <= 4, "peak at y = " + best / 448);
		assertFalse(Float.isNaN(r.map()[0]));
	}

	@Test
	void refusesAnIncompleteImage() {
		final FramedImage f = framed(Framing.TILES, 500, 300);
		final ImageMapAssembly a = new ImageMapAssembly(f, 256, 4);
		a.add(0, constant(1), GRID, GRID);
		assertThrows(IllegalStateException.class, a::result);
	}
}
