package io.github.tailedcore.benchmark.split;

import io.github.tailedcore.benchmark.data.MvtecClass;
import io.github.tailedcore.benchmark.data.MvtecDataset;
import io.github.tailedcore.benchmark.data.TestImage;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/** MVTec-shaped data sets listed in memory (no files), for split tests. */
final class InMemoryDatasets {

	static final Path ROOT = Paths.get("/data/mvtec");

	/** MVTec AD's classes with their train/good and defective test counts. */
	static final String[] MVTEC_NAMES = { "bottle", "cable", "capsule", "carpet",
		"grid", "hazelnut", "leather", "metal_nut", "pill", "screw", "tile",
		"toothbrush", "transistor", "wood", "zipper" };
	static final int[] MVTEC_TRAIN = { 209, 224, 219, 280, 264, 391, 245, 220,
		267, 320, 230, 60, 213, 247, 240 };
	static final int[] MVTEC_ANOMALIES = { 63, 92, 109, 89, 57, 70, 92, 93, 141,
		119, 84, 30, 40, 60, 119 };

	private InMemoryDatasets() {}

	static MvtecDataset mvtec() {
		return of(MVTEC_NAMES, MVTEC_TRAIN, MVTEC_ANOMALIES);
	}

	/**
	 * Classes {@code names[i]} with {@code train[i]} good training images,
	 * 3 good test images and {@code anomalies[i]} defective ones, split
	 * over the types "crack" and "hole".
	 */
	static MvtecDataset of(final String[] names, final int[] train,
		final int[] anomalies)
	{
		final List<MvtecClass> classes = new ArrayList<>();
		for (int c = 0; c < names.length; c++) {
			final Path folder = ROOT.resolve(names[c]);
			final List<Path> good = new ArrayList<>();
			for (int i = 0; i < train[c]; i++)
				good.add(folder.resolve(String.format("train/good/%03d.png", i)));
			final List<TestImage> test = new ArrayList<>();
			final int cracks = anomalies[c] / 2;
			for (int i = 0; i < cracks; i++)
				test.add(defect(folder, "crack", i));
			for (int i = 0; i < 3; i++)
				test.add(new TestImage(folder.resolve(String.format(
					"test/good/%03d.png", i)), TestImage.GOOD, null));
			for (int i = 0; i < anomalies[c] - cracks; i++)
				test.add(defect(folder, "hole", i));
			classes.add(new MvtecClass(names[c], folder, good, test, true));
		}
		return new MvtecDataset(ROOT, classes);
	}

	/** {@code n} class names c00, c01, … each with the same counts. */
	static MvtecDataset uniform(final int n, final int train,
		final int anomalies)
	{
		final String[] names = new String[n];
		final int[] t = new int[n];
		final int[] a = new int[n];
		for (int c = 0; c < n; c++) {
			names[c] = String.format("c%02d", c);
			t[c] = train;
			a[c] = anomalies;
		}
		return of(names, t, a);
	}

	private static TestImage defect(final Path folder, final String type,
		final int i)
	{
		final String file = String.format("%03d", i);
		return new TestImage(folder.resolve("test/" + type + "/" + file + ".png"),
			type, folder.resolve("ground_truth/" + type + "/" + file + "_mask.png"));
	}
}
