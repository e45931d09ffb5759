package io.github.tailedcore.plugin;

import io.github.tailedcore.Method;
import io.github.tailedcore.Progress;
import io.github.tailedcore.TailedCore;
import io.github.tailedcore.TailedCoreModel;
import io.github.tailedcore.TailedCoreSettings;
import io.github.tailedcore.feature.BackboneId;
import io.github.tailedcore.feature.BackboneLocator;
import io.github.tailedcore.feature.FeatureExtractor;
import io.github.tailedcore.feature.ImageSource;
import io.github.tailedcore.io.ModelFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.scijava.Context;
import org.scijava.command.Command;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleService;

/**
 * What the command tests share: one SciJava context, the example images,
 * and a small real model (PatchCore, 5 % coreset, on six {@code grid}
 * training images, with the shared MobileNetV2 backbone), fitted once.
 */
final class Fixtures {

	static final Path TEST_IMAGES = Path.of("test-images");
	static final Path GRID = TEST_IMAGES.resolve("grid");
	static final Path WORK = Path.of("target", "plugin-tests");

	/** Every TailedCore command. */
	static final List<Class<? extends TailedCoreCommand>> COMMANDS = List.of(
		FitModelCommand.class, ScoreImageCommand.class, ScoreFolderCommand.class,
		CalibrateThresholdCommand.class, MergeShardsCommand.class);

	private static Context context;
	private static Path gridModel;

	private Fixtures() {}

	static synchronized Context context() {
		if (context == null) context = new Context();
		return context;
	}

	/** The command's description in the shared context. */
	static CommandInfo info(final Class<? extends Command> command) {
		return context().service(CommandService.class).getCommand(command);
	}

	static CancelingStatusService status() {
		return (CancelingStatusService) context().service(
			org.scijava.app.StatusService.class);
	}

	/** Runs a command headless, with pre- and postprocessing, and waits. */
	static CommandModule run(final Class<? extends Command> command,
		final Object... inputs) throws InterruptedException, ExecutionException
	{
		return (CommandModule) context().service(CommandService.class).run(
			command, true, inputs).get();
	}

	/** As {@link #run(Class, Object...)}, with the inputs as a map. */
	static CommandModule run(final Class<? extends Command> command,
		final java.util.Map<String, Object> inputs) throws InterruptedException,
		ExecutionException
	{
		return (CommandModule) context().service(CommandService.class).run(
			command, true, inputs).get();
	}

	/**
	 * Runs a command and lets {@link CancelingStatusService} cancel it when
	 * it announces a stage starting with {@code stage}.
	 */
	static CommandModule runCanceledAt(final String stage,
		final Class<? extends Command> command, final java.util.Map<String, Object> inputs)
		throws Exception
	{
		final CommandModule module = (CommandModule) context().service(
			ModuleService.class).createModule(context().service(
				CommandService.class).getCommand(command));
		status().cancelAt(stage, module);
		try {
			context().service(ModuleService.class).run(module, true, inputs).get();
		}
		finally {
			status().cancelAt(null, null);
		}
		return module;
	}

	/** The first {@code n} training images of a class. */
	static List<Path> trainImages(final String cls, final int n)
		throws IOException
	{
		try (Stream<Path> s = Files.list(TEST_IMAGES.resolve(cls).resolve(
			"train/good")))
		{
			return s.sorted().limit(n).collect(Collectors.toList());
		}
	}

	/** The shared small grid model. */
	static synchronized Path gridModel() throws IOException {
		if (gridModel != null) return gridModel;
		final TailedCoreSettings settings = TailedCoreSettings.builder().method(
			Method.PATCHCORE).coresetRatio(0.05).build();
		try (FeatureExtractor fx = FeatureExtractor.open(BackboneLocator
			.standard().resolve(BackboneLocator.DEFAULT_BACKBONE)))
		{
			final TailedCoreModel model = new TailedCore(settings).fit(trainImages(
				"grid", 6).stream().map(ImageSource::of).collect(Collectors.toList()),
				fx, Progress.none());
			gridModel = WORK.resolve("grid-patchcore.tailedcore");
			ModelFile.save(model, gridModel, true);
		}
		return gridModel;
	}

	/** The grid model, claiming a backbone file with another checksum. */
	static Path otherBackboneModel() throws IOException {
		final TailedCoreModel m = ModelFile.load(gridModel());
		final Path file = WORK.resolve("other-backbone.tailedcore");
		ModelFile.save(new TailedCoreModel(m.settings(), new BackboneId(m
			.backbone().name(), "0".repeat(64)), m.grid(), m.memory(), m.summary(),
			m.threshold()), file, true);
		return file;
	}

	/** A file with an image name and no image in it. */
	static Path garbage(final Path file) throws IOException {
		Files.createDirectories(file.getParent());
		return Files.writeString(file, "not an image");
	}
}
