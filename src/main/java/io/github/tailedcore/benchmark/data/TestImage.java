package io.github.tailedcore.benchmark.data;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One test image of an MVTec-layout class: {@code <class>/test/<type>/<file>}
 * with its defect type ({@value #GOOD} for defect-free images) and, for
 * defective images of classes with pixel labels, its ground-truth mask
 * {@code <class>/ground_truth/<type>/<stem>_mask.png}.
 *
 * @param image the image file
 * @param defectType the name of the folder under {@code test/}
 * @param mask the 0/255 mask file, or {@code null} for a defect-free image
 *          or a class without masks
 */
public record TestImage(Path image, String defectType, Path mask) {

	/** The defect type of defect-free images, as in MVTec AD. */
	public static final String GOOD = "good";

	/** Checks that the image and its type are given. */
	public TestImage {
		Objects.requireNonNull(image, "A test image needs a file.");
		Objects.requireNonNull(defectType, "A test image needs a defect type.");
	}

	/** Whether this image is defective (its type is not {@value #GOOD}). */
	public boolean isAnomalous() {
		return !GOOD.equals(defectType);
	}
}
