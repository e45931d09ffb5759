package io.github.tailedcore.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tailedcore.Progress;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Stages are summed per scoped name and forwarded with that name. */
class StageClockTest {

	@Test
	void sumsRepeatedStagesPerScope() throws InterruptedException {
		final List<String> seen = new ArrayList<>();
		final StageClock clock = new StageClock(new Progress() {

			@Override
			public void stage(final String name) {
				seen.add(name);
			}

			@Override
			public void update(final long done, final long total) {}

			@Override
			public boolean isCanceled() {
				return false;
			}
		});
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
}
