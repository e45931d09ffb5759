package io.github.tailedcore.hostile;

import io.github.tailedcore.cli.CapturedRun;
import io.github.tailedcore.cli.Main;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the command line as a user does: in this JVM through
 * {@link Main#run}, or in a fresh JVM with its own options (a small heap, a
 * broken temporary folder), and gives back the exit status and the last
 * line it printed, "[exit N] line".
 */
final class Cli {

	private Cli() {}

	/** Runs {@code args} in this JVM. */
	static String run(final String... args) {
		final CapturedRun run = CapturedRun.of(args);
		return outcome(run.code(), run.output());
	}

	/** Runs {@code args} in a new JVM started with {@code jvmOptions}. */
	static String fork(final List<String> jvmOptions, final String... args)
		throws IOException, InterruptedException
	{
		final List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java")
			.toString());
		command.addAll(jvmOptions);
		command.add("-Djava.awt.headless=true");
		command.add("-Djava.util.prefs.userRoot=" + Path.of("target", "prefs")
			.toAbsolutePath());
		command.add("-Dai.djl.offline=true");
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(Main.class.getName());
		command.addAll(List.of(args));
		final Process p = new ProcessBuilder(command).redirectErrorStream(true)
			.start();
		final String text = new String(p.getInputStream().readAllBytes(),
			StandardCharsets.UTF_8);
		if (!p.waitFor(5, TimeUnit.MINUTES)) {
			p.destroyForcibly();
			throw new IOException("The forked JVM did not end: " + text);
		}
		return outcome(p.exitValue(), text);
	}

	/**
	 * "[exit N] " + the error line, or else the last line that is not a JVM
	 * or logging warning.
	 */
	private static String outcome(final int code, final String text) {
		final String[] lines = text.split("\\R");
		String last = "";
		for (final String l : lines) {
			if (l.startsWith("Error:") || l.startsWith("Canceled")) return "[exit " +
				code + "] " + l.trim();
			if (!l.isBlank() && !l.startsWith("WARNING") && !l.startsWith("SLF4J"))
				last = l;
		}
		return "[exit " + code + "] " + last.trim();
	}

	/** The path as the command line takes it. */
	static String path(final Path p) {
		return p.toString().replace(File.separatorChar, '/');
	}
}
