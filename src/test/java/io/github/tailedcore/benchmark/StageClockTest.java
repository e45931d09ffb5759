package io.github.tailedcore.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tailedcore.StageRecorder;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Stages are summed per scoped name and forwarded with that name; each
 * stage's process CPU time is summed beside its wall time.
 */
class StageClockTest {

	@Test
	void sumsRepeatedStagesPerScope() throws InterruptedException {
		final StageRecorder recorder = new StageRecorder();
		final List<String> seen = recorder.stages();
		final StageClock clock = new StageClock(recorder);
		clock.stage("Features");
		Thread.sleep(20);
		clock.scope("PatchCore");
		clock.stage("Coreset");
		Thread.sleep(10);
		clock.scope("SoftPatch");
		clock.stage("Coreset");
		clock.scope("PatchCore");
		clock.stage("Coreset");
		Thread.sleep(10);
		clock.stop();
		final Map<String, Double> s = clock.seconds();
		assertEquals(List.of("Features", "PatchCore: Coreset", "SoftPatch: Coreset"),
			List.copyOf(s.keySet()));
		assertEquals(seen, List.of("Features", "PatchCore: Coreset",
			"SoftPatch: Coreset", "PatchCore: Coreset"));
		assertTrue(s.get("Features") >= 0.02);
		assertTrue(s.get("PatchCore: Coreset") >= 0.02);
		assertTrue(s.get("SoftPatch: Coreset") < s.get("PatchCore: Coreset"));
	}

	@Test
	void countsTheCpuTimeOfEachStage() {
		final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		final StageClock clock = new StageClock(new StageRecorder());
		clock.stage("Busy");
		final long start = threads.getCurrentThreadCpuTime();
		long spin = 0;
		while (threads.getCurrentThreadCpuTime() - start < 50_000_000)
			spin++;
		clock.stop();
		assertTrue(spin > 0);
		assertEquals(List.of("Busy"), List.copyOf(clock.cpuSeconds().keySet()));
		assertTrue(clock.cpuSeconds().get("Busy") >= 0.05, clock.cpuSeconds()
			.toString());
	}
}
