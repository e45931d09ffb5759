package io.github.tailedcore.plugin;

import io.github.tailedcore.FitSummary;
import io.github.tailedcore.Method;
import io.github.tailedcore.TailedCoreModel;
import io.github.tailedcore.image.ImageFolder;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The account of a fit a user reads at the end of <em>Fit Model</em>: the
 * images used and skipped (with why), TailSampler's estimate of the class
 * structure (η, K<sub>max</sub>, how many images were taken as tail, which,
 * with their κ, and the cause when the estimate was degenerate), the memory
 * size, the importance weights w<sub>i</sub> when the fit used them, and
 * the default threshold with how it was chosen.
 */
final class FitReport {

	private FitReport() {}

	/**
	 * @param images the training images, in fit order
	 * @param skipped files of the folder that were left out
	 */
	static String of(final TailedCoreModel model, final List<Path> images,
		final List<ImageFolder.Skipped> skipped, final Path modelFile)
	{
		final FitSummary s = model.summary();
		final StringBuilder r = new StringBuilder();
		r.append(model.settings().method().displayName()).append(" fitted on ")
			.append(images.size()).append(" images");
		if (s.imageCount() != images.size()) r.append(" (").append(s.imageCount())
			.append(" tiles)");
		if (skipped.isEmpty()) r.append(", none skipped.\n");
		else {
			r.append("; skipped ").append(skipped.size()).append(":\n");
			for (final ImageFolder.Skipped k : skipped)
				r.append("  ").append(k).append('\n');
		}
		r.append("Images prepared as: ").append(model.preprocessing()).append(
			".\n");
		if (s.kMax() >= 0) {
			final int[] kappa = s.kappa();
			r.append("Estimated class sizes η = ").append(Arrays.toString(s
				.classSizes())).append(", K_max = ").append(s.kMax()).append(
					" (elbow ").append(s.kElbow()).append(", cap ").append(s.kCap())
				.append("), ").append(model.settings().tailEstimation().label())
				.append(" tail estimate: ").append(s.tailCount());
			for (final int t : s.tailImages())
				r.append("\n  ").append(unit(images, s, t)).append(" (κ = ")
					.append(kappa[t]).append(')');
			r.append('\n');
			if (!s.tailNote().isEmpty()) r.append("Warning: ").append(s.tailNote())
				.append('\n');
		}
		final double[] w = s.importanceWeights();
		if (w.length > 0) {
			int top = 0;
			for (int i = 1; i < w.length; i++)
				if (w[i] > w[top]) top = i;
			r.append(String.format(Locale.ROOT,
				"Importance weights w = %.2f..%.2f (%s); largest: %s.%n", Arrays
					.stream(w).min().getAsDouble(), w[top], model.settings()
						.importanceWeighting().label(), unit(images, s, top)));
		}
		if (model.settings().method() != Method.PATCHCORE) r.append(
			"Noise filter (").append(model.settings().effectiveNoiseThreshold()
				.label()).append(") dropped ").append(s.droppedPatches()).append(
					" of ").append(s.patchCount()).append(" patches.\n");
		r.append("Memory: ").append(model.memory().size()).append(
			" patch vectors of ").append(model.memory().dims()).append(
				" dims (tail ").append(s.tailMemory()).append(", clean ").append(s
					.cleanMemory()).append(") from ").append(s.patchCount()).append(
						" patches.\n");
		r.append("Default threshold: ").append(model.threshold() == null
			? "none (one training image cannot be left out)" : model.threshold())
			.append(".\nSaved as ").append(modelFile).append('.');
		return r.toString();
	}

	/** The file of fit unit {@code u}, or the tile's number when tiled. */
	private static String unit(final List<Path> images, final FitSummary s,
		final int u)
	{
		return s.imageCount() == images.size() ? images.get(u).getFileName()
			.toString() : "tile " + u;
	}
}
