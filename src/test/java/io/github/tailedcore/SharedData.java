package io.github.tailedcore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The development machines' read-only shared material beside the repository
 * (datasets, extra backbones, photos): the system property
 * {@code tailedcore.shared}, else {@code ../shared}.
 * <p>
 * A fresh clone has no such folder. A test that needs it calls
 * {@link #require}: where the file is missing, the test is skipped with a
 * message that names it, except under CI, where the folder exists and its
 * absence must fail the build rather than go unnoticed ({@link Prerequisite}).
 * </p>
 */
public final class SharedData {

	private SharedData() {}

	/** The shared folder (which may not exist). */
	public static Path root() {
		return Paths.get(System.getProperty("tailedcore.shared", "../shared"));
	}

	/**
	 * {@code root()/relative}, once it is known to exist.
	 *
	 * @throws org.opentest4j.TestAbortedException (the test is skipped) if it
	 *           does not exist and CI is not set
	 * @throws org.opentest4j.AssertionFailedError if it does not exist under CI
	 */
	public static Path require(final String relative) {
		final Path path = root().resolve(relative);
		Prerequisite.require(Files.exists(path), "needs the shared file " + path
			.toAbsolutePath().normalize() + " (set -Dtailedcore.shared to the " +
			"folder that holds " + relative + ")");
		return path;
	}

	/** Whether the environment variable {@code CI} is set (CI runs). */
	public static boolean underCi() {
		return Prerequisite.underCi();
	}
}
