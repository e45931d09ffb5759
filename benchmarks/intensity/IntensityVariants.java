import ij.IJ;
import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.ImageProcessor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Writes the variants of a micrograph set (make-test-images --micrographs:
 * 16-bit PNGs, 12 bits used) that benchmarks/intensity compares, with ImageJ
 * 1.x, as a scientist would make them in Fiji:
 * <ul>
 * <li>{@code drift SRC DST}: every other test image (good and defective:
 * 000, 002, ...) brighter by a factor drawn per image from 1.20–1.30
 * (exposure drift between images: a lamp ageing, another session), clipped
 * at 4095 as a 12-bit camera clips; the other test images, the training
 * images and the masks unchanged; {@code drift-all} drifts every test
 * image;</li>
 * <li>{@code brighter SRC DST}: a brightness defect, the whole image 20–30 %
 * brighter: the even defect-free test images stay as they are, the odd ones
 * become defective test images, brightened as by {@code drift}, with masks
 * that cover the whole image; the defective test images of SRC are left
 * out; training images unchanged;</li>
 * <li>{@code speck SRC DST}: every other defect-free test image (001, 003,
 * ...) with one dead pixel (0) at a random place, as a speck of dust or a
 * dead camera pixel; everything else unchanged;</li>
 * <li>{@code float SRC DST}: every image divided by 4095 and saved as a
 * 32-bit TIFF (0–1 data, Image › Type › 32-bit then Process › Math ›
 * Divide), its display range its own minimum to maximum; masks unchanged.</li>
 * </ul>
 * Run as a single-file program:
 * {@code java -cp ij.jar benchmarks/intensity/IntensityVariants.java drift SRC DST}.
 */
public final class IntensityVariants {

	public static void main(final String[] args) throws IOException {
		final String kind = args[0];
		final Path src = Path.of(args[1]);
		final Path dst = Path.of(args[2]);
		final List<Path> files;
		try (Stream<Path> walk = Files.walk(src)) {
			files = walk.filter(Files::isRegularFile).sorted().toList();
		}
		int written = 0;
		for (final Path file : files) {
			final Path rel = src.relativize(file);
			final Path out = dst.resolve(rel);
			Files.createDirectories(out.getParent());
			final boolean mask = rel.startsWith("ground_truth");
			final boolean test = rel.startsWith("test");
			final boolean odd = Integer.parseInt(rel.getFileName().toString()
				.replaceAll("\\D", "")) % 2 == 1;
			final boolean drift = kind.startsWith("drift");
			if (kind.equals("speck") && !(rel.startsWith("test/good") && odd)) {
				Files.copy(file, out);
				continue;
			}
			if (kind.equals("brighter")) {
				if (mask || rel.startsWith("test/defect")) continue;
				if (!test || !odd) {
					Files.copy(file, out);
					continue;
				}
			}
			if (mask || drift && (!test || odd && kind.equals("drift"))) {
				Files.copy(file, out);
				continue;
			}
			final ImagePlus imp = IJ.openImage(file.toString());
			if (drift || kind.equals("brighter")) {
				final double factor = 1.2 + 0.1 * new SplittableRandom(rel.toString()
					.hashCode()).nextDouble();
				final ImageProcessor ip = imp.getProcessor();
				ip.multiply(factor);
				ip.min(0);
				ip.max(4095);
				final Path target = kind.equals("brighter") ? dst.resolve(
					"test/defect").resolve(rel.getFileName()) : out;
				Files.createDirectories(target.getParent());
				new FileSaver(imp).saveAsPng(target.toString());
				if (kind.equals("brighter")) wholeMask(imp, dst.resolve(
					"ground_truth/defect").resolve(rel.getFileName().toString()
						.replace(".png", "_mask.png")));
				System.out.printf("%s ×%.3f%n", rel, factor);
			}
			else if (kind.equals("speck")) {
				final SplittableRandom random = new SplittableRandom(rel.toString()
					.hashCode());
				imp.getProcessor().set(random.nextInt(imp.getWidth()), random.nextInt(
					imp.getHeight()), 0);
				new FileSaver(imp).saveAsPng(out.toString());
			}
			else if (kind.equals("float")) {
				final ImageProcessor ip = imp.getProcessor().convertToFloat();
				ip.multiply(1.0 / 4095);
				ip.resetMinAndMax();
				final Path tif = out.resolveSibling(out.getFileName().toString()
					.replaceAll("\\.png$", ".tif"));
				new FileSaver(new ImagePlus(imp.getTitle(), ip)).saveAsTiff(tif
					.toString());
			}
			else throw new IllegalArgumentException("drift, drift-all, brighter, " +
				"speck or float, not " + kind);
			written++;
		}
		System.out.println("Wrote " + written + " images under " + dst + ".");
	}

	/** A mask of the image's size, all 255: the whole image is the defect. */
	private static void wholeMask(final ImagePlus imp, final Path file)
		throws IOException
	{
		Files.createDirectories(file.getParent());
		final ij.process.ByteProcessor mask = new ij.process.ByteProcessor(imp
			.getWidth(), imp.getHeight());
		mask.setValue(255);
		mask.fill();
		new FileSaver(new ImagePlus("mask", mask)).saveAsPng(file.toString());
	}
}
