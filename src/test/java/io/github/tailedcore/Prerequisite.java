package io.github.tailedcore;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/**
 * Something outside the repository that a test needs to run its real
 * component: a program ({@code xvfb-run}), a Python with torch, the shared
 * data sets. Where it is missing the test is skipped with a message that
 * says what is missing, except under CI (the environment variable
 * {@code CI} set, as {@code .ci/run} runs in CI), where {@code .ci/run} has
 * installed everything and a missing part must fail the build rather than
 * let it pass having proved nothing.
 */
public final class Prerequisite {

	private Prerequisite() {}

	/**
	 * Returns if {@code present}; else skips the test, or fails it under CI.
	 *
	 * @param needs what the test needs and how to get it, e.g. "needs
	 *          xvfb-run (apt-get install -y xvfb xauth)"
	 * @throws org.opentest4j.TestAbortedException (the test is skipped) if
	 *           absent and CI is not set
	 * @throws org.opentest4j.AssertionFailedError if absent under CI
	 */
	public static void require(final boolean present, final String needs) {
		if (present) return;
		if (underCi()) fail("Under CI " + needs + ", which is missing.");
		Assumptions.abort("Skipped: " + needs + ".");
	}

	/** Whether the environment variable {@code CI} is set (CI runs). */
	public static boolean underCi() {
		final String ci = System.getenv("CI");
		return ci != null && !ci.isEmpty() && !ci.equalsIgnoreCase("false");
	}
}
