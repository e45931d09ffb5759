package io.github.tailedcore.feature;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns one image's {@code layer2} and {@code layer3} maps into its patch
 * features F<sub>i</sub>: L = H₂ · W₂ vectors of D = 1024 values (spec §2,
 * PatchCore's {@code PatchMaker}, {@code MeanMapper} and {@code Aggregator}).
 * <p>
 * The definition, for any channel counts C₂ and C₃:
 * </p>
 * <ol>
 * <li>unfold each layer with a 3 × 3 kernel, stride 1, zero padding 1: at
 * every location a vector of C·9 values, channel-major
 * ({@code c · 9 + ky · 3 + kx});</li>
 * <li>upsample each of layer3's C₃·9 unfolded maps bilinearly
 * (align_corners=False) to layer2's grid;</li>
 * <li>per layer, adaptive-average-pool the C·9 vector to 1024 values (bin b
 * averages {@code [floor(b·n/1024), ceil((b+1)·n/1024))}, which also works
 * for n &lt; 1024);</li>
 * <li>concatenate the two 1024-vectors and pool the 2048 values to 1024.</li>
 * </ol>
 * <p>
 * Everything is linear, so this class never materialises the unfolded
 * vectors: each output dimension j is a short weighted sum of shifted
 * channels, computed once per map (on layer3's own grid, then upsampled).
 * For wide_resnet50_2 this gives the closed form of spec §2: a
 * centre-weighted 3 × 3 mean of layer2 channel j for j &lt; 512, and the mean
 * of layer3 channels 2k and 2k + 1 for j = 512 + k.
 * </p>
 * <p>
 * Immutable and thread-safe.
 * </p>
 */
public final class PatchAggregator {

	/** Per-layer pooled length, PatchCore's {@code pretrain_embed_dimension}. */
	public static final int LAYER_DIMS = 1024;
	/** Patch feature length D, PatchCore's {@code target_embed_dimension}. */
	public static final int DIMS = 1024;
	/** Output dimensions computed together before they are interleaved. */
	private static final int BLOCK = 16;

	private final MapShape layer2;
	private final MapShape layer3;
	/** Per output dimension: the weighted taps of layer2, then of layer3. */
	private final Tap[][] layer2Taps = new Tap[DIMS][];
	private final Tap[][] layer3Taps = new Tap[DIMS][];
	private final Bilinear rows;
	private final Bilinear cols;

	/**
	 * @param layer2 per-image shape of the finer map; its grid is the patch
	 *          grid
	 * @param layer3 per-image shape of the coarser map
	 */
	public PatchAggregator(final MapShape layer2, final MapShape layer3) {
		this.layer2 = layer2;
		this.layer3 = layer3;
		final int[][] merge = poolBins(2 * LAYER_DIMS, DIMS);
		final int[][] pool2 = poolBins(9 * layer2.channels(), LAYER_DIMS);
		final int[][] pool3 = poolBins(9 * layer3.channels(), LAYER_DIMS);
		for (int j = 0; j < DIMS; j++) {
			final Map<Integer, Double> weights2 = new TreeMap<>();
			final Map<Integer, Double> weights3 = new TreeMap<>();
			final int[] m = merge[j];
			for (int q = m[0]; q < m[1]; q++) {
				final double scale = 1.0 / (m[1] - m[0]);
				if (q < LAYER_DIMS) addBin(weights2, pool2[q], scale);
				else addBin(weights3, pool3[q - LAYER_DIMS], scale);
			}
			layer2Taps[j] = taps(weights2);
			layer3Taps[j] = taps(weights3);
		}
		rows = new Bilinear(layer3.height(), layer2.height());
		cols = new Bilinear(layer3.width(), layer2.width());
	}

	/** The patch grid: layer2's H₂ × W₂ locations of {@link #DIMS} values. */
	public FeatureGrid grid(final int cropSize) {
		return new FeatureGrid(layer2.height(), layer2.width(), DIMS, cropSize);
	}

	/**
	 * The patch features of image {@code n} of a batch: L × 1024 values,
	 * row-major over locations {@code y · W₂ + x}.
	 */
	public float[] aggregate(final FeatureMaps l2, final FeatureMaps l3,
		final int n)
	{
		if (!l2.shape().equals(layer2) || !l3.shape().equals(layer3))
			throw new IllegalArgumentException("Maps of " + l2.shape() + " and " + l3
				.shape() + " do not fit an aggregator for " + layer2 + " and " +
				layer3 + ".");
		final int locations = layer2.locations();
		final float[] out = new float[locations * DIMS];
		final float[][] block = new float[BLOCK][locations];
		final float[] coarse = new float[layer3.locations()];
		final float[] rowsUp = new float[layer3.height() * layer2.width()];
		for (int j0 = 0; j0 < DIMS; j0 += BLOCK) {
			final int size = Math.min(BLOCK, DIMS - j0);
			for (int b = 0; b < size; b++) {
				final int j = j0 + b;
				shiftedSum(l2.data(), l2.offset(n), layer2, layer2Taps[j], block[b]);
				if (layer3Taps[j].length > 0) {
					shiftedSum(l3.data(), l3.offset(n), layer3, layer3Taps[j], coarse);
					addUpsampled(coarse, rowsUp, block[b]);
				}
			}
			for (int p = 0; p < locations; p++)
				for (int b = 0; b < size; b++)
					out[p * DIMS + j0 + b] = block[b][p];
		}
		return out;
	}

	/**
	 * {@code out(y, x) = Σ w · map_c(y + dy, x + dx)} over the taps, with
	 * zeros outside the map.
	 */
	private static void shiftedSum(final float[] data, final int offset,
		final MapShape shape, final Tap[] taps, final float[] out)
	{
		Arrays.fill(out, 0);
		final int h = shape.height();
		final int w = shape.width();
		for (final Tap t : taps) {
			final int base = offset + t.channel * h * w;
			final int shift = t.dy * w + t.dx;
			final int x0 = Math.max(0, -t.dx);
			final int x1 = Math.min(w, w - t.dx);
			for (int y = Math.max(0, -t.dy); y < Math.min(h, h - t.dy); y++)
				for (int x = x0; x < x1; x++)
					out[y * w + x] += t.weight * data[base + y * w + x + shift];
		}
	}

	/**
	 * Adds the bilinear upsampling of a layer3-grid map to a layer2-grid map,
	 * separably: first along rows into {@code rowsUp} (H₃ × W₂), then along
	 * columns.
	 */
	private void addUpsampled(final float[] coarse, final float[] rowsUp,
		final float[] fine)
	{
		final int w3 = layer3.width();
		final int w2 = layer2.width();
		for (int y = 0; y < layer3.height(); y++)
			for (int x = 0; x < w2; x++)
				rowsUp[y * w2 + x] = (1 - cols.highWeight[x]) * coarse[y * w3 +
					cols.low[x]] + cols.highWeight[x] * coarse[y * w3 + cols.high[x]];
		for (int y = 0; y < layer2.height(); y++) {
			final int r0 = rows.low[y] * w2;
			final int r1 = rows.high[y] * w2;
			final float a1 = rows.highWeight[y];
			final float a0 = 1 - a1;
			final int base = y * w2;
			for (int x = 0; x < w2; x++)
				fine[base + x] += a0 * rowsUp[r0 + x] + a1 * rowsUp[r1 + x];
		}
	}

	/** Adds {@code scale / |bin|} to the weight of every element of a bin. */
	private static void addBin(final Map<Integer, Double> weights,
		final int[] bin, final double scale)
	{
		for (int e = bin[0]; e < bin[1]; e++)
			weights.merge(e, scale / (bin[1] - bin[0]), Double::sum);
	}

	/** Element weights as taps: element e = c · 9 + ky · 3 + kx. */
	private static Tap[] taps(final Map<Integer, Double> weights) {
		final List<Tap> taps = new ArrayList<>();
		weights.forEach((e, w) -> taps.add(new Tap(e / 9, e % 9 / 3 - 1, e % 3 -
			1, w.floatValue())));
		return taps.toArray(new Tap[0]);
	}

	/**
	 * The bins of adaptive average pooling of n values to {@code out}: bin b
	 * averages elements {@code [floor(b·n/out), ceil((b+1)·n/out))}, returned
	 * as {start, end}.
	 */
	static int[][] poolBins(final int n, final int out) {
		final int[][] bins = new int[out][];
		for (int b = 0; b < out; b++)
			bins[b] = new int[] { (int) Math.floorDiv((long) b * n, out),
				(int) -Math.floorDiv(-(long) (b + 1) * n, out) };
		return bins;
	}

	/** One weighted, shifted channel: weight · map_channel(y + dy, x + dx). */
	private record Tap(int channel, int dy, int dx, float weight) {}

	/**
	 * Bilinear upsampling along one axis, PyTorch's align_corners=False: output
	 * i reads {@code s = max((i + ½)·in/out − ½, 0)} between pixels
	 * {@code floor(s)} and the next one (clamped).
	 */
	private static final class Bilinear {

		final int[] low;
		final int[] high;
		final float[] highWeight;

		Bilinear(final int in, final int out) {
			low = new int[out];
			high = new int[out];
			highWeight = new float[out];
			final double scale = (double) in / out;
			for (int i = 0; i < out; i++) {
				final double s = Math.max((i + 0.5) * scale - 0.5, 0);
				low[i] = Math.min((int) s, in - 1);
				high[i] = Math.min(low[i] + 1, in - 1);
				highWeight[i] = (float) (s - low[i]);
			}
		}
	}
}
