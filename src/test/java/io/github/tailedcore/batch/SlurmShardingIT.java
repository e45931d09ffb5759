package io.github.tailedcore.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.tailedcore.SharedData;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sharded scoring on a real SLURM: a single-node cluster on localhost
 * ({@code .ci/slurm/local-cluster.sh}, munge and slurmctld and slurmd with
 * a configuration of their own), run by Maven's integration-test phase.
 * <p>
 * A small PatchCore model is fitted on {@code test-images/grid/train};
 * the four classes' test images plus a broken file are scored once on this
 * machine and once by {@code scripts/slurm/submit.sh} as an array of 4
 * shards of one CPU each, into an output folder where one file stands in
 * the way of one shard's maps, so that this shard fails half-way. The merge
 * job must not run; the merge run by hand must refuse, naming that shard
 * and {@code --only}; once the obstacle is gone, and with a lock of the
 * shard left by a job that SLURM killed on another node (which the task
 * must find stale through {@code squeue}), {@code submit.sh --only}
 * scores the shard again and its merge job writes a {@code scores.csv} and
 * {@code skipped.csv} identical to the one-machine run's. The jobs' JVMs
 * start with an empty backbone folder, so the 4 shards unpack the bundled
 * backbone into it at once. The cluster is stopped at the end, always (also
 * when the test JVM is stopped early), and the test fails if any process of
 * it (daemon, job, JVM) outlives the stop.
 * </p>
 * <p>
 * Needs root and Debian's {@code slurm-wlm} and {@code munge}
 * ({@code .ci/install-test-deps.sh}); without them it is skipped saying so,
 * except under CI (the environment variable {@code CI} set), where it fails.
 * </p>
 */
class SlurmShardingIT {

	private static final int SHARDS = 4;
	private static final String BLOCKED = "striped/test/scratch/000.png";
	private static final Path REPO = Path.of("").toAbsolutePath();

	private static Path work;
	private static Path cluster;
	private static Map<String, String> env;
	/** Tears down when the JVM is stopped before {@code @AfterAll}. */
	private static final Thread shutdownHook = new Thread(() -> {
		try {
			tearDown();
		}
		catch (final Exception e) {
			e.printStackTrace();
		}
	});

	@BeforeAll
	static void startCluster() throws Exception {
		requireSlurm();
		work = Files.createTempDirectory("tcslurm");
		Files.createDirectories(work.resolve("tmp"));
		cluster = work.resolve("cluster");
		try (ServerSocket a = new ServerSocket(0); ServerSocket b =
			new ServerSocket(0))
		{
			env = Map.of("SLURMCTLD_PORT", String.valueOf(a.getLocalPort()),
				"SLURMD_PORT", String.valueOf(b.getLocalPort()), "SLURM_CONF", cluster
					.resolve("slurm.conf").toString());
		}
		// A test JVM that is killed (a timeout, Ctrl-C) does not run @AfterAll.
		Runtime.getRuntime().addShutdownHook(shutdownHook);
		run(60, "bash", ".ci/slurm/local-cluster.sh", "start", cluster.toString());
	}

	@AfterAll
	static void stopCluster() throws Exception {
		if (cluster == null) return;
		Runtime.getRuntime().removeShutdownHook(shutdownHook);
		final List<String> left = tearDown();
		assertEquals(List.of(), left, "processes of the test left running " +
			"after the cluster was stopped (now killed)");
	}

