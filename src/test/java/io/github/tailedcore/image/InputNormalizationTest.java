package io.github.tailedcore.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.tailedcore.image.InputNormalization.ChannelOrder;

import org.junit.jupiter.api.Test;

/** Channel order, scale, mean and std, as torchvision and Caffe apply them. */
class InputNormalizationTest {

	/** One pixel (R, G, B) = (255, 0, 51). */
	private final RasterImage pixel = new RasterImage(1, 1, new float[] { 255 },
		new float[] { 0 }, new float[] { 51 });

	@Test
	void imagenetIsToTensorThenNormalize() {
		final float[] t = new float[3];
		InputNormalization.imagenet().write(pixel, t, 0);
		assertArrayEquals(new float[] { (1 - 0.485f) / 0.229f, (0 - 0.456f) /
			0.224f, (0.2f - 0.406f) / 0.225f }, t, 1e-5f);
	}

	@Test
	void caffeIsBgrMinusMeanPixel() {
		final InputNormalization caffe = new InputNormalization(ChannelOrder.BGR,
			1, new double[] { 104, 117, 123 }, new double[] { 1, 1, 1 });
		final float[] t = new float[6];
		caffe.write(pixel, t, 3);
		assertArrayEquals(new float[] { 0, 0, 0, 51 - 104, 0 - 117, 255 - 123 }, t);
	}

	@Test
	void greyIsReplicatedAndPlanesAreContiguous() {
		final RasterImage grey = new RasterImage(2, 1, new float[] { 0, 255 });
		final InputNormalization unit = new InputNormalization(ChannelOrder.RGB,
			1 / 255.0, new double[] { 0, 0, 0 }, new double[] { 1, 1, 1 });
		final float[] t = new float[6];
		unit.write(grey, t, 0);
		assertArrayEquals(new float[] { 0, 1, 0, 1, 0, 1 }, t);
	}

	@Test
	void badSettingsAreRefused() {
		assertThrows(IllegalArgumentException.class, () -> new InputNormalization(
			ChannelOrder.RGB, 1, new double[] { 0, 0, 0 }, new double[] { 1, 0,
				1 }));
		assertThrows(IllegalArgumentException.class, () -> ChannelOrder.parse(
			"RGBA"));
		assertThrows(IllegalArgumentException.class, () -> InputNormalization
			.imagenet().write(pixel, new float[2], 0));
	}
}
