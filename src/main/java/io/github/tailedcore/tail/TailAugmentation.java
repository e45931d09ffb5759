package io.github.tailedcore.tail;

/**
 * The rotated and flipped views added for each tail image (spec §6). Each
 * view is (horizontal flip or not, then a counter-clockwise rotation); the
 * identity view (0°, no flip) is excluded, so a type with A angles adds
 * 2A − 1 views.
 */
public enum TailAugmentation {

	/** No extra views: the tail branch uses the tail images as they are. */
	NONE(0, false),
	/** Multiples of 90° applied to the centre crop (VisA config): 7 views. */
	ROTFLIP(90, true),
	/** Steps of 15° (MVTec step config, the default): 47 views. */
	ROT15FLIP(15, false),
	/** Steps of 30° (MVTec Pareto config): 23 views. */
	ROT30FLIP(30, false),
	/** Steps of 45°: 15 views. */
	ROT45FLIP(45, false);

	private final int stepDegrees;
	private final boolean onCrop;

	TailAugmentation(final int stepDegrees, final boolean onCrop) {
		this.stepDegrees = stepDegrees;
		this.onCrop = onCrop;
	}

	/** Number of extra views V per tail image (identity excluded). */
	public int viewCount() {
		return stepDegrees == 0 ? 0 : 2 * (360 / stepDegrees) - 1;
	}

	/**
	 * Whether views rotate the 224 px centre crop directly ({@link #ROTFLIP})
	 * rather than the padded 256 px resize that is cropped afterwards.
	 */
	public boolean rotatesCrop() {
		return onCrop;
	}

	/*
	 * Views enumerate the pairs q = 0 .. 2A-1 as (angle = (q / 2) * step,
	 * flip = q odd) and skip the identity q = 0, so view v is pair q = v + 1.
	 */

	/** Rotation angle of view {@code v} (0 ≤ v &lt; V), in degrees, counter-clockwise. */
	public int angle(final int view) {
		return (view + 1) / 2 * stepDegrees;
	}

	/** Whether view {@code v} is horizontally flipped (before rotation). */
	public boolean flipped(final int view) {
		return (view + 1) % 2 == 1;
	}

	/** Parses {@code none}, {@code rotflip}, {@code rot15flip}, … (case-insensitive). */
	public static TailAugmentation parse(final String name) {
		for (final TailAugmentation a : values())
			if (a.name().equalsIgnoreCase(name.trim())) return a;
		throw new IllegalArgumentException("Unknown tail augmentation '" + name +
			"': use none, rotflip, rot15flip, rot30flip or rot45flip.");
	}
}
