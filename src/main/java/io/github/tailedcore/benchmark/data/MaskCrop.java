package io.github.tailedcore.benchmark.data;

import io.github.tailedcore.image.ImagePreprocessor;
import io.github.tailedcore.image.RasterImage;

/**
 * Brings a ground-truth mask onto the anomaly map's grid: the map covers
 * the centre crop of the resized image (spec §7), so the mask goes through
 * the same resize of the shorter side and centre crop, as the official data
 * loader transforms its masks, and is binarised again at one half (255/2 on
 * the 0/255 scale).
 */
public final class MaskCrop {

	/** Resized mask values above this count as defect (half of 255). */
	static final float HALF = 127.5f;

	private MaskCrop() {}

	/**
	 * The mask as the network's crop sees it.
	 *
	 * @param mask a mask of the full image
	 * @param preprocessor the feature extractor's resize and crop
	 * @return a {@code crop × crop} mask
	 */
	public static BinaryMask of(final BinaryMask mask,
		final ImagePreprocessor preprocessor)
	{
		final boolean[] in = mask.pixels();
		final float[] grey = new float[in.length];
		for (int i = 0; i < in.length; i++)
			grey[i] = in[i] ? 255 : 0;
		final float[] cropped = preprocessor.crop(new RasterImage(mask.width(),
			mask.height(), grey)).plane(0);
		final boolean[] out = new boolean[cropped.length];
		for (int i = 0; i < out.length; i++)
			out[i] = cropped[i] > HALF;
		final int side = preprocessor.crop();
		return new BinaryMask(side, side, out);
	}
}
