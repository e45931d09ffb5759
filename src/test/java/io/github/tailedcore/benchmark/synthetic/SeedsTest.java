package io.github.tailedcore.benchmark.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class SeedsTest {

	@Test
	void streamsDependOnSeedAndEveryPartOfTheName() {
		final long a = Seeds.random(1, "grid", "train", 0).nextLong();
		assertEquals(a, Seeds.random(1, "grid", "train", 0).nextLong());
		assertNotEquals(a, Seeds.random(2, "grid", "train", 0).nextLong());
		assertNotEquals(a, Seeds.random(1, "dots", "train", 0).nextLong());
		assertNotEquals(a, Seeds.random(1, "grid", "test", 0).nextLong());
		assertNotEquals(a, Seeds.random(1, "grid", "train", 1).nextLong());
	}
}
