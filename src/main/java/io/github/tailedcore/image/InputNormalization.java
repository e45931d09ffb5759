package io.github.tailedcore.image;

import java.util.Arrays;

/**
 * Turns a crop on the 0–255 scale into a backbone's input tensor: channels
 * in the order the network was trained with (RGB for torchvision, BGR for
 * Caffe models), then {@code (x · scale − mean[c]) / std[c]} per channel.
 * <p>
 * torchvision's {@code ToTensor} + {@code Normalize(mean, std)} is
 * {@code scale = 1/255} with ImageNet mean and std; a Caffe model is
 * {@code scale = 1}, {@code std = 1} and the mean pixel in BGR order. Grey
 * images are replicated to three channels.
 * </p>
 */
public final class InputNormalization {

	/** Order of the three colour channels in the tensor. */
	public enum ChannelOrder {
			RGB, BGR;

		/** Parses {@code RGB} or {@code BGR} (case-insensitive). */
		public static ChannelOrder parse(final String name) {
			for (final ChannelOrder o : values())
				if (o.name().equalsIgnoreCase(name)) return o;
			throw new IllegalArgumentException("Unknown channel order '" + name +
				"': use RGB or BGR.");
		}
	}

	private final ChannelOrder order;
	private final float scale;
	private final float[] mean;
	private final float[] std;

	/**
	 * @param mean per tensor channel, in {@code order}
	 * @param std per tensor channel, in {@code order}; all non-zero
	 */
	public InputNormalization(final ChannelOrder order, final double scale,
		final double[] mean, final double[] std)
	{
		if (mean.length != 3 || std.length != 3) throw new IllegalArgumentException(
			"Input normalisation needs 3 means and 3 standard deviations, got " +
				mean.length + " and " + std.length + ".");
		this.order = order;
		this.scale = (float) scale;
		this.mean = new float[3];
		this.std = new float[3];
		for (int c = 0; c < 3; c++) {
			if (!(std[c] != 0 && Double.isFinite(std[c])))
				throw new IllegalArgumentException("Input normalisation needs " +
					"finite non-zero standard deviations, got " + Arrays.toString(std) +
					".");
			this.mean[c] = (float) mean[c];
			this.std[c] = (float) std[c];
		}
	}

	/** torchvision's ImageNet normalisation: RGB, 1/255, mean/std of ImageNet. */
	public static InputNormalization imagenet() {
		return new InputNormalization(ChannelOrder.RGB, 1 / 255.0, new double[] {
			0.485, 0.456, 0.406 }, new double[] { 0.229, 0.224, 0.225 });
	}

	/** Order of the colour channels in the tensor. */
	public ChannelOrder order() {
		return order;
	}

	/**
	 * Writes {@code image} as a [3, H, W] block of {@code tensor} starting at
	 * {@code offset} (one image of an NCHW batch).
	 */
	public void write(final RasterImage image, final float[] tensor,
		final int offset)
	{
		final float[][] rgb = image.rgbPlanes();
		final int size = image.width() * image.height();
		if (offset < 0 || offset + 3L * size > tensor.length)
			throw new IllegalArgumentException("A " + image.width() + " × " + image
				.height() + " image does not fit at offset " + offset +
				" of a tensor of " + tensor.length + " values.");
		for (int c = 0; c < 3; c++) {
			final float[] in = rgb[order == ChannelOrder.RGB ? c : 2 - c];
			final int base = offset + c * size;
			for (int i = 0; i < size; i++)
				tensor[base + i] = (in[i] * scale - mean[c]) / std[c];
		}
	}
}
