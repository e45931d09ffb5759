package io.github.tailedcore.feature;

import io.github.tailedcore.SharedData;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The shared backbones and photos that the backbone tests compare with
 * ({@link SharedData}: skipped where they are missing, failing under CI).
 */
final class SharedFiles {

	private SharedFiles() {}

	static Path models() {
		return SharedData.require("models");
	}

	static Path photos() {
		return SharedData.require("photos");
	}

	/** The 1000 ImageNet class names in index order. */
	static List<String> imagenetClasses() throws IOException {
		return Files.readAllLines(models().resolve("imagenet_classes.txt"));
	}
}
