package io.github.tailedcore.scoring;

import io.github.tailedcore.preprocess.Framing;
import io.github.tailedcore.preprocess.FramedImage;
import io.github.tailedcore.preprocess.MapGeometry;
import io.github.tailedcore.preprocess.TileBlend;

/**
 * Builds the anomaly map of a whole image from the patch scores of its
 * inputs, input by input, so that a large image's tiles need not all be
 * held (spec §7, extended to tiles):
 * <ul>
 * <li>crop: the paper's map (bilinear upsampling to the crop, Gaussian σ),
 * brought back onto the image with NaN outside the crop
 * ({@link MapGeometry});</li>
 * <li>full frame and tiles: each input's scores are upsampled bilinearly to
 * the input, the tiles blended into one map of the framed image
 * ({@link TileBlend}), that map smoothed once by the Gaussian σ (so no tile
 * edge shows) and resized to the image's size.</li>
 * </ul>
 * The image score is the largest patch score of all inputs.
 */
public final class ImageMapAssembly {

	private final FramedImage image;
	private final int resize;
	private final double sigma;
	private final TileBlend blend;
	private float[] cropMap;
	private float score = Float.NEGATIVE_INFINITY;
	private int added;

	/**
	 * @param resize the paper's shorter side before the crop (256)
	 * @param sigma Gaussian σ in input pixels
	 */
	public ImageMapAssembly(final FramedImage image, final int resize,
		final double sigma)
	{
		this.image = image;
		this.resize = resize;
		this.sigma = sigma;
		blend = image.preprocessing().framing() == Framing.CROP ? null
			: new TileBlend(image.framedWidth(), image.framedHeight(), image.tiles(),
				image.preprocessing().overlap());
	}

	/**
	 * Adds the patch scores of input {@code k}.
	 *
	 * @param scores gridHeight × gridWidth values, row-major
	 */
	public void add(final int k, final float[] scores, final int gridHeight,
		final int gridWidth)
	{
		for (final float s : scores)
			if (Float.isNaN(s) || Float.isNaN(score)) score = Float.NaN;
			else if (s > score) score = s;
		final int t = image.inputSize();
		if (blend == null) cropMap = new AnomalyMapGenerator(t, sigma).generate(
			scores, gridHeight, gridWidth);
		else blend.add(k, AnomalyMapGenerator.upsampleBilinear(scores, gridHeight,
			gridWidth, t, t));
		added++;
	}

	/**
	 * The image's score and map, once every input was added.
	 *
	 * @throws IllegalStateException if inputs are missing
	 */
	public ImageAnomaly result() {
		if (added != image.count()) throw new IllegalStateException("Only " +
			added + " of the image's " + image.count() + " inputs were scored.");
		final int w = image.width();
		final int h = image.height();
		if (blend == null) return new ImageAnomaly(score, w, h, new MapGeometry(w,
			h, resize, image.inputSize()).toImage(cropMap));
		final int fw = blend.width();
		final int fh = blend.height();
		final float[] smooth = AnomalyMapGenerator.gaussianFilter(blend.map(), fh,
			fw, sigma);
		return new ImageAnomaly(score, w, h, fw == w && fh == h ? smooth
			: AnomalyMapGenerator.upsampleBilinear(smooth, fh, fw, h, w));
	}
}
