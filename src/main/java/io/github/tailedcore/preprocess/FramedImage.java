package io.github.tailedcore.preprocess;

import io.github.tailedcore.image.AntialiasedResize;
import io.github.tailedcore.image.ImagePreprocessor;
import io.github.tailedcore.image.RasterImage;
import io.github.tailedcore.tail.TailAugmentation;

import java.util.List;

/**
 * One image prepared as {@link Preprocessing} says: its channels chosen,
 * their intensities stretched, then cut into the square inputs of the backbone, each of
 * {@code inputSize} pixels:
 * <ul>
 * <li>{@link Framing#CROP}: one input, the paper's resize + centre crop
 * ({@link ImagePreprocessor});</li>
 * <li>{@link Framing#FULL}: one input, the whole image resized to
 * {@code inputSize × inputSize};</li>
 * <li>{@link Framing#TILES}: the image resized by the scale (enlarged to one
 * input on its shorter side if smaller) and cut into the overlapping tiles
 * of a {@link TileGrid}.</li>
 * </ul>
 * FULL and TILES share one geometry: a <em>framed</em> image of
 * {@link #framedWidth()} × {@link #framedHeight()} pixels covered by tiles,
 * one tile for FULL; a map made on it is stretched back to the image's own
 * size.
 */
public final class FramedImage {

	private final Preprocessing preprocessing;
	private final int inputSize;
	private final int width;
	private final int height;
	/** The centre crop (CROP), or the framed image (FULL, TILES). */
	private final RasterImage framed;
	private final ImagePreprocessor cropper;
	private final RasterImage stretched;
	private final TileGrid tiles;

	private FramedImage(final RasterImage image,
		final Preprocessing preprocessing, final int resize, final int inputSize)
	{
		this.preprocessing = preprocessing;
		this.inputSize = inputSize;
		width = image.width();
		height = image.height();
		stretched = preprocessing.intensity().apply(preprocessing.channels().pick(
			image));
		if (preprocessing.framing() == Framing.CROP) {
			cropper = new ImagePreprocessor(resize, inputSize);
			framed = cropper.crop(stretched);
			tiles = null;
		}
		else {
			cropper = new ImagePreprocessor(inputSize, inputSize);
			final int[] size = framedSize(preprocessing, width, height, inputSize);
			framed = size[0] == width && size[1] == height ? stretched
				: AntialiasedResize.resize(stretched, size[0], size[1]);
			tiles = new TileGrid(size[0], size[1], inputSize, preprocessing
				.overlap());
		}
	}

	/**
	 * Prepares {@code image}.
	 *
	 * @param resize the shorter side before the paper's crop (256)
	 * @param inputSize side of the backbone's square input (224)
	 * @throws IllegalArgumentException if the image cannot be framed (a thin
	 *           strip for the crop) or lacks a channel it needs
	 */
	public static FramedImage of(final RasterImage image,
		final Preprocessing preprocessing, final int resize, final int inputSize)
	{
		return new FramedImage(image, preprocessing, resize, inputSize);
	}

	/**
	 * The number of inputs an image of this size gives, without its pixels:
	 * what a fit needs to know before it starts.
	 */
	public static int inputCount(final Preprocessing preprocessing,
		final int width, final int height, final int inputSize)
	{
		if (preprocessing.framing() != Framing.TILES) return 1;
		final int[] size = framedSize(preprocessing, width, height, inputSize);
		return new TileGrid(size[0], size[1], inputSize, preprocessing.overlap())
			.count();
	}

	/**
	 * Width and height of the framed image: {@code inputSize²} for FULL; the
	 * image times the scale for TILES, enlarged so that its shorter side holds
	 * one tile.
	 */
	static int[] framedSize(final Preprocessing p, final int width,
		final int height, final int inputSize)
	{
		if (p.framing() == Framing.FULL) return new int[] { inputSize,
			inputSize };
		final double f = Math.max(p.scale(), (double) inputSize / Math.min(width,
			height));
		return new int[] { Math.max(inputSize, (int) Math.round(width * f)), Math
			.max(inputSize, (int) Math.round(height * f)) };
	}

	/** How it was prepared. */
	public Preprocessing preprocessing() {
		return preprocessing;
	}

	/** Width of the original image. */
	public int width() {
		return width;
	}

	/** Height of the original image. */
	public int height() {
		return height;
	}

	/** Side of each input. */
	public int inputSize() {
		return inputSize;
	}

	/** Number of backbone inputs. */
	public int count() {
		return tiles == null ? 1 : tiles.count();
	}

	/** Input {@code k}, {@code inputSize × inputSize}. */
	public RasterImage input(final int k) {
		if (k < 0 || k >= count()) throw new IndexOutOfBoundsException(
			"Input " + k + " of " + count() + ".");
		if (tiles == null) return framed;
		return crop(framed, tiles.x(k), tiles.y(k), inputSize);
	}

	/**
	 * The rotated and flipped views of input {@code k} for the tail branch
	 * (spec §6). For the crop they are the paper's, made from the resized
	 * image; otherwise they are made from the input itself, so that a tail
	 * tile's views show that tile.
	 */
	public List<RasterImage> tailViews(final int k,
		final TailAugmentation augmentation)
	{
		return tiles == null && preprocessing.framing() == Framing.CROP ? cropper
			.tailViews(stretched, augmentation) : cropper.tailViews(input(k),
				augmentation);
	}

	/** The tiles of a FULL or TILES image; {@code null} for the crop. */
	public TileGrid tiles() {
		return tiles;
	}

	/** Width of the framed image (FULL, TILES). */
	public int framedWidth() {
		return framed.width();
	}

	/** Height of the framed image (FULL, TILES). */
	public int framedHeight() {
		return framed.height();
	}

	private static RasterImage crop(final RasterImage image, final int x0,
		final int y0, final int size)
	{
		final float[][] out = new float[image.channels()][size * size];
		for (int c = 0; c < out.length; c++) {
			final float[] in = image.plane(c);
			for (int y = 0; y < size; y++)
				System.arraycopy(in, (y0 + y) * image.width() + x0, out[c], y * size,
					size);
		}
		return new RasterImage(size, size, out);
	}
}
