package io.github.tailedcore.image;

import io.github.tailedcore.tail.TailAugmentation;

import java.util.ArrayList;
import java.util.List;

/**
 * The official code's image pipeline up to the network input: PIL bilinear
 * {@code Resize(resize)} of the shorter side, then {@code CenterCrop(crop)}
 * (spec §2; 256 and 224 in the paper), and the rotated and flipped views of
 * tail images (spec §6).
 * <p>
 * Views of the {@code rotXXflip} kinds are made from the resized image
 * without the crop: optional horizontal flip, replicate padding by
 * {@code ceil((√2·crop − crop) / 2)} pixels (47 for 224), rotation
 * counter-clockwise about the centre with nearest-neighbour sampling, then
 * the centre crop, so that no fill pixel reaches the crop. {@code rotflip}
 * views flip and then rotate the centre crop itself by multiples of 90°.
 * </p>
 * <p>
 * Immutable and thread-safe.
 * </p>
 */
public final class ImagePreprocessor {

	/** Longest allowed ratio of the longer to the shorter image side. */
	public static final int MAX_ASPECT_RATIO = 32;

	private final int resize;
	private final int crop;

	/**
	 * @param resize length of the shorter side after resizing
	 * @param crop side of the square centre crop, at most {@code resize}
	 */
	public ImagePreprocessor(final int resize, final int crop) {
		if (crop < 1 || resize < crop) throw new IllegalArgumentException(
			"The centre crop (" + crop + " px) must be positive and no larger than" +
				" the resized shorter side (" + resize + " px).");
		this.resize = resize;
		this.crop = crop;
	}

	/** Length of the shorter side after resizing. */
	public int resize() {
		return resize;
	}

	/** Side of the square crop the network sees. */
	public int crop() {
		return crop;
	}

	/** Resize and centre crop: the standard view of an image. */
	public RasterImage crop(final RasterImage image) {
		return ImageTransforms.centerCrop(resized(image), crop);
	}

	/**
	 * Resizes the shorter side to {@link #resize()}, refusing strips so thin
	 * that the resized image would be huge and the crop meaningless.
	 */
	private RasterImage resized(final RasterImage image) {
		final int shorter = Math.min(image.width(), image.height());
		final int longer = Math.max(image.width(), image.height());
		if ((long) longer > (long) MAX_ASPECT_RATIO * shorter)
			throw new IllegalArgumentException("A " + image.width() + " × " + image
				.height() + " image is more than " + MAX_ASPECT_RATIO +
				" times longer than wide; crop it to the region to inspect first.");
		return AntialiasedResize.toShorterSide(image, resize);
	}

	/**
	 * Replicate padding before rotation, {@code ceil((√(2·crop²) − crop) / 2)}:
	 * enough that the rotated crop never samples outside the image.
	 */
	public int rotationPadding() {
		return (int) Math.ceil((Math.sqrt(2.0 * crop * crop) - crop) / 2);
	}

	/**
	 * The V extra views of a tail image (identity excluded), in the order of
	 * {@link TailAugmentation#angle(int)} and
	 * {@link TailAugmentation#flipped(int)}; each is {@code crop × crop}.
	 */
	public List<RasterImage> tailViews(final RasterImage image,
		final TailAugmentation augmentation)
	{
		final int views = augmentation.viewCount();
		final List<RasterImage> out = new ArrayList<>(views);
		if (views == 0) return out;
		final RasterImage resized = resized(image);
		final RasterImage base;
		final RasterImage flippedBase;
		if (augmentation.rotatesCrop()) {
			base = ImageTransforms.centerCrop(resized, crop);
			flippedBase = ImageTransforms.flipHorizontal(base);
		}
		else {
			final int pad = rotationPadding();
			base = ImageTransforms.padReplicate(resized, pad);
			flippedBase = ImageTransforms.padReplicate(ImageTransforms
				.flipHorizontal(resized), pad);
		}
		for (int v = 0; v < views; v++) {
			final RasterImage source = augmentation.flipped(v) ? flippedBase : base;
			final int angle = augmentation.angle(v);
			final RasterImage rotated = angle == 0 ? source : ImageTransforms.rotate(
				source, angle);
			out.add(augmentation.rotatesCrop() ? rotated : ImageTransforms
				.centerCrop(rotated, crop));
		}
		return out;
	}
}
