package io.github.tailedcore.ij;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tailedcore.image.RasterImage;

import java.util.List;

import net.imglib2.img.array.ArrayImgs;
import net.imglib2.view.Views;

import org.junit.jupiter.api.Test;

/** ImgLib2 pixel types against values computed by hand. */
class ImgLib2ConverterTest {

	private static final float EPS = 1e-4f;

	@Test
	void unsignedBytesKeepTheirValues() {
		final RasterImage r = single(ImgLib2Converter.toRasterImages(ArrayImgs
			.unsignedBytes(new byte[] { 0, 1, (byte) 128, (byte) 255 }, 2, 2)));
		assertArrayEquals(new float[] { 0, 1, 128, 255 }, r.plane(0));
		assertEquals(0, r.get(0, 0, 0));
		assertEquals(128, r.get(0, 0, 1));
	}

	@Test
	void unsignedShortsAreScaledBySixteenBits() {
		final RasterImage r = single(ImgLib2Converter.toRasterImages(ArrayImgs
			.unsignedShorts(new short[] { 0, 257, (short) 65535, 4095 }, 2, 2)));
		// v · 255 / 65535: the maximum 4095 is not used as the range
		assertArrayEquals(new float[] { 0, 1, 255, 15.933852f }, r.plane(0), EPS);
	}

	@Test
	void unsignedShortsAreScaledByAGivenBitDepth() {
		final RasterImage r = single(ImgLib2Converter.toRasterImages(ArrayImgs
			.unsignedShorts(new short[] { 0, 4095, 2048, 1 }, 2, 2), 12));
		assertArrayEquals(new float[] { 0, 255, 127.53114f, 0.06227106f }, r
			.plane(0), EPS);
	}

	@Test
	void valuesAboveTheBitDepthAreRefused() {
		assertThrows(IllegalArgumentException.class, () -> ImgLib2Converter
			.toRasterImages(ArrayImgs.unsignedShorts(new short[] { 4096 }, 1, 1),
				12));
	}

	@Test
	void floatsAreTakenAsIs() {
		final float[] values = { 0.5f, -100, Float.NaN, 3 };
		final RasterImage r = single(ImgLib2Converter.toRasterImages(ArrayImgs
			.floats(values.clone(), 2, 2)));
		assertArrayEquals(values, r.plane(0));
		assertTrue(r.floatingPoint());
	}

	@Test
	void signedIntegersAreRefused() {
		assertThrows(IllegalArgumentException.class, () -> ImgLib2Converter
			.toRasterImages(ArrayImgs.bytes(new byte[] { -1, 1 }, 2, 1)));
	}

	@Test
	void threeDimensionsAreSlices() {
		final List<RasterImage> r = ImgLib2Converter.toRasterImages(ArrayImgs
			.unsignedBytes(new byte[] { 1, 2, 3, 4, 5, 6 }, 2, 1, 3));
		assertEquals(3, r.size());
		assertArrayEquals(new float[] { 1, 2 }, r.get(0).plane(0));
		assertArrayEquals(new float[] { 3, 4 }, r.get(1).plane(0));
		assertArrayEquals(new float[] { 5, 6 }, r.get(2).plane(0));
	}

	@Test
	void otherDimensionalitiesAreRefused() {
		assertThrows(IllegalArgumentException.class, () -> ImgLib2Converter
			.toRasterImages(ArrayImgs.unsignedBytes(new byte[4], 4)));
		assertThrows(IllegalArgumentException.class, () -> ImgLib2Converter
			.toRasterImages(ArrayImgs.unsignedBytes(new byte[4], 1, 1, 2, 2)));
	}

	@Test
	void translatedIntervalsAreReadFromTheirMinimum() {
		final RasterImage r = single(ImgLib2Converter.toRasterImages(Views
			.translate(ArrayImgs.unsignedBytes(new byte[] { 1, 2, 3, 4, 5, 6 }, 3,
				2), 10, -5)));
		assertEquals(3, r.width());
		assertEquals(2, r.height());
		assertArrayEquals(new float[] { 1, 2, 3, 4, 5, 6 }, r.plane(0));
	}

	@Test
	void argbGivesThreePlanes() {
		final RasterImage r = single(ImgLib2Converter.argbToRasterImages(ArrayImgs
			.argbs(new int[] { 0xffff0000, 0xff102030 }, 2, 1)));
		assertEquals(3, r.channels());
		assertArrayEquals(new float[] { 255, 16 }, r.plane(0));
		assertArrayEquals(new float[] { 0, 32 }, r.plane(1));
		assertArrayEquals(new float[] { 0, 48 }, r.plane(2));
	}

	private static RasterImage single(final List<RasterImage> images) {
		assertEquals(1, images.size());
		return images.get(0);
	}
}
