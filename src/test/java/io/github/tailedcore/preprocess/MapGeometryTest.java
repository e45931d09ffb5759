package io.github.tailedcore.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** Torchvision's resize + centre crop, inverted, on cases worked by hand. */
class MapGeometryTest {

	private static final float N = Float.NaN;

	/**
	 * 8 x 4 image, resize 2, crop 2: resized to 4 x 2 (scale 1/2), crop at
	 * x = 1. Original column x sits at crop coordinate (x + 0.5) / 2 - 1, so
	 * columns 0, 1, 6, 7 fall outside; columns 2..5 sit at map index -0.25
	 * (held at 0), 0.25, 0.75, 1.25 (held at 1); rows 0..3 likewise at
	 * -0.25, 0.25, 0.75, 1.25.
	 */
	@Test
	void bringsATinyMapBackByHand() {
		final MapGeometry g = new MapGeometry(8, 4, 2, 2);
		assertEquals(4, g.resizedWidth());
		assertEquals(2, g.resizedHeight());
		assertEquals(1, g.cropX());
		assertEquals(0, g.cropY());
		final float[] out = g.toImage(new float[] { 1, 2, 3, 4 });
		assertArrayEquals(new float[] { //
			N, N, 1.0f, 1.25f, 1.75f, 2.0f, N, N, //
			N, N, 1.5f, 1.75f, 2.25f, 2.5f, N, N, //
			N, N, 2.5f, 2.75f, 3.25f, 3.5f, N, N, //
			N, N, 3.0f, 3.25f, 3.75f, 4.0f, N, N }, out, 1e-6f);
	}

	@Test
	void sameSizeGeometryIsTheIdentityInsideTheCrop() {
		final MapGeometry g = new MapGeometry(4, 4, 4, 2);
		assertArrayEquals(new float[] { //
			N, N, N, N, //
			N, 5, 6, N, //
			N, 7, 8, N, //
			N, N, N, N }, g.toImage(new float[] { 5, 6, 7, 8 }));
	}

	/** 400 x 300 → 341 x 256 (int(341.33)); (341 − 224) / 2 = 58.5 → 58. */
	@Test
	void roundsTheCropOffsetLikePython() {
		final MapGeometry g = MapGeometry.standard(400, 300);
		assertEquals(341, g.resizedWidth());
		assertEquals(256, g.resizedHeight());
		assertEquals(58, g.cropX());
		assertEquals(16, g.cropY());
		// 343 − 224 = 119, 59.5 rounds to the even 60
		assertEquals(60, MapGeometry.standard(343, 256).cropX());
		// portrait: the width is the shorter side
		final MapGeometry p = MapGeometry.standard(300, 401);
		assertEquals(256, p.resizedWidth());
		assertEquals(342, p.resizedHeight());
		assertEquals(59, p.cropY());
	}

	/**
	 * 400 x 300 with the standard geometry: column x is inside when
	 * 0 ≤ (x + 0.5) · 341/400 − 58 < 224, i.e. 68 ≤ x ≤ 330; row y when
	 * 0 ≤ (y + 0.5) · 256/300 − 16 < 224, i.e. 19 ≤ y ≤ 280.
	 */
	@Test
	void marksEverythingOutsideTheCropAsNaN() {
		final float[] crop = new float[224 * 224];
		Arrays.fill(crop, 3);
		final float[] out = MapGeometry.standard(400, 300).toImage(crop);
		for (int y = 0; y < 300; y++)
			for (int x = 0; x < 400; x++) {
				final boolean inside = x >= 68 && x <= 330 && y >= 19 && y <= 280;
				final float v = out[y * 400 + x];
				assertTrue(inside ? v == 3 : Float.isNaN(v), "(" + x + ", " + y +
					") = " + v);
			}
	}

	@Test
	void refusesBadSizes() {
		assertThrows(IllegalArgumentException.class, () -> new MapGeometry(0, 4,
			2, 2));
		assertThrows(IllegalArgumentException.class, () -> new MapGeometry(4, 4,
			2, 3));
		assertThrows(IllegalArgumentException.class, () -> new MapGeometry(4, 4,
			4, 2).toImage(new float[3]));
	}
}
