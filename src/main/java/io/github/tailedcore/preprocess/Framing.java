package io.github.tailedcore.preprocess;

import io.github.tailedcore.Labelled;

/**
 * Which part of an image the backbone sees, and at what resolution.
 * <p>
 * The paper crops (spec §2): the shorter side is resized to 256 and the
 * central 224 × 224 square is kept, so 12.5 % of each side is never
 * analysed and a 2048 px micrograph is shrunk 8 times before its 28 × 28
 * feature grid. {@link #FULL} and {@link #TILES} analyse every pixel.
 * </p>
 */
public enum Framing implements Labelled {

	/** The paper's {@code Resize(256)} + {@code CenterCrop(224)}: borders are lost. */
	CROP("crop"),

	/**
	 * The whole image resized (stretched if it is not square) to the
	 * backbone's input size: every pixel is seen, at the resolution of one
	 * input, and the map covers the whole image.
	 */
	FULL("full"),

	/**
	 * The image at a chosen scale cut into overlapping tiles of the
	 * backbone's input size: every pixel is seen at that scale; the tiles'
	 * maps are blended into one map of the whole image and the image score is
	 * the maximum over all tiles.
	 */
	TILES("tiles");

	private final String label;

	Framing(final String label) {
		this.label = label;
	}

	/** The name users type: {@code crop}, {@code full} or {@code tiles}. */
	@Override
	public String label() {
		return label;
	}

	/** Parses {@link #label()} (case-insensitive). */
	public static Framing parse(final String name) {
		return Labelled.parse(values(), name, "framing", "full, tiles or crop");
	}
}
