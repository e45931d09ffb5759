package io.github.tailedcore.feature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * The project's read-only shared material (models, photos), found through
 * the system property {@code tailedcore.shared} or {@code ../shared}.
 */
final class SharedFiles {

	private SharedFiles() {}

	static Path shared() {
		final String p = System.getProperty("tailedcore.shared");
		return Paths.get(p == null ? "../shared" : p);
	}

	static Path models() {
		return shared().resolve("models");
	}

	static Path photos() {
		return shared().resolve("photos");
	}

	/** The 1000 ImageNet class names in index order. */
	static List<String> imagenetClasses() throws IOException {
		return Files.readAllLines(models().resolve("imagenet_classes.txt"));
	}
}
