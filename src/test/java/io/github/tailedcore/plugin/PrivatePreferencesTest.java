package io.github.tailedcore.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.prefs.Preferences;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.prefs.PrefService;

/**
 * Tests keep the inputs SciJava persists (what a dialog remembers) in a
 * preferences root of their own inside {@code target/}, set by the surefire
 * and failsafe configuration, and never write the user's.
 */
class PrivatePreferencesTest {

	@TempDir
	Path dir;

	@Test
	void rememberedInputsGoToTheBuildsOwnPreferences() throws Exception {
		final String root = System.getProperty("java.util.prefs.userRoot");
		assertNotNull(root, "-Djava.util.prefs.userRoot is not set");
		assertTrue(Path.of(root).toAbsolutePath().normalize().startsWith(Path.of(
			"target").toAbsolutePath()), root);
		final String pattern = "*.private-" + System.nanoTime();
		final PrefService prefs = Fixtures.context().service(PrefService.class);
		try {
			Fixtures.run(ScoreFolderCommand.class, "input_dir", dir.toFile(),
				"file_pattern", pattern, "model_file", dir.resolve("m").toFile(),
				"output_dir", dir.resolve("out").toFile());
			assertEquals(pattern, prefs.get(ScoreFolderCommand.class,
				"file_pattern"), "the run remembered its file pattern");
			Preferences.userRoot().flush();
			assertTrue(mentions(Path.of(root), pattern), "not written under " +
				root);
			final String home = System.getenv("HOME");
			if (home != null) assertFalse(mentions(Path.of(home, ".java",
				".userPrefs"), pattern), "written into the user's preferences");
		}
		finally {
			prefs.remove(ScoreFolderCommand.class, "file_pattern");
		}
	}

	/** Whether a file under {@code folder} contains {@code text}. */
	private static boolean mentions(final Path folder, final String text)
		throws IOException
	{
		if (!Files.isDirectory(folder)) return false;
		try (Stream<Path> files = Files.walk(folder)) {
			return files.filter(Files::isRegularFile).anyMatch(f -> {
				try {
					return Files.readString(f).contains(text);
				}
				catch (final IOException e) {
					throw new UncheckedIOException(e);
				}
			});
		}
	}
}
