package io.github.tailedcore.batch;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shard {@code index} of {@code count} ({@code I/N}, 0 ≤ I &lt; N): the part
 * of a batch of images that one machine scores.
 * <p>
 * An image is in shard i of N iff h mod N = i, where h is the first 8 bytes
 * of the SHA-256 of its name ({@link ImageNames}: its path relative to the
 * input folder, '/'-separated, UTF-8), read as an unsigned big-endian
 * number. So the shard of a file depends on its name and N only: it never
 * moves when other files come or go, any program can compute it
 * ({@code printf %s NAME | sha256sum}), and neighbouring files (one plate,
 * one product kind, one day, often of one size) are spread evenly over the
 * shards rather than given to one. The price is that shard sizes vary
 * (binomially: 1,000 ± 32 images for 10⁵ images in 100 shards) and a shard
 * of a small folder may be empty, which is allowed.
 * </p>
 */
public record Shard(int index, int count) {

	private static final Pattern TEXT = Pattern.compile(
		"\\s*(\\d{1,9})\\s*/\\s*(\\d{1,9})\\s*");

	/**
	 * @throws IllegalArgumentException unless 0 ≤ index &lt; count
	 */
	public Shard {
		if (count < 1 || index < 0 || index >= count)
			throw new IllegalArgumentException("The shard " + index + "/" + count +
				" does not exist: give I/N with N ≥ 1 and 0 ≤ I < N (the array " +
				"task 0 to N-1 of N).");
	}

	/**
	 * Parses {@code I/N}, as SLURM's {@code $SLURM_ARRAY_TASK_ID/N} gives it.
	 *
	 * @throws IllegalArgumentException naming the text if it is not a shard
	 */
	public static Shard parse(final String text) {
		final Matcher m = TEXT.matcher(text == null ? "" : text);
		if (!m.matches()) throw new IllegalArgumentException("'" + text +
			"' is not a shard: write I/N, e.g. 3/100 for the fourth of 100 " +
			"shards (0 ≤ I < N).");
		return new Shard(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(
			2)));
	}

	/** The shard of {@code count} that holds the image {@code name}. */
	public static int of(final String name, final int count) {
		final byte[] hash = ImageNames.sha256().digest(name.getBytes(
			StandardCharsets.UTF_8));
		long h = 0;
		for (int i = 0; i < 8; i++)
			h = h << 8 | (hash[i] & 0xff);
		return (int) Long.remainderUnsigned(h, count);
	}

	/** Whether the image {@code name} is in this shard. */
	public boolean contains(final String name) {
		return of(name, count) == index;
	}

	/** The names of {@code names} in this shard, in their order. */
	public List<String> select(final List<String> names) {
		return names.stream().filter(this::contains).toList();
	}

	/** {@code I/N}. */
	@Override
	public String toString() {
		return index + "/" + count;
	}
}
