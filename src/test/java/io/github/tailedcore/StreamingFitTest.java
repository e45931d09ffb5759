package io.github.tailedcore;

import static io.github.tailedcore.SameModel.assertSameModel;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tailedcore.feature.FeatureExtractor;
import io.github.tailedcore.feature.ImageSource;
import io.github.tailedcore.feature.PatchFeatures;
import io.github.tailedcore.importance.ImportanceWeighting;
import io.github.tailedcore.scoring.Scoring;
import io.github.tailedcore.tail.TailAugmentation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The streaming fit (features projected as they pass and spilled to a
 * temporary file, tail views streamed, one leave-one-out search) gives the
 * model of the fit that holds everything ({@link ReferenceFit}), bit for bit,
 * for every method and option, on 40 real images: the 39 training images
 * of {@code test-images} and one defective image as noise, through the
 * standard backbone. The reference sees the same tail views as the
 * streaming fit from features; the fits from the image files make their
 * own. Its threshold is global (the class-aware one is tested in
 * {@code ConditionedThresholdTest}), so the fits score globally.
 */
class StreamingFitTest {

	private static FeatureExtractor extractor;
	private static List<ImageSource> images;
	private static PatchFeatures features;
	/** The reference's views, made once per image and augmentation. */
	private static final Map<String, List<float[]>> views = new HashMap<>();

	@BeforeAll
	static void extract() throws IOException {
		extractor = FeatureExtractor.open(Paths.get(System.getProperty(
			"tailedcore.shared", "../shared")).resolve(
				"models/mobilenet_v2_imagenet.json"));
		final List<Path> files = new ArrayList<>();
		try (Stream<Path> found = Files.walk(Paths.get("test-images"))) {
			files.addAll(found.filter(p -> p.toString().contains("train/good/") &&
				p.toString().endsWith(".png")).sorted().collect(Collectors.toList()));
		}
		files.add(Paths.get("test-images/grid/test/hole/000.png"));
		assertTrue(files.size() == 40, files.size() + " images");
		images = files.stream().map(ImageSource::of).collect(Collectors.toList());
		features = extractor.extractAll(images, Progress.none());
	}

	@AfterAll
	static void close() {
		extractor.close();
	}

	/** The views of a training image, made once per image and augmentation. */
	private static List<float[]> views(final int image,
		final TailAugmentation augmentation) throws IOException
	{
		final String key = image + " " + augmentation;
		if (!views.containsKey(key)) views.put(key, extractor.extractViews(images
			.get(image).open(), augmentation));
		return views.get(key);
	}

	private static TailedCoreModel reference(final TailedCoreSettings settings)
		throws IOException
	{
		return new ReferenceFit(settings).fit(features, extractor.backboneId(),
			StreamingFitTest::views);
	}

	/**
	 * From the image files: features extracted, projected and spilled as they
	 * pass, the tail views made from the files again.
	 */
	@Test
	void fromImageFilesAtThePapersSettings() throws IOException {
		for (final Method method : new Method[] { Method.TAILEDCORE,
			Method.PATCHCORE })
		{
			final TailedCoreSettings settings = TailedCoreSettings.builder().method(
				method).scoring(Scoring.GLOBAL).build();
			assertSameModel(reference(settings), new TailedCore(settings).fit(images,
				extractor, Progress.none()), settings.toString());
		}
	}

	/**
	 * From features in memory, the same engine: every method and option
	 * (smaller coresets and fewer views, to keep the test short).
	 */
	@Test
	void fromFeaturesEveryMethodAndOption() throws IOException {
		final TailedCoreSettings.Builder small = TailedCoreSettings.builder()
			.coresetRatio(0.03).tailAugmentation(TailAugmentation.ROTFLIP).scoring(
				Scoring.GLOBAL);
		for (final TailedCoreSettings settings : new TailedCoreSettings[] { small
			.method(Method.SOFTPATCH).build(), small.method(Method.TAILEDCORE)
				.importanceWeighting(ImportanceWeighting.CORESET_AND_SCORE).seed(3)
				.build(), small.method(Method.PATCHCORE).importanceWeighting(
					ImportanceWeighting.CORESET).build(), small.method(Method.SOFTPATCH)
						.importanceWeighting(ImportanceWeighting.CORESET_AND_SCORE).build(),
			small.method(Method.TAILEDCORE).importanceWeighting(
				ImportanceWeighting.NONE).tailAugmentation(TailAugmentation.NONE)
				.noiseDropFraction(0.3).seed(5).build(), small.tailBranch(false)
					.build() })
			assertSameModel(reference(settings), new TailedCore(settings).fit(
				features, extractor.backboneId(), StreamingFitTest::views, Progress
					.none()), settings.toString());
	}
}
