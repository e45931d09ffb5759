package io.github.tailedcore.feature;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;

/**
 * Downloads a backbone's ONNX file from its manifest's {@code url} and
 * accepts it only if its SHA-256 matches the manifest.
 * <p>
 * The bytes go to a temporary file in the target folder while the checksum
 * is computed; a matching file is then moved atomically to its final name,
 * so a broken or interrupted download never leaves a file that looks valid.
 * A wrong checksum deletes the temporary file and says so.
 * </p>
 */
public final class BackboneDownloader {

	private final HttpClient client;

	/** A downloader that follows redirects and waits at most 30 s to connect. */
	public BackboneDownloader() {
		client = HttpClient.newBuilder().followRedirects(
			HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(30))
			.build();
	}

	/**
	 * Downloads {@code manifest.url()} to {@code folder/manifest.file()}.
	 *
	 * @return the verified file
	 * @throws IOException if the manifest has no checksum, the server fails,
	 *           or the checksum differs (the partial file is deleted)
	 */
	public Path download(final BackboneManifest manifest, final Path folder)
		throws IOException
	{
		if (manifest.sha256().isEmpty()) throw new IOException(
			"The backbone manifest " + manifest.source() +
				" has no sha256, so a download from " + manifest.url() +
				" could not be verified. Add the file's SHA-256 to the manifest.");
		final Path target = folder.resolve(manifest.file());
		final URI uri;
		try {
			uri = URI.create(manifest.url());
		}
		catch (final IllegalArgumentException e) {
			throw new IOException("The backbone manifest " + manifest.source() +
				" gives the url '" + manifest.url() + "', which is not a valid " +
				"address (" + e.getMessage() + "). Correct the url in the manifest.",
				e);
		}
		final Path part;
		try {
			// not createTempFile: its 0600 would stay on the backbone file
			part = Files.createFile(folder.resolve(manifest.file() + "." + Long
				.toString(System.nanoTime(), 36) + ".part"));
		}
		catch (final IOException e) {
			throw new IOException("Cannot download the backbone " + manifest
				.name() + " into " + folder + ": the folder cannot be written to (" +
				e + "). Make it writable, or set the system property " +
				"tailedcore.models to a writable folder.", e);
		}
		try {
			final String actual;
			try {
				actual = fetch(uri, part);
			}
			catch (final IOException e) {
				throw new IOException("Could not download the backbone " + manifest
					.name() + " from " + uri + " (" + describe(e) + "). Check the " +
					"network connection and proxy, or download the file yourself and " +
					"put it into " + folder + " as " + manifest.file() + ".", e);
			}
			if (!actual.equals(manifest.sha256())) throw new IOException(
				"The download of " + manifest.url() + " has SHA-256 " + actual +
					" but the manifest " + manifest.source() + " says " + manifest
						.sha256() + "; the downloaded file was deleted. Check the url " +
					"and checksum in the manifest.");
			move(part, target);
			return target;
		}
		finally {
			Files.deleteIfExists(part);
		}
	}

	/** Streams a URL into a file and returns the bytes' SHA-256. */
	private String fetch(final URI uri, final Path file) throws IOException {
		final HttpRequest request = HttpRequest.newBuilder(uri).GET().build();
		final HttpResponse<InputStream> response;
		try {
			response = client.send(request, HttpResponse.BodyHandlers
				.ofInputStream());
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("The download of " + uri + " was interrupted.", e);
		}
		final MessageDigest digest = Sha256.newDigest();
		try (InputStream in = response.body();
				OutputStream out = Files.newOutputStream(file))
		{
			if (response.statusCode() != 200) throw new IOException(
				"The download of " + uri + " failed with HTTP status " + response
					.statusCode() + ".");
			final byte[] buffer = new byte[1 << 16];
			for (int n; (n = in.read(buffer)) > 0;) {
				digest.update(buffer, 0, n);
				out.write(buffer, 0, n);
			}
		}
		return Sha256.hex(digest.digest());
	}

	/** An exception's message, or its class when it has none ("Error: null"). */
	private static String describe(final IOException e) {
		final String m = e.getMessage();
		return m == null || m.isBlank() ? e.getClass().getSimpleName() + ", no " +
			"details given" : m;
	}

	private static void move(final Path from, final Path to) throws IOException {
		try {
			Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (final AtomicMoveNotSupportedException e) {
			Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
		}
	}
}
