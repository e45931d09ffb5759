package io.github.tailedcore.ij;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.ImageProcessor;
import io.github.tailedcore.Method;
import io.github.tailedcore.Progress;
import io.github.tailedcore.SharedData;
import io.github.tailedcore.TailedCore;
import io.github.tailedcore.TailedCoreModel;
import io.github.tailedcore.TailedCoreSettings;
import io.github.tailedcore.feature.FeatureExtractor;
import io.github.tailedcore.image.ImageFolder;
import io.github.tailedcore.image.ImageIoReader;
import io.github.tailedcore.image.RasterImage;
import io.github.tailedcore.image.ValueRange;
import io.github.tailedcore.io.ModelFile;
import io.github.tailedcore.preprocess.Framing;
import io.github.tailedcore.preprocess.Intensity;
import io.github.tailedcore.preprocess.Preprocessing;
import io.github.tailedcore.scoring.ImageScorer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 32-bit images from files, read as Fiji and the command line read them
 * ({@link ImageFileReader}, {@link TrainingImages}): the grey
 * {@code test-images/grid} images as 8-bit PNGs, and the same values as
 * 32-bit TIFFs written by ImageJ, divided by 255 (0–1 data) or as
 * {@code 3 v − 100} (negative values). Under the training range the three
 * give the same model and scores (PatchCore on MobileNetV2, full frame);
 * the paper's bit depth refuses the 0–1 files, naming them, before any
 * work; a training set that mixes 8-bit and 32-bit images keeps the 32-bit
 * ones on the 0–255 scale only.
 */
class ThirtyTwoBitImagesTest {

	@TempDir
	static Path dir;
	private static FeatureExtractor extractor;
	private static Path eightBit;
	private static Path zeroToOne;
	private static Path negative;

	@BeforeAll
	static void images() throws IOException {
		extractor = FeatureExtractor.open(SharedData.require(
			"models/mobilenet_v2_imagenet.json"));
		eightBit = write("8-bit", null);
		zeroToOne = write("0-1", v -> v / 255);
		negative = write("negative", v -> 3 * v - 100);
	}

	@AfterAll
	static void close() {
		if (extractor != null) extractor.close();
	}

	/**
	 * The grid class as grey images under {@code dir/name/train} and
	 * {@code dir/name/test}: 8-bit PNGs, or 32-bit TIFFs of {@code f(v)}.
	 */
	private static Path write(final String name, final DoubleUnaryOperator f)
		throws IOException
	{
		final Path grid = Path.of("test-images/grid");
		for (final String part : List.of("train/good", "test/good", "test/hole")) {
			final Path out = Files.createDirectories(dir.resolve(name).resolve(part
				.startsWith("train") ? "train" : "test"));
			try (var files = Files.list(grid.resolve(part))) {
				for (final Path png : files.sorted().toList()) {
					final ImagePlus imp = IJ.openImage(png.toString());
					final ImageProcessor grey = imp.getProcessor().convertToByte(false);
					final String file = part.replace('/', '-') + "-" + png.getFileName()
						.toString().replace(".png", "");
					if (f == null) {
						new FileSaver(new ImagePlus(file, grey)).saveAsPng(out.resolve(
							file + ".png").toString());
						continue;
					}
					final ImageProcessor fp = grey.convertToFloat();
					final float[] v = (float[]) fp.getPixels();
					for (int i = 0; i < v.length; i++)
						v[i] = (float) f.applyAsDouble(v[i]);
					fp.resetMinAndMax();
					new FileSaver(new ImagePlus(file, fp)).saveAsTiff(out.resolve(file +
						".tif").toString());
				}
			}
		}
		return dir.resolve(name);
	}

	private static TrainingImages check(final Path folder,
		final Intensity.Mode intensity) throws IOException
	{
		return TrainingImages.check(ImageFolder.scan(folder.resolve("train"),
			ImageFolder.DEFAULT_PATTERN, false), ImageFolder.DEFAULT_PATTERN,
			new Preprocessing(Framing.FULL, 1, 32, Intensity.of(intensity)), Progress
				.none());
	}

	/** Fits on the training images, saves and reloads the model. */
	private static TailedCoreModel fit(final Path folder) throws IOException {
		final TrainingImages images = check(folder,
			Intensity.Mode.TRAINING_RANGE);
		final TailedCoreModel fitted = new TailedCore(TailedCoreSettings.builder()
			.method(Method.PATCHCORE).build(), null).fit(images.sources(), extractor,
				images.preprocessing(), Progress.none());
		final Path file = folder.resolve("m" + ModelFile.EXTENSION);
		ModelFile.save(fitted, file, true);
		return ModelFile.load(file);
	}