	/**
	 * Stops the cluster (its jobs first), kills whatever process of the test
	 * is still running and deletes the test's folder.
	 *
	 * @return the command lines of the processes that were still running
	 */
	private static List<String> tearDown() throws Exception {
		try {
			run(120, "bash", ".ci/slurm/local-cluster.sh", "stop", cluster
				.toString());
		}
		finally {
			final List<ProcessHandle> left = ProcessHandle.allProcesses().filter(
				p -> p.info().commandLine().orElse("").contains(work.toString()))
				.collect(Collectors.toList());
			left.forEach(ProcessHandle::destroyForcibly);
			try (Stream<Path> files = Files.walk(work)) {
				files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile()
					.delete());
			}
			return left.stream().map(p -> p.info().commandLine().orElse("?"))
				.collect(Collectors.toList());
		}
	}

	@Test
	void shardsOnSlurmMergeIntoTheOneMachineFilesAfterAFailedShardIsResubmitted()
		throws Exception
	{
		final Path model = work.resolve("grid.tailedcore");
		java("fit", "--train", REPO.resolve("test-images/grid/train").toString(),
			"--recursive", "--method", "patchcore", "--coreset-ratio", "0.05",
			"--model", model.toString());
		final Path in = testImages(work.resolve("in"));
		final Path one = work.resolve("one");
		long start = System.nanoTime();
		java("score", "--model", model.toString(), "--input", in.toString(),
			"--recursive", "--output", one.toString());
		report("one machine (2 CPUs)", start);

		final Path out = work.resolve("sharded");
		Files.createDirectories(out.resolve(BLOCKED).getParent().getParent());
		Files.writeString(out.resolve(BLOCKED).getParent(), "in the way");
		final int failing = Shard.of(BLOCKED, SHARDS);
		final List<String> submit = new ArrayList<>(List.of("bash",
			"scripts/slurm/submit.sh", "--classpath", System.getProperty(
				"java.class.path"), "--model", model.toString(), "--input", in
					.toString(), "--output", out.toString(), "--shards", String.valueOf(
						SHARDS), "--cpus", "1", "--mem", "1200M", "--score-args",
			"--recursive"));
		start = System.nanoTime();
		run(60, submit.toArray(String[]::new));
		awaitJobs();
		report("4 shards of 1 CPU, one failing", start);
		assertFalse(Files.exists(out.resolve("scores.csv")),
			"no merge after a failed shard");
		assertTrue(log(out, "score-").contains("Error: "), log(out, "score-"));
		final Result refused = java(1, "merge", "--output", out.toString());
		assertTrue(refused.output().contains("1 of 4 shards have not finished: " +
			"shard " + failing + " failed or was stopped"), refused.output());
		System.out.println("SlurmShardingIT: merge refused: " + refused.output());
		assertTrue(refused.output().contains("add --only " + failing + " to the " +
			"scripts/slurm/submit.sh command"), refused.output());

		Files.delete(out.resolve(BLOCKED).getParent());
		final Path lock = new ShardFolder(out).lock(new Shard(failing, SHARDS));
		Files.writeString(lock, "host=node7 pid=4242 slurm_job=987654 " +
			"started=2026-01-01T00:00:00Z run=a task SLURM killed on another node\n");
		submit.addAll(List.of("--only", String.valueOf(failing)));
		start = System.nanoTime();
		run(60, submit.toArray(String[]::new));
		awaitJobs();
		report("the failed shard again, and the merge", start);
		assertTrue(log(out, "score-").contains("Removing the stale lock " + lock +
			" of job 987654 (gone)"), log(out, "score-"));
		assertTrue(log(out, "merge-").contains("Merged 4 shards: scored 20 " +
			"images, skipped 1"), log(out, "merge-"));
		for (final String csv : List.of("scores.csv", "skipped.csv"))
			assertArrayEquals(Files.readAllBytes(one.resolve(csv)), Files
				.readAllBytes(out.resolve(csv)), csv + " differs from the one-machine " +
					"run's");
		assertTrue(Files.isRegularFile(out.resolve(BLOCKED + "_map.tif")));
		try (Stream<Path> models = Files.list(work.resolve("job-models"))) {
			assertEquals(List.of("mobilenet_v2_imagenet.json",
				"mobilenet_v2_imagenet.onnx"), models.map(p -> p.getFileName()
					.toString()).sorted().collect(Collectors.toList()),
				"the shards unpacked the backbone, complete, and left nothing else");
		}
	}

	private static void report(final String what, final long start) {
		System.out.printf("SlurmShardingIT: %s took %.1f s%n", what, (System
			.nanoTime() - start) / 1e9);
	}

	/** The four classes' test images and a broken file, in {@code dir}. */
	private static Path testImages(final Path dir) throws IOException {
		try (Stream<Path> files = Files.walk(REPO.resolve("test-images"))) {
			for (final Path f : files.filter(p -> p.toString().contains("/test/") &&
				Files.isRegularFile(p)).collect(Collectors.toList()))
			{
				final Path target = dir.resolve(REPO.resolve("test-images").relativize(
					f).toString());
				Files.createDirectories(target.getParent());
				Files.copy(f, target);
			}
		}
		Files.writeString(dir.resolve("grid/test/good/broken.png"), "no image");
		return dir;
	}

	/** Waits until the cluster runs no job (at most 8 minutes). */
	private static void awaitJobs() throws Exception {
		final long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(8);
		while (!run(30, "squeue", "-h", "-t", "PD,R,CG,CF", "-o", "%i %T %r")
			.output().isBlank())
		{
			if (System.nanoTime() > end) fail("The SLURM jobs did not end: " + run(
				30, "squeue").output());
			Thread.sleep(1000);
		}
	}

	/** The logs of the jobs whose log names start with {@code prefix}. */
	private static String log(final Path out, final String prefix)
		throws IOException
	{
		final StringBuilder s = new StringBuilder();
		try (Stream<Path> logs = Files.list(out.resolve("slurm-logs"))) {
			for (final Path p : logs.filter(p -> p.getFileName().toString()
				.startsWith(prefix)).sorted().collect(Collectors.toList()))
				s.append(Files.readString(p, StandardCharsets.UTF_8));
		}
		return s.toString();
	}

	private record Result(int status, String output) {}

	/** Runs the command line in this JVM's Java, which must exit 0. */
	private static Result java(final String... args) throws Exception {
		return java(0, args);
	}

	/**
	 * Runs the command line in this JVM's Java with a home and backbone
	 * folder of its own, as the jobs get them.
	 */
	private static Result java(final int status, final String... args)
		throws Exception
	{
		final List<String> command = new ArrayList<>(List.of(javaCommand(),
			"-Xmx1500m", "-cp", System.getProperty("java.class.path")));
		command.addAll(Arrays.asList(jvmOptions("one-models").split(" ")));
		command.add("io.github.tailedcore.cli.Main");
		command.addAll(Arrays.asList(args));
		return run(600, status, command.toArray(String[]::new));
	}

	/**
	 * JVM options for a home, a backbone folder and a temporary folder (ONNX
	 * Runtime leaves a folder in it) of their own.
	 */
	private static String jvmOptions(final String models) {
		return "--add-modules=jdk.incubator.vector -Djava.awt.headless=true " +
			"-Djava.io.tmpdir=" + work.resolve("tmp") + " -Duser.home=" + work
				.resolve("home") + " -Djava.util.prefs.userRoot=" +
			work.resolve("prefs") + " -Dtailedcore.models=" + work.resolve(models) +
			" -Dtailedcore.shared=" + work.resolve("no-shared");
	}

	private static String javaCommand() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static Result run(final int seconds, final String... command)
		throws Exception
	{
		return run(seconds, 0, command);
	}

	/** Runs a program in the repository, with the cluster's environment. */
	private static Result run(final int seconds, final int status,
		final String... command) throws Exception
	{
		final Path log = Files.createTempFile(work, "run", ".log");
		final ProcessBuilder pb = new ProcessBuilder(command).directory(REPO
			.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
		pb.environment().putAll(env);
		pb.environment().put("TAILEDCORE_JAVA", javaCommand());
		pb.environment().put("TAILEDCORE_JAVA_OPTS", jvmOptions("job-models"));
		pb.environment().put("PATH", pb.environment().getOrDefault("PATH", "") +
			File.pathSeparator + "/usr/sbin" + File.pathSeparator + "/sbin");
		final Process p = pb.start();
		if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
			p.destroyForcibly().waitFor();
			fail(String.join(" ", command) + " took more than " + seconds + " s:\n" +
				Files.readString(log, StandardCharsets.UTF_8));
		}
		final Result r = new Result(p.exitValue(), Files.readString(log,
			StandardCharsets.UTF_8));
		assertEquals(status, r.status(), String.join(" ", command) + ":\n" + r
			.output());
		return r;
	}

	/** Skips, or under CI fails, without root, slurm-wlm and munge. */
	private static void requireSlurm() throws Exception {
		final List<String> missing = Stream.of("munged", "slurmctld", "slurmd",
			"sbatch", "squeue", "sinfo", "scancel").filter(p -> Stream.concat(Arrays
				.stream(System.getenv().getOrDefault("PATH", "").split(
					File.pathSeparator)), Stream.of("/usr/sbin", "/sbin")).noneMatch(
						d -> Files.isExecutable(Path.of(d, p)))).collect(Collectors
							.toList());
		final Process id = new ProcessBuilder("id", "-u").start();
		final boolean root = new String(id.getInputStream().readAllBytes(),
			StandardCharsets.UTF_8).trim().equals("0");
		if (missing.isEmpty() && root) return;
		final String why = "the SLURM test needs " + (missing.isEmpty() ? ""
			: "Debian's slurm-wlm and munge (missing: " + String.join(", ",
				missing) + "; run .ci/install-test-deps.sh)" + (root ? "" : " and ")) +
			(root ? "" : "root, since slurmd starts the jobs");
		if (SharedData.underCi()) fail("Under CI " + why + ".");
		Assumptions.abort("Skipped: " + why + ".");
	}
}
