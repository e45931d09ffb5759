package io.github.tailedcore.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The split of a batch into shards, and the names and digest of its list. */
class ShardTest {

	@Test
	void parsesIOfNAndRefusesTheRest() {
		assertEquals(new Shard(3, 100), Shard.parse("3/100"));
		assertEquals(new Shard(0, 1), Shard.parse(" 0 / 1 "));
		for (final String bad : new String[] { "4/4", "-1/3", "a/b", "3", "",
			"0/0", "1/2/3", null })
		{
			final IllegalArgumentException e = assertThrows(
				IllegalArgumentException.class, () -> Shard.parse(bad), bad);
			assertTrue(e.getMessage().contains("I/N") || e.getMessage().contains(
				"N ≥ 1"), e.getMessage());
		}
	}

	/**
	 * The split is the documented one, which any tool can compute: these
	 * shards come from {@code printf %s NAME | sha256sum}, the first 16 hex
	 * digits taken mod N.
	 */
	@Test
	void shardOfANameIsItsSha256ModN() {
		assertEquals(20, Shard.of("grid/test/hole/000.png", 100));
		assertEquals(0, Shard.of("grid/test/hole/000.png", 4));
		assertEquals(72, Shard.of("a.png", 100));
		assertEquals(3, Shard.of("x,\"y\".png", 7));
		assertEquals(0, Shard.of("anything", 1));
	}

	@Test
	void everyNameIsInExactlyOneShardWhateverElseIsInTheList() {
		final List<String> names = IntStream.range(0, 10_000).mapToObj(
			i -> "plate" + i / 96 + "/well" + i % 96 + ".tif").toList();
		final List<String> union = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			final Shard shard = new Shard(i, 10);
			final List<String> own = shard.select(names);
			assertTrue(Math.abs(own.size() - 1000) < 150, own.size() +
				" names in shard " + shard + ": not balanced");
			assertEquals(names.stream().filter(own::contains).toList(), own,
				"in the list's order");
			assertEquals(own.stream().filter(names.subList(0, 5000)::contains)
				.toList(), shard.select(names.subList(0, 5000)),
				"half of the list: the same names of it in the shard");
			union.addAll(own);
		}
		assertEquals(ImageNames.sorted(names), ImageNames.sorted(union));
	}

	@Test
	void namesAreInStringOrderAndTheirDigestIsSha256OfTheLines() {
		assertEquals(List.of("A.png", "a.png", "a/b.png", "a0.png"), ImageNames
			.sorted(List.of("a0.png", "a/b.png", "a.png", "A.png")));
		assertEquals(
			"911169ddaaf146aff539f58c26c489af3b892dff0fe283c1c264c65ae5aa59a2",
			ImageNames.digest(List.of("a", "b")));
		assertEquals(
			"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
			ImageNames.digest(List.of()));
	}
}