	/** The scores of the test images, in name order. */
	private static double[] scores(final TailedCoreModel model,
		final Path folder) throws IOException
	{
		try (var files = Files.list(folder.resolve("test"))) {
			final List<RasterImage> images = new ArrayList<>();
			for (final Path f : files.sorted().toList())
				images.add(ImageFileReader.read(f).get(0));
			return new ImageScorer(model, extractor).scoreImages(images).stream()
				.mapToDouble(r -> r.score()).toArray();
		}
	}

	/**
	 * The training range makes 0–1 and negative 32-bit data what it makes of
	 * the 8-bit original: the same range up to the affine map, the same
	 * scores (to float rounding of the stretch).
	 */
	@Test
	void trainingRangeGivesThirtyTwoBitDataTheEightBitScores()
		throws IOException
	{
		final TailedCoreModel m8 = fit(eightBit);
		final TailedCoreModel m01 = fit(zeroToOne);
		final TailedCoreModel mNeg = fit(negative);
		final Intensity i8 = m8.preprocessing().intensity();
		final Intensity i01 = m01.preprocessing().intensity();
		final Intensity iNeg = mNeg.preprocessing().intensity();
		assertFalse(i8.floatingPoint());
		assertTrue(i01.floatingPoint() && iNeg.floatingPoint());
		assertEquals(i8.low() / 255, i01.low(), 1e-6);
		assertEquals(i8.high() / 255, i01.high(), 1e-6);
		assertEquals(3 * i8.low() - 100, iNeg.low(), 1e-3);
		assertEquals(3 * i8.high() - 100, iNeg.high(), 1e-3);
		final double[] s8 = scores(m8, eightBit);
		assertArrayEquals(s8, scores(m01, zeroToOne), 1e-3 * s8[0]);
		assertArrayEquals(s8, scores(mNeg, negative), 1e-3 * s8[0]);
	}

	/**
	 * The paper's bit depth reads 32-bit data on the 0–255 scale only: a
	 * folder of 0–1 files is refused before any work, naming each file and
	 * what to do.
	 */
	@Test
	void bitDepthRefusesZeroToOneFilesByName() {
		final IOException e = assertThrows(IOException.class, () -> check(
			zeroToOne, Intensity.Mode.BIT_DEPTH));
		assertTrue(e.getMessage().contains("train-good-000.tif: it is 32-bit " +
			"with values from 0") && e.getMessage().contains(
				"choose intensity=training-range"), e.getMessage());
	}

	/**
	 * A training set of 8-bit and 32-bit images: the training range is on
	 * the 0–255 scale, 0–1 files are skipped with the reason, 32-bit files on
	 * that scale (ImageJ's 8-bit values converted) are used.
	 */
	@Test
	void aMixedTrainingSetKeepsThirtyTwoBitFilesOnTheEightBitScale()
		throws IOException
	{
		final Path mixed = Files.createDirectories(dir.resolve("mixed/train"));
		final Path png = eightBit.resolve("train/train-good-000.png");
		Files.copy(png, mixed.resolve("a.png"));
		Files.copy(zeroToOne.resolve("train/train-good-001.tif"), mixed.resolve(
			"b.tif"));
		final ImagePlus onScale = IJ.openImage(png.toString());
		new FileSaver(new ImagePlus("c", onScale.getProcessor().convertToFloat()))
			.saveAsTiff(mixed.resolve("c.tif").toString());
		final TrainingImages images = check(mixed.getParent(),
			Intensity.Mode.TRAINING_RANGE);
		assertEquals(List.of(mixed.resolve("a.png"), mixed.resolve("c.tif")),
			images.files());
		assertFalse(images.preprocessing().intensity().floatingPoint());
		assertEquals(1, images.skipped().size());
		assertTrue(images.skipped().get(0).toString().contains("b.tif: it is " +
			"32-bit with values from 0") && images.skipped().get(0).toString()
				.contains("not all training images are 32-bit"), images.skipped()
					.get(0).toString());
	}

	/**
	 * The command line's ImageIO reader and ImageJ read a 32-bit TIFF alike:
	 * the same values, as 32-bit data.
	 */
	@Test
	void imageIoAndImageJReadThirtyTwoBitTiffsAlike() throws IOException {
		final Path tif = negative.resolve("test/test-hole-000.tif");
		final RasterImage viaImageIo = ImageIoReader.read(tif);
		final RasterImage viaImageJ = ImageFileReader.read(tif).get(0);
		assertTrue(viaImageIo.floatingPoint() && viaImageJ.floatingPoint());
		assertArrayEquals(viaImageJ.plane(0), viaImageIo.plane(0));
		assertTrue(ValueRange.of(viaImageJ).min() < 0);
	}
}
