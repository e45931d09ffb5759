package io.github.tailedcore.batch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * The images of a batch run by name: each file's path relative to the
 * input folder with '/' separators ({@code grid/test/hole/000.png}), in the
 * one order every output lists them, {@link #ORDER}. A one-machine run and
 * a merge of shards both write their rows in this order, which is what
 * makes their {@code scores.csv} identical; the list's {@link #digest}
 * lets shards that ran on different machines prove they saw the same files.
 */
public final class ImageNames {

	/** The order of rows in every output: {@link String#compareTo}. */
	public static final Comparator<String> ORDER = Comparator.naturalOrder();

	private ImageNames() {}

	/** {@code names} in {@link #ORDER}. */
	public static List<String> sorted(final Collection<String> names) {
		return names.stream().sorted(ORDER).toList();
	}

	/**
	 * The lower-case hex SHA-256 of the names in the given order, each
	 * followed by a line feed, in UTF-8.
	 */
	public static String digest(final List<String> names) {
		final MessageDigest digest = sha256();
		for (final String name : names)
			digest.update((name + "\n").getBytes(StandardCharsets.UTF_8));
		return HexFormat.of().formatHex(digest.digest());
	}

	static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (final NoSuchAlgorithmException e) {
			throw new IllegalStateException("This Java has no SHA-256.", e);
		}
	}
}
