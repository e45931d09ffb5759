package io.github.tailedcore.tail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tailedcore.SharedData;
import io.github.tailedcore.TailedCoreSettings;
import io.github.tailedcore.feature.FeatureExtractor;
import io.github.tailedcore.image.ImageIoReader;
import io.github.tailedcore.linalg.FeatureMatrix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Both tail estimates on MobileNetV2 embeddings of real images of
 * {@code ../shared/datasets/industrial} (the first training images of each
 * class, in name order): the inputs on which the paper's estimate misfires.
 */
class IndustrialTailEstimateTest {

	private static final TailSampler PAPER = new TailSampler();
	private static final TailSampler ROBUST = new TailSampler(
		TailedCoreSettings.DEFAULT_TAIL_PERCENTILE,
		TailedCoreSettings.DEFAULT_TAIL_CAP_FRACTION, TailEstimation.ROBUST);

	private static final Map<String, List<float[]>> EXTRACTED = new HashMap<>();

	private static FeatureExtractor mobilenet;
	private static Path industrial;

	@BeforeAll
	static void open() throws IOException {
		industrial = SharedData.require("datasets/industrial");
		mobilenet = FeatureExtractor.open(SharedData.require("models").resolve(
			"mobilenet_v2_imagenet.json"));
	}

	@AfterAll
	static void close() {
		if (mobilenet != null) mobilenet.close();
	}

	/**
	 * One kind alone, tight (tire) or diverse (PCB), 30 images: the paper's
	 * estimate gives every image κ = 1 and takes all 30 as tail; the robust
	 * one takes none and says why.
	 */
	@Test
	void oneKindAloneIsNotATail() throws IOException {
		for (final String kind : new String[] { "tire", "pcb" }) {
			final FeatureMatrix oneKind = matrix(rows(kind, 30));
			final TailEstimate paper = PAPER.estimate(oneKind);
			assertArrayEquals(new int[30], IntStream.of(paper.kappa()).map(k -> k -
				1).toArray(), kind);
			assertEquals(30, paper.tailIndices().length, kind);
			assertTrue(paper.note().contains("Every image was predicted to be tail"),
				paper.note());
			final TailEstimate robust = ROBUST.estimate(oneKind);
			assertEquals(0, robust.tailIndices().length, kind);
			assertTrue(robust.note().contains("no class structure"), robust.note());
		}
		final String tire = PAPER.estimate(matrix(rows("tire", 30))).note();
		assertTrue(tire.contains("empty half-angle region"), tire);
	}

	/**
	 * A long tail with a diverse head: 30 tire and 30 PCB images, then one
	 * magnetic tile, one solar_mono and one solar_poly image. K_max = 1; the
	 * paper's estimate takes the three rare images and 15 PCB head images
	 * (κ = 1, PCB images lie far apart from each other); the robust one takes
	 * the three rare images alone.
	 */
	@Test
	void longTailWithADiverseHead() throws IOException {
		final List<float[]> rows = new ArrayList<>();
		rows.addAll(rows("tire", 30));
		rows.addAll(rows("pcb", 30));
		for (final String rare : new String[] { "magnetic_tile", "solar_mono",
			"solar_poly" })
			rows.addAll(rows(rare, 1));
		final FeatureMatrix e = matrix(rows);
		final TailEstimate paper = PAPER.estimate(e);
		assertEquals(1, paper.kMax());
		assertEquals(18, paper.tailIndices().length);
		assertEquals(15, IntStream.of(paper.tailIndices()).filter(i -> i >= 30 &&
			i < 60).count());
		final TailEstimate robust = ROBUST.estimate(e);
		assertArrayEquals(new int[] { 60, 61, 62 }, robust.tailIndices());
		assertTrue(robust.note().contains("they stay in the head branch"), robust
			.note());
	}

	/** The embeddings of a kind's first training images, extracted once. */
	private static List<float[]> rows(final String kind, final int count)
		throws IOException
	{
		final String key = kind + "/" + count;
		if (!EXTRACTED.containsKey(key)) EXTRACTED.put(key, extract(kind, count));
		return EXTRACTED.get(key);
	}

	private static List<float[]> extract(final String kind, final int count)
		throws IOException
	{
		final List<Path> files;
		try (Stream<Path> s = Files.list(industrial.resolve(kind).resolve(
			"train/good")))
		{
			files = s.sorted().limit(count).toList();
		}
		final List<float[]> rows = new ArrayList<>();
		for (final Path f : files)
			rows.add(mobilenet.extract(ImageIoReader.read(f)).embedding());
		return rows;
	}

	private static FeatureMatrix matrix(final List<float[]> rows) {
		final int dims = rows.get(0).length;
		final float[] data = new float[rows.size() * dims];
		for (int i = 0; i < rows.size(); i++)
			System.arraycopy(rows.get(i), 0, data, i * dims, dims);
		return new FeatureMatrix(rows.size(), dims, data);
	}
}
