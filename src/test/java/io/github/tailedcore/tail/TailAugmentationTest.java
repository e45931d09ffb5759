package io.github.tailedcore.tail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The views of each {@link TailAugmentation} (spec §6). */
class TailAugmentationTest {

	private static List<String> views(final TailAugmentation a) {
		final List<String> out = new ArrayList<>();
		for (int v = 0; v < a.viewCount(); v++)
			out.add(a.angle(v) + (a.flipped(v) ? " flipped" : ""));
		return out;
	}

	@Test
	void rotflipGivesTheSevenNonIdentityViewsOfTheSquaresSymmetries() {
		assertEquals(List.of("0 flipped", "90", "90 flipped", "180", "180 flipped",
			"270", "270 flipped"), views(TailAugmentation.ROTFLIP));
		assertTrue(TailAugmentation.ROTFLIP.rotatesCrop());
	}

	/** 2A − 1 views, all distinct, none the identity, angles below 360°. */
	@Test
	void everyTypeHasTwoViewsPerAngleButTheIdentity() {
		assertEquals(0, TailAugmentation.NONE.viewCount());
		assertEquals(47, TailAugmentation.ROT15FLIP.viewCount());
		assertEquals(23, TailAugmentation.ROT30FLIP.viewCount());
		assertEquals(15, TailAugmentation.ROT45FLIP.viewCount());
		for (final TailAugmentation a : TailAugmentation.values()) {
			final List<String> views = views(a);
			final Set<String> distinct = new HashSet<>(views);
			assertEquals(views.size(), distinct.size(), a + ": " + views);
			assertFalse(distinct.contains("0"), a + " repeats the identity");
			for (int v = 0; v < a.viewCount(); v++)
				assertTrue(a.angle(v) >= 0 && a.angle(v) < 360, a + " view " + v);
			if (a != TailAugmentation.ROTFLIP) assertFalse(a.rotatesCrop(), a
				.toString());
		}
		assertEquals(List.of("0 flipped", "30", "30 flipped"), views(
			TailAugmentation.ROT30FLIP).subList(0, 3));
		assertEquals("330 flipped", views(TailAugmentation.ROT30FLIP).get(22));
	}

	@Test
	void parsesNamesIgnoringCaseAndSpaces() {
		assertSame(TailAugmentation.ROT15FLIP, TailAugmentation.parse(
			" Rot15Flip "));
		assertSame(TailAugmentation.NONE, TailAugmentation.parse("none"));
		final IllegalArgumentException e = assertThrows(
			IllegalArgumentException.class, () -> TailAugmentation.parse("rot10"));
		assertEquals("Unknown tail augmentation 'rot10': use none, rotflip, " +
			"rot15flip, rot30flip or rot45flip.", e.getMessage());
	}

	/** The tail estimate's names, as users type them. */
	@Test
	void tailEstimationParsesItsLabels() {
		for (final TailEstimation e : TailEstimation.values())
			assertSame(e, TailEstimation.parse(" " + e.label().toUpperCase(Locale.ROOT) + " "));
		assertEquals("robust", TailEstimation.ROBUST.label());
		assertEquals("paper", TailEstimation.PAPER.label());
		final IllegalArgumentException e = assertThrows(
			IllegalArgumentException.class, () -> TailEstimation.parse("median"));
		assertEquals("Unknown tail estimate 'median': use robust, " +
			"separation or paper.", e.getMessage());
	}
}
