package io.github.tailedcore.preprocess;

import io.github.tailedcore.image.RasterImage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Which channels of an image feed the backbone, whose input is red, green
 * and blue: one channel becomes grey (replicated to all three), two become
 * red and green over a black blue (as Fiji merges two channels), three
 * become red, green and blue, in the order given.
 * <p>
 * {@link #auto()} (the default) takes every channel of an image of up to
 * three: grey stays grey, colour stays colour (as before channels could be
 * chosen), a two- or three-channel composite is merged as above. A fit
 * records what it used ({@link #fittedTo}): {@code auto} while its training
 * images were grey or colour, so that scoring still takes either (and
 * refuses a two-channel composite); the channels {@code 1,2} when they were
 * two-channel composites, so that an image with fewer channels is refused
 * rather than scored on something else.
 * An image of more than three channels needs a choice: which channels carry
 * the structure that matters is the scientist's knowledge, and a channel
 * silently dropped is a defect silently missed.
 * </p>
 *
 * @param picks 1-based channel numbers (ImageJ's), one to three, distinct;
 *          empty for {@code auto}
 */
public record Channels(List<Integer> picks) {

	private static final Channels AUTO = new Channels(List.of());

	/** @throws IllegalArgumentException unless picks are as documented */
	public Channels {
		picks = List.copyOf(picks);
		if (picks.size() > 3 || picks.stream().anyMatch(c -> c < 1) || new HashSet<>(
			picks).size() != picks.size()) throw new IllegalArgumentException(
				"Choose one to three different channels (numbered from 1), got " +
					picks + ".");
	}

	/** Every channel of an image of up to three. */
	public static Channels auto() {
		return AUTO;
	}

	/** The given 1-based channels, in the order red, green, blue. */
	public static Channels of(final int... picks) {
		return new Channels(IntStream.of(picks).boxed().toList());
	}

	/**
	 * Parses {@code auto} or one to three channel numbers separated by commas
	 * (or spaces): {@code 2}, {@code 1,3}, {@code 3,2,1}.
	 *
	 * @throws IllegalArgumentException naming what is wrong
	 */
	public static Channels parse(final String text) {
		final String t = text == null ? "" : text.trim();
		if (t.equalsIgnoreCase("auto")) return AUTO;
		final List<Integer> picks = new ArrayList<>();
		try {
			for (final String part : t.split("[,\\s]+"))
				picks.add(Integer.parseInt(part));
			return new Channels(picks);
		}
		catch (final IllegalArgumentException e) {
			throw new IllegalArgumentException("Channels must be auto or one to " +
				"three channel numbers from 1, such as 2 or 1,3; got '" + text + "'.",
				e);
		}
	}

	/** Whether this is {@link #auto()}. */
	public boolean isAuto() {
		return picks.isEmpty();
	}

	/** {@code auto}, or the channel numbers joined by commas. */
	public String label() {
		return isAuto() ? "auto" : picks.stream().map(String::valueOf).collect(
			Collectors.joining(","));
	}

	/**
	 * Why an image of {@code channels} channels cannot be prepared this way,
	 * or {@code null} if it can: {@code auto} takes grey and colour images
	 * (what it records after a fit on them), given channels need the image
	 * to have them.
	 */
	public String problem(final int channels) {
		if (isAuto()) return channels == 1 || channels == 3 ? null
			: trainingProblem(channels) != null ? trainingProblem(channels)
				: "it has " + channels + " channels, but the model was fitted on " +
					"grey or colour images; fit a model on such images, or keep one " +
					"channel (Image > Duplicate...)";
		final int needed = picks.stream().mapToInt(Integer::intValue).max()
			.getAsInt();
		return channels >= needed ? null : "it has " + channels + (channels == 1
			? " channel" : " channels") + " but the model uses channel " + needed +
			" (channels " + label() + ")";
	}

	/**
	 * Why a training image of {@code channels} channels cannot be fitted on
	 * this way, or {@code null}: {@code auto} fits every image of up to three
	 * channels ({@link #fittedTo} then says how).
	 */
	public String trainingProblem(final int channels) {
		if (!isAuto()) return problem(channels);
		return channels <= 3 ? null : "it has " + channels + " channels and the " +
			"backbone takes at most three; choose which with the channels setting " +
			"(e.g. 1,2,3)";
	}

	/**
	 * The channels of {@code image} that feed the backbone (one to three;
	 * their display ranges kept), before intensity scaling.
	 *
	 * @throws IllegalArgumentException if the image lacks a channel
	 *           ({@link #problem})
	 */
	public RasterImage pick(final RasterImage image) {
		final String problem = problem(image.channels());
		if (problem != null) throw new IllegalArgumentException(sentence(
			problem));
		return isAuto() ? image : image.channels(picks.stream().mapToInt(c -> c -
			1).toArray());
	}

	/**
	 * What a fit records for training images of these channel counts: the
	 * given channels; {@code auto} while every image is grey or colour (1 or
	 * 3 channels); else every channel, {@code 1..n} for the largest count n
	 * (an image with fewer is then refused, {@link #problem}).
	 *
	 * @throws IllegalArgumentException if an image has more channels than
	 *           {@code auto} takes ({@link #trainingProblem})
	 */
	public Channels fittedTo(final int[] channelCounts) {
		if (!isAuto()) return this;
		final int most = IntStream.of(channelCounts).max().orElse(1);
		if (trainingProblem(most) != null) throw new IllegalArgumentException(
			sentence(trainingProblem(most)));
		return IntStream.of(channelCounts).allMatch(c -> c == 1 || c == 3) ? this
			: of(IntStream.rangeClosed(1, most).toArray());
	}

	/** "it has …" as a sentence about the image. */
	private static String sentence(final String problem) {
		return "The image" + problem.substring("it".length()) + ".";
	}

	@Override
	public String toString() {
		return label();
	}
}
