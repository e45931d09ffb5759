package io.github.tailedcore;

import io.github.tailedcore.tail.TailAugmentation;

import java.io.IOException;
import java.util.List;

/**
 * Supplies the patch features of the rotated and flipped views of a tail
 * image (spec §6), which only the source of the images can compute: the tail
 * branch asks for them once TailSampler has chosen the tail set T.
 * <p>
 * The feature extractor implements this by re-reading the chosen image; a
 * fit on bare feature arrays has no images and uses {@link #NONE}.
 * </p>
 */
@FunctionalInterface
public interface TailViewSource {

	/** A source that has no images, so adds no views. */
	TailViewSource NONE = (image, augmentation) -> List.of();

	/**
	 * @param image index of a tail image in the training order
	 * @param augmentation which views to make (never {@link TailAugmentation#NONE})
	 * @return the L × D patch features of each view, in the augmentation's
	 *         view order (V of them), or an empty list if this source has no
	 *         images
	 * @throws IOException naming the image if it cannot be re-read
	 */
	List<float[]> views(int image, TailAugmentation augmentation)
		throws IOException;
}
