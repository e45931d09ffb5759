package io.github.tailedcore.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tailedcore.image.DisplayRange;
import io.github.tailedcore.image.InputNormalization;
import io.github.tailedcore.image.RasterImage;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Which channels of an image reach the backbone's red, green and blue. */
class ChannelsTest {

	/** A 2 × 1 image of n channels, channel c holding 10 (c + 1) and 10 (c + 1) + 1. */
	private static RasterImage channels(final int n) {
		final float[][] planes = new float[n][];
		final DisplayRange[] ranges = new DisplayRange[n];
		for (int c = 0; c < n; c++) {
			planes[c] = new float[] { 10 * (c + 1), 10 * (c + 1) + 1 };
			ranges[c] = new DisplayRange(c, 100 + c);
		}
		return new RasterImage(2, 1, planes).withDisplayRanges(ranges);
	}

	@Test
	void parsesAndLabels() {
		assertSame(Channels.auto(), Channels.parse(" AUTO "));
		assertEquals(Channels.of(2), Channels.parse("2"));
		assertEquals(Channels.of(3, 1), Channels.parse("3, 1"));
		assertEquals(Channels.of(1, 2, 4), Channels.parse("1 2 4"));
		assertEquals("auto", Channels.auto().label());
		assertEquals("3,1", Channels.of(3, 1).label());
		for (final String bad : new String[] { "", "0", "1,1", "1,2,3,4", "red",
			"-1", null })
		{
			final Exception e = assertThrows(IllegalArgumentException.class,
				() -> Channels.parse(bad), bad);
			assertTrue(e.getMessage().contains("such as 2 or 1,3"), e.getMessage());
		}
	}

	/** Chosen channels come in the order given, with their display ranges. */
	@Test
	void picksTheChosenChannelsInOrder() {
		final RasterImage four = channels(4);
		final RasterImage picked = Channels.of(4, 2).pick(four);
		assertEquals(2, picked.channels());
		assertArrayEquals(new float[] { 40, 41 }, picked.plane(0));
		assertArrayEquals(new float[] { 20, 21 }, picked.plane(1));
		assertEquals(new DisplayRange(3, 103), picked.displayRange(0));
		final RasterImage grey = Channels.of(3).pick(four);
		assertEquals(1, grey.channels());
		assertArrayEquals(new float[] { 30, 31 }, grey.plane(0));
		assertSame(four.plane(0), Channels.of(1, 2, 3).pick(four).plane(0));
	}

	/**
	 * What the backbone gets: one channel as grey, two as red and green over
	 * a black blue, three as they are.
	 */
	@Test
	void oneTwoOrThreeChannelsBecomeRedGreenBlue() {
		final float[] tensor = new float[3 * 2];
		final InputNormalization identity = new InputNormalization(
			InputNormalization.ChannelOrder.RGB, 1, new double[3], new double[] { 1,
				1, 1 });
		identity.write(Channels.of(2).pick(channels(3)), tensor, 0);
		assertArrayEquals(new float[] { 20, 21, 20, 21, 20, 21 }, tensor);
		identity.write(Channels.of(3, 1).pick(channels(3)), tensor, 0);
		assertArrayEquals(new float[] { 30, 31, 10, 11, 0, 0 }, tensor);
		identity.write(Channels.of(1, 2).pick(channels(2)), tensor, 0);
		assertArrayEquals(new float[] { 10, 11, 20, 21, 0, 0 }, tensor);
		final RasterImage four = channels(4);
		assertThrows(IllegalStateException.class, () -> four.rgbPlanes());
	}

	@Test
	void refusesAnImageWithoutTheChannelsItNeeds() {
		final Exception e = assertThrows(IllegalArgumentException.class,
			() -> Channels.of(1, 3).pick(channels(2)));
		assertEquals("The image has 2 channels but the model uses channel 3 " +
			"(channels 1,3).", e.getMessage());
		assertTrue(Channels.of(2).problem(1).contains("has 1 channel but"));
		assertNull(Channels.of(2).problem(5));
		// auto: grey or colour; a composite of 2 only after a fit on such
		assertNull(Channels.auto().problem(1));
		assertNull(Channels.auto().problem(3));
		assertTrue(Channels.auto().problem(2).contains("has 2 channels, but the " +
			"model was fitted on grey or colour images"));
		assertTrue(Channels.auto().problem(4).contains("at most three"));
		assertNull(Channels.auto().trainingProblem(2));
		assertTrue(Channels.auto().trainingProblem(4).contains("(e.g. 1,2,3)"));
	}

	/**
	 * A fit on grey or colour images records auto (scoring takes either); on
	 * two-channel composites, both channels, so that a grey image is refused.
	 */
	@Test
	void fitRecordsWhatAutoBecame() {
		assertSame(Channels.auto(), Channels.auto().fittedTo(new int[] { 1, 3,
			1 }));
		assertEquals(Channels.of(1, 2), Channels.auto().fittedTo(new int[] { 2,
			2 }));
		assertEquals(Channels.of(1, 2, 3), Channels.auto().fittedTo(new int[] { 2,
			3 }));
		assertEquals(Channels.of(2), Channels.of(2).fittedTo(new int[] { 1 }));
		assertSame(Channels.auto(), Channels.auto().fittedTo(new int[0]));
		final Exception e = assertThrows(IllegalArgumentException.class,
			() -> Channels.auto().fittedTo(new int[] { 1, 5 }));
		assertTrue(e.getMessage().startsWith("The image has 5 channels"), e
			.getMessage());
		assertEquals(List.of(2, 1), Channels.of(2, 1).picks());
	}

	/** The preprocessing applies channels before the intensity scaling. */
	@Test
	void framedImageScalesOnlyTheChosenChannels() {
		final RasterImage image = new RasterImage(16, 16, ramp(0, 50), ramp(100,
			200), ramp(0, 1));
		final Preprocessing p = new Preprocessing(Framing.FULL, 1, 8, Intensity
			.percentiles(), Channels.of(2));
		final RasterImage input = FramedImage.of(image, p, 16, 16).input(0);
		assertEquals(1, input.channels());
		assertEquals(new Preprocessing(Framing.FULL, 1, 8, Intensity
			.percentiles()).channels(), Channels.auto());
		float min = Float.MAX_VALUE;
		float max = -Float.MAX_VALUE;
		for (final float v : input.plane(0)) {
			min = Math.min(min, v);
			max = Math.max(max, v);
		}
		// channel 2's own percentiles, not those of all three channels
		assertTrue(min < 2 && max > 253, min + " … " + max);
	}

	private static float[] ramp(final float from, final float to) {
		final float[] p = new float[16 * 16];
		for (int i = 0; i < p.length; i++)
			p[i] = from + (to - from) * i / (p.length - 1);
		return p;
	}
}
