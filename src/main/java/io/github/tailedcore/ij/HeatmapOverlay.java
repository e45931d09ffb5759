package io.github.tailedcore.ij;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.ImageRoi;
import ij.gui.Overlay;
import ij.gui.PolygonRoi;
import ij.gui.Roi;
import ij.measure.Calibration;
import ij.plugin.LutLoader;
import ij.plugin.frame.RoiManager;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.LUT;

import java.awt.Color;
import java.awt.GraphicsEnvironment;
import java.awt.image.IndexColorModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Shows an anomaly map on the image it was computed for, the way Fiji users
 * expect results: in the image's {@link Overlay}, which survives saving as
 * TIFF and flattens to RGB.
 * <ul>
 * <li>a semi-transparent {@link ImageRoi} named {@value #HEATMAP_NAME}: the
 * map coloured with ImageJ's "Fire" LUT over the display range
 * [min, max]; pixels without a score (NaN, e.g. outside the detector's
 * centre crop) are transparent;</li>
 * <li>with a threshold τ, one traced outline per region with score ≥ τ
 * ({@link AnomalyRegions}), named "anomaly 1", "anomaly 2", … (most
 * anomalous first, numbered over the whole stack);</li>
 * <li>a 32-bit "anomaly map" image with the Fire LUT and the same display
 * range, for measuring and saving.</li>
 * </ul>
 * Each slice's ROIs carry that slice's position, so a stack shows each
 * slice's own map. Applying again replaces the ROIs a previous call added.
 * No window is opened; the ROI Manager is filled only when
 * {@link Builder#roiManager(boolean)} asks for it and a display exists.
 *
 * <pre>
 * HeatmapOverlay.Result r = HeatmapOverlay.builder().displayRange(0, 4)
 * 	.opacity(0.5).threshold(2.5).build().apply(imp, map);
 * </pre>
 */
public final class HeatmapOverlay {

	/** Name of the heatmap ROI in the overlay. */
	public static final String HEATMAP_NAME = "TailedCore heatmap";
	/** Anomaly outlines are named this prefix plus their number. */
	public static final String ANOMALY_PREFIX = "anomaly ";
	public static final double DEFAULT_OPACITY = 0.5;
	/** Outline colour: cyan stands out from every colour of the Fire LUT. */
	public static final Color DEFAULT_OUTLINE_COLOR = Color.CYAN;
	/** Bits set in every scored pixel's colour (see {@link #colour}). */
	private static final int MIN_CHANNELS = 0x020202;

	private final double displayMin;
	private final double displayMax;
	private final double opacity;
	private final double threshold;
	private final Color outlineColor;
	private final boolean roiManager;

	private HeatmapOverlay(final Builder b) {
		displayMin = b.displayMin;
		displayMax = b.displayMax;
		opacity = b.opacity;
		threshold = b.threshold;
		outlineColor = b.outlineColor;
		roiManager = b.roiManager;
	}

	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Overlays the map of a single-plane image, or of a stack's current
	 * slice ({@link ImagePlus#getCurrentSlice()}).
	 *
	 * @param map {@code width · height} scores, row-major, NaN where none
	 */
	public Result apply(final ImagePlus imp, final float[] map) {
		final int channels = ImagePlusConverter.channels(imp);
		final List<float[]> maps = new ArrayList<>(Collections.nCopies(imp
			.getStackSize() / channels, (float[]) null));
		maps.set((imp.getCurrentSlice() - 1) / channels, map);
		return apply(imp, maps);
	}

	/**
	 * Overlays one map per stack index, or per Z, T position of a
	 * multi-channel composite (one map of all its channels, shown over every
	 * channel).
	 *
	 * @param maps one entry per stack index (1 → element 0) or position:
	 *          {@code width · height} scores, or {@code null} for a slice
	 *          that was not scored
	 */
	public Result apply(final ImagePlus imp, final List<float[]> maps) {
		final int w = imp.getWidth();
		final int h = imp.getHeight();
		final int channels = ImagePlusConverter.channels(imp);
		if (maps.size() * channels != imp.getStackSize())
			throw new IllegalArgumentException("Image '" + imp.getTitle() +
				"' has " + imp.getStackSize() / channels + (channels > 1
					? " positions of " + channels + " channels" : " slices") + " but " +
				maps.size() + " maps were given.");
		Overlay overlay = imp.getOverlay();
		if (overlay == null) overlay = new Overlay();
		remove(overlay);
		final IndexColorModel fire = LutLoader.getLut("fire");
		final ImageStack mapStack = new ImageStack(w, h);
		final List<ImageRoi> heatmaps = new ArrayList<>();
		final List<Roi> anomalies = new ArrayList<>();
		for (int i = 1; i <= maps.size(); i++) {
			float[] map = maps.get(i - 1);
			if (map != null && map.length != w * h)
				throw new IllegalArgumentException("The map of slice " + i +
					" has " + map.length + " values; image '" + imp.getTitle() +
					"' needs " + w * h + " (" + w + " x " + h + ").");
			if (map == null) map = nanMap(w * h);
			mapStack.addSlice(new FloatProcessor(w, h, map.clone()));
			if (maps.get(i - 1) == null) continue;
			final ImageRoi heatmap = heatmapRoi(map, w, h, fire);
			setPosition(heatmap, imp, (i - 1) * channels + 1);
			overlay.add(heatmap);
			heatmaps.add(heatmap);
			if (Double.isNaN(threshold)) continue;
			for (final PolygonRoi roi : AnomalyRegions.outline(map, w, h,
				threshold))
			{
				roi.setName(ANOMALY_PREFIX + (anomalies.size() + 1));
				roi.setStrokeColor(outlineColor);
				setPosition(roi, imp, (i - 1) * channels + 1);
				overlay.add(roi);
				anomalies.add(roi);
			}
		}
		imp.setOverlay(overlay);
		if (roiManager && !GraphicsEnvironment.isHeadless()) {
			final RoiManager rm = RoiManager.getRoiManager();
			for (final Roi roi : anomalies)
				rm.addRoi(roi);
		}
		return new Result(mapImage(imp, mapStack, fire), heatmaps, anomalies);
	}

	/** Removes the heatmaps and anomaly outlines this class added. */
	public static void remove(final ImagePlus imp) {
		if (imp.getOverlay() != null) remove(imp.getOverlay());
	}

	private static void remove(final Overlay overlay) {
		for (int i = overlay.size() - 1; i >= 0; i--) {
			final String name = overlay.get(i).getName();
			if (name != null && (name.equals(HEATMAP_NAME) || name.startsWith(
				ANOMALY_PREFIX))) overlay.remove(i);
		}
	}

	private ImageRoi heatmapRoi(final float[] map, final int w, final int h,
		final IndexColorModel lut)
	{
		final int[] rgb = new int[map.length];
		for (int i = 0; i < map.length; i++)
			rgb[i] = colour(map[i], lut);
		final ImageRoi roi = new ImageRoi(0, 0, new ColorProcessor(w, h, rgb));
		roi.setZeroTransparent(true);
		roi.setOpacity(opacity);
		roi.setName(HEATMAP_NAME);
		return roi;
	}

	/**
	 * The LUT colour of {@code v}, scaled over the display range as ImageJ
	 * shows 32-bit images. NaN gives 0, which {@link ImageRoi} draws
	 * transparent. As it draws every pixel of brightness ≤ 1 transparent, a
	 * scored pixel gets each channel at least 2 ({@link #MIN_CHANNELS}, at
	 * most 2/255 off the LUT, invisible), whatever RGB weights are set.
	 */
	private int colour(final float v, final IndexColorModel lut) {
		if (Float.isNaN(v)) return 0;
		final double scaled = (v - displayMin) * 255 / (displayMax - displayMin);
		final int index = (int) Math.min(Math.max(scaled + 0.5, 0), 255);
		return lut.getRGB(index) & 0xffffff | MIN_CHANNELS;
	}

	private ImagePlus mapImage(final ImagePlus imp, final ImageStack stack,
		final IndexColorModel lut)
	{
		final ImagePlus map = new ImagePlus(imp.getTitle() + " anomaly map",
			stack);
		if (imp.isHyperStack()) {
			map.setDimensions(1, imp.getNSlices(), imp.getNFrames());
			map.setOpenAsHyperStack(true);
		}
		final Calibration cal = imp.getCalibration().copy();
		cal.disableDensityCalibration();
		map.setCalibration(cal);
		map.setLut(new LUT(lut, displayMin, displayMax));
		map.setDisplayRange(displayMin, displayMax);
		return map;
	}

	/**
	 * Places a ROI at a stack index, or at its Z, T position over every
	 * channel (channel 0) of a composite.
	 */
	private static void setPosition(final Roi roi, final ImagePlus imp,
		final int stackIndex)
	{
		if (imp.getStackSize() == 1) return;
		if (imp.isHyperStack() || ImagePlusConverter.channels(imp) > 1) {
			final int[] czt = imp.convertIndexToPosition(stackIndex);
			roi.setPosition(ImagePlusConverter.channels(imp) > 1 ? 0 : czt[0],
				czt[1], czt[2]);
		}
		else roi.setPosition(stackIndex);
	}

	private static float[] nanMap(final int n) {
		final float[] map = new float[n];
		Arrays.fill(map, Float.NaN);
		return map;
	}

	/** What {@link #apply} added, and the map image. */
	public record Result(ImagePlus map, List<ImageRoi> heatmaps,
		List<Roi> anomalies)
	{}

	/** Collects the overlay settings; {@link #build()} validates them. */
	public static final class Builder {

		private double displayMin = Double.NaN;
		private double displayMax = Double.NaN;
		private double opacity = DEFAULT_OPACITY;
		private double threshold = Double.NaN;
		private Color outlineColor = DEFAULT_OUTLINE_COLOR;
		private boolean roiManager;

		private Builder() {}

		/** Scores mapped to the LUT's first and last colour (required). */
		public Builder displayRange(final double min, final double max) {
			displayMin = min;
			displayMax = max;
			return this;
		}

		/**
		 * 0 = invisible, 1 = opaque; default
		 * {@value HeatmapOverlay#DEFAULT_OPACITY}.
		 */
		public Builder opacity(final double value) {
			opacity = value;
			return this;
		}

		/** τ for the anomaly outlines; NaN (the default) draws none. */
		public Builder threshold(final double value) {
			threshold = value;
			return this;
		}

		public Builder outlineColor(final Color value) {
			outlineColor = value;
			return this;
		}

		/** Also add the outlines to the ROI Manager (ignored when headless). */
		public Builder roiManager(final boolean value) {
			roiManager = value;
			return this;
		}

		/** @throws IllegalArgumentException naming the setting out of range */
		public HeatmapOverlay build() {
			if (!(Double.isFinite(displayMin) && Double.isFinite(displayMax) &&
				displayMin < displayMax)) throw new IllegalArgumentException(
					"The heatmap's display range needs finite min < max, got [" +
						displayMin + ", " + displayMax + "].");
			if (!(opacity >= 0 && opacity <= 1)) throw new IllegalArgumentException(
				"The heatmap opacity must be in [0, 1], got " + opacity + ".");
			if (Double.isInfinite(threshold)) throw new IllegalArgumentException(
				"The anomaly threshold must be finite (or NaN for none), got " +
					threshold + ".");
			if (outlineColor == null) throw new IllegalArgumentException(
				"Choose an outline colour for the anomaly regions.");
			return new HeatmapOverlay(this);
		}
	}
}
